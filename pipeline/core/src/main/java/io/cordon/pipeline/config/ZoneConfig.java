package io.cordon.pipeline.config;

import io.cordon.pipeline.alert.Severity;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A restricted area: entering it is a {@code ZONE_INTRUSION}.
 *
 * @param id unique zone id, {@code [a-z][a-z0-9-]{1,62}}
 * @param name human-readable name
 * @param wkt the area as WKT {@code POLYGON} or {@code MULTIPOLYGON} in longitude latitude order (x
 *     = lon, y = lat, WGS84 degrees), as GeoJSON and JTS use them
 * @param severity severity of an intrusion (YAML default HIGH)
 */
public record ZoneConfig(String id, String name, String wkt, Severity severity) {
    private static final Pattern ZONE_ID = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public ZoneConfig {
        ConfigChecks.matching("id", id, ZONE_ID, "a zone id matching [a-z][a-z0-9-]{1,62}");
        ConfigChecks.text("name", name);
        ConfigChecks.text("wkt", wkt);
        Geometry g = parse(wkt);
        if (!(g instanceof Polygonal) || g.isEmpty() || !g.isValid()) {
            throw new ConfigException(
                    "wkt", wkt, "a valid, non-empty POLYGON or MULTIPOLYGON in lon lat order");
        }
        ConfigChecks.required("severity", severity, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
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
