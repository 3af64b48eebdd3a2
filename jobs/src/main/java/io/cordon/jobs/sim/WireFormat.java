package io.cordon.jobs.sim;

import io.cordon.pipeline.observation.SensorKind;

/**
 * The wire format in which the simulator speaks for a kind of sensor, and the label its connector
 * uses in counters and as the dead-letter source ({@code <label>:<sensor id>}).
 */
public enum WireFormat {
    /** Ground radars: CAT034 north marker and CAT048 plots, one datagram per scan. */
    ASTERIX("asterix-cat048"),
    /** Drones: one Cursor on Target XML event per detection. */
    COT("cot-xml"),
    /** Satellites: one GeoJSON FeatureCollection per pass. */
    GEOJSON("geojson-satellite"),
    /** Ground sensors: one length-prefixed SAPIENT (BSI Flex 335 v2) detection report each. */
    SAPIENT("sapient"),
    /**
     * AIS receivers: NMEA 0183 {@code !AIVDM} lines, one position report (message 1 or 18) or one
     * static and voyage data report (message 5, two sentences) each.
     */
    AIS("ais-nmea"),
    /** Every other kind: the native {@code cordon.v1.Observation} protobuf. */
    NATIVE("cordon-protobuf");

    private final String label;

    WireFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The format the simulator uses for sensors of {@code kind}. */
    public static WireFormat of(SensorKind kind) {
        return switch (kind) {
            case GROUND_RADAR -> ASTERIX;
            case DRONE -> COT;
            case SATELLITE -> GEOJSON;
            case GROUND_SENSOR -> SAPIENT;
            case AIS -> AIS;
            default -> NATIVE;
        };
    }
}
