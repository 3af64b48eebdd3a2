package io.cordon.pipeline.alert;

/** Alert severity, ordered from least to most severe. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
