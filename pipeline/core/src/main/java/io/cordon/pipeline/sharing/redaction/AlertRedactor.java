package io.cordon.pipeline.sharing.redaction;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.sharing.text.AlertText;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a partner's {@link FieldRules} and language to an alert.
 *
 * <ul>
 *   <li>{@code hideSensors}: evidence keys naming sensors are removed ({@link
 *       EvidenceField#SENSOR}).
 *   <li>{@code positions: GRID}: the location and every position in the evidence become the centre
 *       of their {@link PositionGrid} cell; a latitude or longitude without its pair is removed.
 *   <li>{@code positions: HIDDEN}: no location, no position in the evidence.
 *   <li>{@code dropIdentities}: evidence keys naming cooperative identities are removed.
 * </ul>
 *
 * The detector's English summary can repeat any of these (sensor names, coordinates, an MMSI), so
 * it is kept only when nothing is redacted and the partner reads English; otherwise the summary is
 * rewritten from the redacted alert ({@link AlertText}). Ids, type, severity, state, window, track
 * ids, detector and marking are kept.
 */
public final class AlertRedactor {
    private AlertRedactor() {}

    public static Alert redact(Alert alert, FieldRules rules, Language language) {
        if (rules.releasesEverything() && language == Language.EN) {
            return alert;
        }
        PositionGrid grid = new PositionGrid(rules.gridM());
        GeoPoint location = position(alert.location(), rules, grid);
        Map<String, String> evidence = evidence(alert.evidence(), rules, grid);
        Alert redacted =
                new Alert(
                        alert.alertId(),
                        alert.type(),
                        alert.severity(),
                        alert.state(),
                        alert.windowStart(),
                        alert.windowEnd(),
                        location,
                        alert.trackIds(),
                        alert.detector(),
                        alert.detectorVersion(),
                        Alert.evidence(evidence),
                        alert.marking(),
                        "");
        return withSummary(redacted, AlertText.render(redacted, language, decimals(rules, grid)));
    }

    static GeoPoint position(GeoPoint p, FieldRules rules, PositionGrid grid) {
        if (p == null) {
            return null;
        }
        return switch (rules.positions()) {
            case EXACT -> p;
            case GRID -> grid.snap(p);
            case HIDDEN -> null;
        };
    }

    private static Map<String, String> evidence(
            Map<String, String> in, FieldRules rules, PositionGrid grid) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            String key = e.getKey();
            switch (EvidenceField.of(key)) {
                case SENSOR -> {
                    if (!rules.hideSensors()) {
                        out.put(key, e.getValue());
                    }
                }
                case IDENTITY -> {
                    if (!rules.dropIdentities()) {
                        out.put(key, e.getValue());
                    }
                }
                case LATITUDE, LONGITUDE, HEIGHT -> {
                    if (rules.positions() == PositionRule.EXACT) {
                        out.put(key, e.getValue());
                    }
                }
                case OTHER -> out.put(key, e.getValue());
            }
        }
        if (rules.positions() == PositionRule.GRID) {
            for (String key : in.keySet()) {
                if (EvidenceField.of(key) == EvidenceField.LATITUDE) {
                    snapPair(in, out, key, grid);
                }
            }
        }
        return out;
    }

    /** Adds the snapped latitude and longitude (and height) of one evidence position. */
    private static void snapPair(
            Map<String, String> in, Map<String, String> out, String latKey, PositionGrid grid) {
        String prefix = EvidenceField.positionPrefix(latKey);
        String lonKey =
                in.keySet().stream()
                        .filter(
                                k ->
                                        EvidenceField.of(k) == EvidenceField.LONGITUDE
                                                && EvidenceField.positionPrefix(k)
                                                        .equalsIgnoreCase(prefix))
                        .findFirst()
                        .orElse(null);
        if (lonKey == null) {
            return;
        }
        try {
            double lat = Double.parseDouble(in.get(latKey));
            double lon = Double.parseDouble(in.get(lonKey));
            String altKey = prefix + "AltM";
            double alt = in.containsKey(altKey) ? Double.parseDouble(in.get(altKey)) : 0.0;
            GeoPoint s = grid.snap(new GeoPoint(lat, lon, alt));
            out.put(latKey, Evidence.decimal(s.latDeg(), 6));
            out.put(lonKey, Evidence.decimal(s.lonDeg(), 6));
            if (in.containsKey(altKey)) {
                out.put(altKey, Evidence.decimal(s.altM(), 0));
            }
        } catch (IllegalArgumentException notAPosition) {
            // not numbers or out of range: the pair stays out
        }
    }

    private static int decimals(FieldRules rules, PositionGrid grid) {
        return rules.positions() == PositionRule.GRID ? grid.decimals() : 5;
    }

    static Alert withSummary(Alert a, String summary) {
        return new Alert(
                a.alertId(),
                a.type(),
                a.severity(),
                a.state(),
                a.windowStart(),
                a.windowEnd(),
                a.location(),
                a.trackIds(),
                a.detector(),
                a.detectorVersion(),
                a.evidence(),
                a.marking(),
                summary);
    }
}
