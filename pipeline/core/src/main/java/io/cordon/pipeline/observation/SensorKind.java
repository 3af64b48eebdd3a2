package io.cordon.pipeline.observation;

/** The kind of sensor an observation comes from; it selects priors such as clutter and Pd. */
public enum SensorKind {
    GROUND_RADAR,
    DRONE,
    SATELLITE,
    AIS,
    ADSB,
    GROUND_SENSOR,
    PARTNER_TRACKER,
    OTHER;

    /** True for self-reporting feeds (AIS, ADS-B), whose identity is evidence for association. */
    public boolean cooperative() {
        return this == AIS || this == ADSB;
    }
}
