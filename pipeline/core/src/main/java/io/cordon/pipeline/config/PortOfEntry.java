package io.cordon.pipeline.config;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * An official crossing point. A border crossing within {@code radiusM} of {@code position}
 * (geodesic distance) counts as made at this port.
 *
 * @param name the port's name, as operators know it
 * @param position the port's centre on the border (WGS84)
 * @param radiusM how far from the centre a crossing still counts as at the port, m, > 0 (YAML
 *     default {@value #DEFAULT_RADIUS_M}: the size of a land port's inspection lanes and
 *     approaches)
 */
public record PortOfEntry(String name, GeoPoint position, double radiusM) {
    public static final double DEFAULT_RADIUS_M = 500.0;

    public PortOfEntry {
        ConfigChecks.text("name", name);
        ConfigChecks.required("position", position, "a map with latDeg, lonDeg and optional altM");
        ConfigChecks.positive("radiusM", radiusM);
    }
}
