package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ZoneConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The border of a benchmark scenario: the parallel {@code border_lat} across the box, Mexico to the
 * south and the United States to the north, no port of entry. Both countries are rectangles
 * reaching {@link #HALF_WIDTH_DEG} east and west of the reference longitude and {@link
 * #HALF_WIDTH_DEG} north and south of the line, far beyond the 80 × 60 km box.
 */
public final class BenchBorders {
    static final double HALF_WIDTH_DEG = 2.0;

    private BenchBorders() {}

    /** The border map for a scenario with this border latitude and reference longitude. */
    public static BorderMap of(double borderLatDeg, double refLonDeg) {
        return BorderMap.fromGeoJson(geoJson(borderLatDeg, refLonDeg), List.of());
    }

    /**
     * The restricted zones of scenario.json: its optional {@code restricted_zones} list, each
     * {@code {"id", "name", "wkt"}} with an optional {@code "severity"} (default HIGH), as the
     * generator writes them ({@code ScenarioSpec.withIntruders}); none when the key is absent, as
     * in the shared benchmark scenarios.
     *
     * @throws ConfigException for a malformed zone, naming {@code restricted_zones[i].key}
     */
    public static List<ZoneConfig> zones(String scenarioJson) {
        Object root = new Load(LoadSettings.builder().build()).loadFromString(scenarioJson);
        if (!(root instanceof Map<?, ?> json) || json.get("restricted_zones") == null) {
            return List.of();
        }
        if (!(json.get("restricted_zones") instanceof List<?> list)) {
            throw new ConfigException(
                    "restricted_zones", json.get("restricted_zones"), "a list of zones");
        }
        List<ZoneConfig> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "restricted_zones[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> z)) {
                throw new ConfigException(at, list.get(i), "an object with id, name and wkt");
            }
            Object severity = z.get("severity");
            Severity level;
            try {
                level = severity == null ? Severity.HIGH : Severity.valueOf(severity.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        at + ".severity", severity, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
            }
            try {
                out.add(
                        new ZoneConfig(
                                text(z.get("id")), text(z.get("name")), text(z.get("wkt")), level));
            } catch (ConfigException e) {
                throw e.under(at);
            }
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /** The same as GeoJSON: the line (USA on its left going east) and the two polygons. */
    public static String geoJson(double lat, double lon) {
        double w = lon - HALF_WIDTH_DEG;
        double e = lon + HALF_WIDTH_DEG;
        double s = lat - HALF_WIDTH_DEG;
        double n = lat + HALF_WIDTH_DEG;
        return String.format(
                Locale.ROOT,
                "{\"type\": \"FeatureCollection\", \"features\": ["
                        + "{\"type\": \"Feature\", \"properties\": {\"name\": \"border_lat\","
                        + " \"left\": \"USA\", \"right\": \"MEX\"}, \"geometry\": {\"type\":"
                        + " \"LineString\", \"coordinates\": [[%1$.9f, %3$.9f], [%2$.9f, %3$.9f]]}},"
                        + "{\"type\": \"Feature\", \"properties\": {\"iso_a3\": \"USA\"},"
                        + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[%1$.9f,"
                        + " %3$.9f], [%2$.9f, %3$.9f], [%2$.9f, %5$.9f], [%1$.9f, %5$.9f], [%1$.9f,"
                        + " %3$.9f]]]}},"
                        + "{\"type\": \"Feature\", \"properties\": {\"iso_a3\": \"MEX\"},"
                        + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[%1$.9f,"
                        + " %4$.9f], [%2$.9f, %4$.9f], [%2$.9f, %3$.9f], [%1$.9f, %3$.9f], [%1$.9f,"
                        + " %4$.9f]]]}}]}",
                w,
                e,
                lat,
                s,
                n);
    }
}
