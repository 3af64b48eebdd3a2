package io.cordon.pipeline.config;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * One area a partner wants alerts and tracks from. A partner with areas receives only what lies
 * inside at least one of them; a partner without areas receives it wherever it is.
 *
 * @param name human-readable name, for the audit trail
 * @param wkt WKT {@code POLYGON} or {@code MULTIPOLYGON} in longitude latitude order (x = lon, y =
 *     lat, WGS84 degrees), as GeoJSON and JTS use them
 */
public record AreaOfInterest(String name, String wkt) {
    public AreaOfInterest {
        ConfigChecks.text("name", name);
        ConfigChecks.text("wkt", wkt);
        Geometry g = parse(wkt);
        if (!(g instanceof Polygonal) || g.isEmpty() || !g.isValid()) {
            throw new ConfigException(
                    "wkt", wkt, "a valid, non-empty POLYGON or MULTIPOLYGON in lon lat order");
        }
    }

    /** The area as a JTS geometry with x = longitude, y = latitude. */
    public Geometry geometry() {
        return parse(wkt);
    }

    private static Geometry parse(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new ConfigException(
                    "wkt",
                    wkt,
                    "WKT POLYGON or MULTIPOLYGON in lon lat order (" + e.getMessage() + ")",
                    e);
        }
    }
}
