package io.cordon.jobs.sim;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.observation.SensorKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format in which the simulator speaks for a kind of sensor, and the label its connector
 * uses in counters and as the dead-letter source ({@code <label>:<sensor id>}).
 */
public enum WireFormat {
    /** Ground radars: CAT034 north marker and CAT048 plots, one datagram per scan. */
    ASTERIX("asterix-cat048"),
    /** Drones (the first, fourth, ...): one Cursor on Target XML event per detection. */
    COT("cot-xml"),
    /**
     * Drones (the second, fifth, ...): one TAK protocol version 1 message (protobuf {@code
     * TakMessage} with a {@code CotEvent}) per detection, with TAK stream framing (0xBF, varint
     * length).
     */
    TAK("tak-protobuf"),
    /**
     * Drones (the third, sixth, ...): one MISB ST 0601 UAS Datalink packet per video frame, its ST
     * 0903 VMTI set (tag 74) carrying every detection of the frame as a located VTarget.
     */
    MISB("misb-klv"),
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

    /**
     * The format of each sensor of a registry, by sensor id in registry order: that of its kind
     * ({@link #of(SensorKind)}), except that drones rotate between CoT XML, TAK protobuf and MISB
     * KLV in registry order (the first, fourth, ... drone speaks CoT XML, the second, fifth, ...
     * TAK, the third, sixth, ... MISB ST 0601 with ST 0903 VMTI), as a TAK network carries the
     * first two and a full-motion-video drone the third.
     */
    public static Map<String, WireFormat> of(List<SensorConfig> registry) {
        Map<String, WireFormat> out = new LinkedHashMap<>();
        int drones = 0;
        for (SensorConfig s : registry) {
            WireFormat f = of(s.kind());
            if (f == COT) {
                int turn = drones++ % 3;
                f = turn == 1 ? TAK : turn == 2 ? MISB : COT;
            }
            out.put(s.id(), f);
        }
        return out;
    }

    /**
     * The format the simulator uses for sensors of {@code kind} (drones: see {@link #of(List)}).
     */
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
