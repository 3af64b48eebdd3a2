package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.border.BorderMap;
import java.util.List;
import java.util.Locale;

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
