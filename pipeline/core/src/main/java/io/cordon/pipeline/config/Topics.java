package io.cordon.pipeline.config;

import java.util.regex.Pattern;

/**
 * Kafka topic names (DESIGN.md, Contracts). Every name is configurable; the defaults are the
 * versioned names of the design.
 *
 * @param observations sensor observations, key sensor id (default {@code cordon.observations.v1})
 * @param tracks fused entity tracks, key track id (default {@code cordon.tracks.v1})
 * @param alerts all alerts, key alert id (default {@code cordon.alerts.v1})
 * @param deadLetter undecodable input with reason and source (default {@code cordon.deadletter.v1})
 * @param audit sharing decisions (default {@code cordon.audit.v1})
 * @param sensors compacted sensor registry (default {@code cordon.sensors.v1})
 * @param config compacted live configuration (default {@code cordon.config.v1})
 */
public record Topics(
        String observations,
        String tracks,
        String alerts,
        String deadLetter,
        String audit,
        String sensors,
        String config) {
    /** Kafka's legal topic names: ASCII letters, digits, '.', '_' and '-', at most 249. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private static final String ALLOWED =
            "a Kafka topic name: 1 to 249 of ASCII letters, digits, '.', '_', '-'";

    public static final Topics DEFAULTS =
            new Topics(
                    "cordon.observations.v1",
                    "cordon.tracks.v1",
                    "cordon.alerts.v1",
                    "cordon.deadletter.v1",
                    "cordon.audit.v1",
                    "cordon.sensors.v1",
                    "cordon.config.v1");

    public Topics {
        ConfigChecks.matching("observations", observations, LEGAL, ALLOWED);
        ConfigChecks.matching("tracks", tracks, LEGAL, ALLOWED);
        ConfigChecks.matching("alerts", alerts, LEGAL, ALLOWED);
        ConfigChecks.matching("deadLetter", deadLetter, LEGAL, ALLOWED);
        ConfigChecks.matching("audit", audit, LEGAL, ALLOWED);
        ConfigChecks.matching("sensors", sensors, LEGAL, ALLOWED);
        ConfigChecks.matching("config", config, LEGAL, ALLOWED);
    }

    /** The alerts topic of one partner: {@code cordon.partner.<partnerId>.alerts.v1}. */
    public String partnerAlerts(String partnerId) {
        return "cordon.partner." + partnerId + ".alerts.v1";
    }

    /** The tracks topic of one partner: {@code cordon.partner.<partnerId>.tracks.v1}. */
    public String partnerTracks(String partnerId) {
        return "cordon.partner." + partnerId + ".tracks.v1";
    }
}
