package io.cordon.pipeline.detect.crossing;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link BorderCrossingDetector} ({@code detectors.borderCrossing} in {@code
 * cordon.yaml}).
 *
 * @param hysteresisM how far past the border (distance to the nearest border line) a track must be
 *     before its crossing is confirmed, m, >= 0. Default 50 m: the fused position of a track seen
 *     by the demo's radars (σr 15 m) and drones (σ 10 m) jitters by 10-20 m (one sigma), so a track
 *     standing on the line gets past 50 m by noise alone only at 2.5-5 sigma; a person walking at
 *     1.4 m/s needs 36 s to cover it, a vehicle at 15 m/s 3 s, which is the alert's added latency.
 *     A track that crosses and comes back within this distance does not alert.
 * @param severity severity of a crossing away from a port of entry (default HIGH)
 * @param alertAtPortsOfEntry whether a crossing within a port of entry's radius alerts at all
 *     (default false: crossing at a port is the lawful way to cross)
 * @param portOfEntrySeverity severity of a crossing at a port when those alert (default INFO)
 */
public record BorderCrossingParameters(
        double hysteresisM,
        Severity severity,
        boolean alertAtPortsOfEntry,
        Severity portOfEntrySeverity) {
    public static final BorderCrossingParameters DEFAULTS =
            new BorderCrossingParameters(50.0, Severity.HIGH, false, Severity.INFO);

    public BorderCrossingParameters {
        if (!(hysteresisM >= 0 && hysteresisM <= 10_000)) {
            throw new ConfigException("hysteresisM", hysteresisM, "metres in [0, 10000]");
        }
        if (severity == null || portOfEntrySeverity == null) {
            throw new ConfigException(
                    severity == null ? "severity" : "portOfEntrySeverity",
                    null,
                    "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    /** Reads {@code detectors.borderCrossing}; absent keys take the defaults. */
    public static BorderCrossingParameters from(ParameterSection s) {
        s.allowOnly("hysteresisM", "severity", "alertAtPortsOfEntry", "portOfEntrySeverity");
        BorderCrossingParameters d = DEFAULTS;
        return s.build(
                () ->
                        new BorderCrossingParameters(
                                s.number("hysteresisM", d.hysteresisM()),
                                s.enumValue("severity", Severity.class, d.severity()),
                                s.bool("alertAtPortsOfEntry", d.alertAtPortsOfEntry()),
                                s.enumValue(
                                        "portOfEntrySeverity",
                                        Severity.class,
                                        d.portOfEntrySeverity())));
    }
}
