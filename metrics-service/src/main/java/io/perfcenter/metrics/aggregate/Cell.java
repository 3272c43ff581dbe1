package io.perfcenter.metrics.aggregate;

/** Where a value stands: an agent (null employee for the scope's own total) and a bucket of the range. */
record Cell(String employeeId, String bucket) {

    static Cell total(String bucket) {
        return new Cell(null, bucket);
    }

    boolean isTotal() {
        return employeeId == null;
    }
}
