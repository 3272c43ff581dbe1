package io.perfcenter.metrics.ingest;

/**
 * The kinds of value an uploaded field can hold, each with its own check and PostgreSQL text form. CODE is text
 * limited to letters, digits and {@code _ . -} (codes of QA forms and items): a derivation may compare it with a value
 * of the same form, which is then safe to inline.
 */
public enum FieldType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, CHOICE, JSON, CODE
}
