package io.cordon.pipeline.detect;

import io.cordon.pipeline.track.EntityTrack;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Evidence keys every detector writes into {@link io.cordon.pipeline.alert.Alert#evidence()}, and
 * the formatting of numbers in it (fixed decimals, {@link Locale#ROOT}, so replays give identical
 * text).
 */
public final class Evidence {
    /**
     * Comma-separated sorted ids of the partners whose data the alert derives from; the sharing
     * policy reads it for {@code fromPartners}.
     */
    public static final String SOURCE_PARTNERS = "sourcePartners";

    /** Comma-separated sorted ids of the sensors whose data the alert derives from. */
    public static final String SOURCE_SENSORS = "sourceSensors";

    /**
     * Revision of an alert's messages: 0 on {@code NEW}, one more on each {@code UPDATE} and on the
     * {@code CLOSED} that ends it (detectors that send updates write it).
     */
    public static final String REVISION = "revision";

    /** Prefix of the detector parameters in the evidence: {@code param.hysteresisM}. */
    public static final String PARAM_PREFIX = "param.";

    private Evidence() {}

    /** A number with {@code decimals} fixed decimals. */
    public static String decimal(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Sorted, comma-separated. */
    public static String joined(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    /** Adds the provenance of the tracks to {@code evidence}. */
    public static void addProvenance(Map<String, String> evidence, Collection<EntityTrack> tracks) {
        TreeSet<String> partners = new TreeSet<>();
        TreeSet<String> sensors = new TreeSet<>();
        for (EntityTrack t : tracks) {
            partners.addAll(t.partnerIds());
            sensors.addAll(t.sensorIds());
        }
        evidence.put(SOURCE_PARTNERS, joined(partners));
        evidence.put(SOURCE_SENSORS, joined(sensors));
    }
}
