package io.cordon.pipeline.border;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads border lines and country polygons from the WKT border format, the alternative to GeoJSON
 * for a user's own borders: one feature per line, fields separated by {@code |}, WKT in longitude
 * latitude order (WGS84); blank lines and lines starting with {@code #} are ignored.
 *
 * <pre>
 * country|USA|POLYGON ((...))                    a country: ISO 3166-1 alpha-3, POLYGON or MULTIPOLYGON
 * border|Sonora line|USA|MEX|LINESTRING (...)    a land border line: name, left, right, LINESTRING or MULTILINESTRING
 * controlLine|Gulf line|MEX|UNKNOWN|LINESTRING (...)   a maritime control line, the same fields
 * </pre>
 *
 * <p>{@code left} and {@code right} are the countries on each side walking along the line in the
 * order of its coordinates, as the GeoJSON properties of the same names ({@value BorderMap#UNKNOWN}
 * or anything that is not three capital letters: unknown).
 */
final class WktBorders {
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
    static final String FORMAT =
            "'country|ISO|POLYGON or MULTIPOLYGON', 'border|name|left|right|LINESTRING or"
                    + " MULTILINESTRING' or 'controlLine|name|left|right|LINESTRING or"
                    + " MULTILINESTRING' (WKT in lon lat order)";

    private WktBorders() {}

    static GeoJsonBorders parse(String text) {
        GeoJsonBorders out = new GeoJsonBorders();
        WKTReader reader = new WKTReader(GeoJsonBorders.FACTORY);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "border file line " + (i + 1);
            String[] f = line.split("\\|", -1);
            switch (f[0].strip()) {
                case "country" -> {
                    expect(f, 3, where);
                    String iso = f[1].strip();
                    if (!ALPHA3.matcher(iso).matches()) {
                        throw new BorderDataException(
                                where
                                        + ": country code \""
                                        + iso
                                        + "\" is not an ISO 3166-1 alpha-3 code (three capital"
                                        + " letters)");
                    }
                    Geometry g = geometry(reader, f[2], where);
                    if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
                        throw new BorderDataException(
                                where
                                        + ": a country needs a POLYGON or MULTIPOLYGON, found "
                                        + g.getGeometryType());
                    }
                    out.countries.add(new GeoJsonBorders.Country(iso, g));
                }
                case "border", "controlLine" -> {
                    expect(f, 5, where);
                    Geometry g = geometry(reader, f[4], where);
                    List<LineString> parts = new ArrayList<>();
                    if (g instanceof LineString l) {
                        parts.add(l);
                    } else if (g instanceof MultiLineString m) {
                        for (int k = 0; k < m.getNumGeometries(); k++) {
                            parts.add((LineString) m.getGeometryN(k));
                        }
                    } else {
                        throw new BorderDataException(
                                where
                                        + ": a line needs a LINESTRING or MULTILINESTRING, found "
                                        + g.getGeometryType());
                    }
                    String name = f[1].strip().isEmpty() ? "border" : f[1].strip();
                    GeoJsonBorders.Line l =
                            new GeoJsonBorders.Line(name, code(f[2]), code(f[3]), parts);
                    (f[0].strip().equals("border") ? out.lines : out.controlLines).add(l);
                }
                default ->
                        throw new BorderDataException(
                                where + ": found \"" + f[0].strip() + "\"; allowed: " + FORMAT);
            }
        }
        return out;
    }

    private static void expect(String[] f, int n, String where) {
        if (f.length != n) {
            throw new BorderDataException(
                    where
                            + ": "
                            + f[0].strip()
                            + " has "
                            + f.length
                            + " fields separated by |, needs "
                            + n
                            + "; allowed: "
                            + FORMAT);
        }
    }

    private static Geometry geometry(WKTReader reader, String wkt, String where) {
        Geometry g;
        try {
            g = reader.read(wkt.strip());
        } catch (ParseException | IllegalArgumentException e) {
            throw new BorderDataException(where + ": not valid WKT: " + e.getMessage(), e);
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new BorderDataException(
                        where
                                + ": coordinate ("
                                + c.x
                                + " "
                                + c.y
                                + ") is not lon in [-180, 180] and lat in [-90, 90], lon first");
            }
        }
        return g;
    }

    private static String code(String value) {
        String s = value.strip();
        return ALPHA3.matcher(s).matches() ? s : BorderMap.UNKNOWN;
    }
}
