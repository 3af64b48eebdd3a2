package io.cordon.pipeline.config;

import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A maritime control line ({@code borders.controlLines[]}): a line at sea whose crossing away from
 * a port of entry is a {@code BORDER_CROSSING}, like a land border line. Sides follow the border
 * files' convention: {@code left} and {@code right} of someone walking the line in the order of its
 * coordinates.
 *
 * @param name human-readable name, also the alert's {@code controlLine} evidence
 * @param wkt the line as WKT {@code LINESTRING} in longitude latitude order (x = lon, y = lat,
 *     WGS84 degrees), at least two distinct points
 * @param left ISO 3166-1 alpha-3 code of the side left of the line, or {@code UNKNOWN} (YAML
 *     default: the open sea has no country)
 * @param right the same for the right side
 */
public record ControlLine(String name, String wkt, String left, String right) {
    private static final Pattern SIDE = Pattern.compile("[A-Z]{3}|UNKNOWN");

    public ControlLine {
        ConfigChecks.text("name", name);
        ConfigChecks.text("wkt", wkt);
        Geometry g = parse(wkt);
        if (!(g instanceof LineString) || g.isEmpty() || !(g.getLength() > 0)) {
            throw new ConfigException(
                    "wkt", wkt, "a LINESTRING of at least two distinct points in lon lat order");
        }
        for (var c : g.getCoordinates()) {
            if (!(Math.abs(c.y) <= 90 && Math.abs(c.x) <= 180)) {
                throw new ConfigException(
                        "wkt", wkt, "lon in [-180, 180] and lat in [-90, 90], lon first");
            }
        }
        ConfigChecks.matching(
                "left", left, SIDE, "an ISO 3166-1 alpha-3 code (e.g. MEX) or UNKNOWN");
        ConfigChecks.matching(
                "right", right, SIDE, "an ISO 3166-1 alpha-3 code (e.g. MEX) or UNKNOWN");
    }

    /** The line as a JTS geometry with x = longitude, y = latitude. */
    public LineString geometry() {
        return (LineString) parse(wkt);
    }

    private static Geometry parse(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new ConfigException(
                    "wkt", wkt, "WKT LINESTRING in lon lat order (" + e.getMessage() + ")", e);
        }
    }
}
