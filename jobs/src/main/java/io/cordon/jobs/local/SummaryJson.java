package io.cordon.jobs.local;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The local run's final counts as JSON. */
final class SummaryJson {
    private SummaryJson() {}

    static String of(ProgressMonitor.Snapshot s, double elapsedS) {
        return "{\n"
                + "  \"duration_s\": "
                + String.format(Locale.ROOT, "%.1f", elapsedS)
                + ",\n"
                + "  \"observations\": "
                + s.observations()
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
                + "  \"alerts\": "
                + s.alerts()
                + ",\n"
                + "  \"alerts_by_type\": "
                + object(s.alertsByType())
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

    private static String object(Map<String, Long> values) {
        return values.entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\"", "\\\"") + "\": " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
