package io.cordon.pipeline.alert;

/** Life cycle of an alert; updates and closures carry the same alert id as the original. */
public enum AlertState {
    NEW,
    UPDATE,
    CLOSED
}
