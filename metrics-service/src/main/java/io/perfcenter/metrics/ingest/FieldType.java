package io.perfcenter.metrics.ingest;

/** The kinds of value an uploaded field can hold, each with its own check and PostgreSQL text form. */
public enum FieldType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, CHOICE, JSON
}
