package io.cordon.pipeline.alert;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A finding that explains itself.
 *
 * @param alertId deterministic id from detector, entities and window (see {@link AlertIds})
 * @param type what was found
 * @param severity how urgent
 * @param state life-cycle state of this message
 * @param windowStart event time the finding starts
 * @param windowEnd event time the finding ends (equal to start for instantaneous events)
 * @param location where (WGS84)
 * @param trackIds the entity tracks involved, in a stable order
 * @param detector detector name
 * @param detectorVersion detector version
 * @param evidence parameters and measured values that support the finding (sorted by key)
 * @param marking releasability: the intersection of the involved tracks' markings
 * @param summary one line for a human, in English
 */
public record Alert(
        String alertId,
        AlertType type,
        Severity severity,
        AlertState state,
        Instant windowStart,
        Instant windowEnd,
        GeoPoint location,
        List<String> trackIds,
        String detector,
        String detectorVersion,
        SortedMap<String, String> evidence,
        Marking marking,
        String summary) {
    public Alert {
        if (alertId == null || alertId.isBlank()) {
            throw new IllegalArgumentException("alertId is required");
        }
        if (type == null || severity == null || state == null) {
            throw new IllegalArgumentException("type, severity and state are required");
        }
        if (windowStart == null || windowEnd == null || windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException(
                    "window must satisfy start <= end, was " + windowStart + " .. " + windowEnd);
        }
        trackIds = List.copyOf(trackIds);
        evidence = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
        marking = marking == null ? Marking.UNRESTRICTED : marking;
        summary = summary == null ? "" : summary;
    }

    public static SortedMap<String, String> evidence(Map<String, String> values) {
        return new TreeMap<>(values);
    }
}
