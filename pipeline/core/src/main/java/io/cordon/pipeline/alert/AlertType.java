package io.cordon.pipeline.alert;

/** The kinds of finding Cordon's detectors produce. */
public enum AlertType {
    BORDER_CROSSING,
    LOITERING,
    RENDEZVOUS,
    DARK_TARGET,
    LOW_SLOW_FLYER,
    ZONE_INTRUSION,
    IDENTITY_CONFLICT,
    CONVOY
}
