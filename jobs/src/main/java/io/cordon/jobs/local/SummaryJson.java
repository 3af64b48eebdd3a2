package io.cordon.jobs.local;

import io.cordon.jobs.sim.InProcessConnectors;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The local run's final counts as JSON. */
final class SummaryJson {
    private SummaryJson() {}

    static String of(
            ProgressMonitor.Snapshot s,
            Map<String, InProcessConnectors.FormatCounts> connectors,
            double elapsedS) {
        return "{\n"
                + "  \"duration_s\": "
                + String.format(Locale.ROOT, "%.1f", elapsedS)
                + ",\n"
                + "  \"observations\": "
                + s.observations()
                + ",\n"
                + "  \"observations_by_sensor\": "
                + object(s.observationsBySensor())
                + ",\n"
                + "  \"connectors\": "
                + connectors(connectors)
                + ",\n"
                + "  \"observations_per_s\": "
                + String.format(Locale.ROOT, "%.1f", s.observations() / elapsedS)
                + ",\n"
                + "  \"track_updates\": "
                + s.trackUpdates()
                + ",\n"
                + "  \"tracks\": "
                + s.tracksSeen()
                + ",\n"
                + "  \"live_tracks\": "
                + s.liveTracks()
                + ",\n"
                + "  \"track_updates_with_measured_height\": "
                + s.trackUpdatesWithHeight()
                + ",\n"
                + "  \"tracks_with_measured_height\": "
                + s.tracksWithHeight()
                + ",\n"
                + "  \"alerts\": "
                + s.alerts()
                + ",\n"
                + "  \"alerts_by_type\": "
                + object(s.alertsByType())
                + ",\n"
                + "  \"alerts_by_detector\": "
                + object(s.alertsByDetector())
                + ",\n"
                + "  \"alerts_by_partner\": "
                + object(s.alertsByPartner())
                + ",\n"
                + "  \"dead_letters\": "
                + s.deadLetters()
                + ",\n"
                + "  \"dead_letters_by_stage\": "
                + object(s.deadLettersByStage())
                + "\n"
                + "}\n";
    }

    private static String connectors(Map<String, InProcessConnectors.FormatCounts> counts) {
        return counts.entrySet().stream()
                .map(
                        e ->
                                "\""
                                        + e.getKey()
                                        + "\": {\"units\": "
                                        + e.getValue().units()
                                        + ", \"records_decoded\": "
                                        + e.getValue().records()
                                        + ", \"observations\": "
                                        + e.getValue().observations()
                                        + ", \"decode_errors\": "
                                        + e.getValue().errors()
                                        + "}")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String object(Map<String, Long> values) {
        return values.entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\"", "\\\"") + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
