package io.perfcenter.metrics.aggregate;

import java.util.Objects;

/** Where a value stands: an agent (null employee for the scope's own total) and a bucket of the range. */
record Cell(String employeeId, String bucket) {

    static Cell total(String bucket) {
        return new Cell(null, bucket);
    }

    boolean isTotal() {
        return employeeId == null;
    }

    // written out, the same as the record's own: those are bootstrapped through method handles (ObjectMethods), which
    // a freshly started service runs uncompiled for a while, and a unit's aggregate looks cells up some 100,000 times
    // (JFR of the 1× month close: Cell.equals the top frame of metrics-service's combining)
    @Override
    public boolean equals(Object other) {
        return other instanceof Cell cell && Objects.equals(employeeId, cell.employeeId)
                && Objects.equals(bucket, cell.bucket);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(employeeId) + Objects.hashCode(bucket);
    }
}
