package io.cordon.connectors.runtime;

import io.cordon.pipeline.observation.SensorKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a connector reads, by the name used on the command line. */
public enum FeedFormat {
    /** ASTERIX data blocks (CAT021, CAT034, CAT048, CAT062), raw. */
    ASTERIX("asterix", SensorKind.GROUND_RADAR),
    /** A libpcap capture whose UDP payloads are ASTERIX data blocks. */
    ASTERIX_PCAP("asterix-pcap", SensorKind.GROUND_RADAR),
    /** NMEA 0183 !AIVDM/!AIVDO lines, optionally with TAG blocks. */
    AIS("ais", SensorKind.AIS),
    /** Cursor on Target XML events. */
    COT("cot", SensorKind.DRONE),
    /** TAK protocol v1: stream framing (0xBF, varint length) on TCP and files, mesh on UDP. */
    TAK("tak", SensorKind.DRONE),
    /** SAPIENT (BSI Flex 335 v2) messages, each with a 4-byte little-endian length prefix. */
    SAPIENT("sapient", SensorKind.GROUND_SENSOR),
    /** MISB ST 0601 / ST 0903 KLV packets. */
    MISB("misb", SensorKind.DRONE),
    /** A GeoJSON FeatureCollection (or Feature) of satellite detections. */
    GEOJSON("geojson", SensorKind.SATELLITE),
    /** {@code cordon.v1.Observation}, each preceded by its length as a protobuf varint. */
    NATIVE("native", SensorKind.OTHER);

    private final String id;
    private final SensorKind defaultKind;

    FeedFormat(String id, SensorKind defaultKind) {
        this.id = id;
        this.defaultKind = defaultKind;
    }

    /** The command-line name, e.g. {@code asterix-pcap}. */
    public String id() {
        return id;
    }

    /** The sensor kind assumed for an unregistered sensor of this format. */
    public SensorKind defaultKind() {
        return defaultKind;
    }

    /** Every command-line name, comma separated, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(FeedFormat::id).collect(Collectors.joining(", "));
    }

    /**
     * The format named {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static FeedFormat of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (FeedFormat f : values()) {
            if (f.id.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "--format: unknown format '" + name + "'; allowed: " + allowed());
    }

    @Override
    public String toString() {
        return id;
    }
}
