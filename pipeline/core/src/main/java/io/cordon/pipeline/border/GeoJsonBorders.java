package io.cordon.pipeline.border;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads border lines and country polygons from a GeoJSON FeatureCollection (RFC 7946). JSON is read
 * with the YAML 1.2 loader (JSON is a subset of YAML 1.2), which keeps the feature properties that
 * JTS's own GeoJSON reader drops.
 *
 * <p>{@code LineString}/{@code MultiLineString} features are border lines with optional properties
 * {@code name}, {@code left}, {@code right}; {@code Polygon}/{@code MultiPolygon} features are
 * countries and need {@code iso_a3} or, where that is not a code (Natural Earth writes {@code -99}
 * for some countries), {@code ADM0_A3}. A line with the property {@code "kind":
 * "maritimeControlLine"} is a maritime control line instead of a land border line. Other geometry
 * types are ignored.
 */
final class GeoJsonBorders {
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    /** A border line: its name and the countries on its left and right in coordinate order. */
    record Line(String name, String left, String right, List<LineString> parts) {}

    /** A country polygon. */
    record Country(String iso, Geometry area) {}

    /** The {@code kind} property value that makes a line a maritime control line. */
    static final String CONTROL_LINE_KIND = "maritimeControlLine";

    final List<Line> lines = new ArrayList<>();
    final List<Line> controlLines = new ArrayList<>();
    final List<Country> countries = new ArrayList<>();

    static GeoJsonBorders parse(String geojson) {
        Object tree;
        try {
            LoadSettings settings =
                    LoadSettings.builder()
                            .setLabel("geojson")
                            .setCodePointLimit(Integer.MAX_VALUE)
                            .build();
            tree = new Load(settings).loadFromString(geojson);
        } catch (YamlEngineException e) {
            throw new BorderDataException("border file is not valid JSON: " + e.getMessage(), e);
        }
        GeoJsonBorders out = new GeoJsonBorders();
        Map<?, ?> root = map(tree, "document");
        if (!"FeatureCollection".equals(root.get("type"))) {
            throw new BorderDataException(
                    "border file must be a GeoJSON FeatureCollection, was type "
                            + root.get("type"));
        }
        List<?> features = list(root.get("features"), "features");
        for (int i = 0; i < features.size(); i++) {
            out.add(map(features.get(i), "features[" + i + "]"), "features[" + i + "]");
        }
        return out;
    }

    private void add(Map<?, ?> feature, String where) {
        Map<?, ?> props = feature.get("properties") instanceof Map<?, ?> m ? m : Map.of();
        if (!(feature.get("geometry") instanceof Map<?, ?> geometry)) {
            return;
        }
        Object type = geometry.get("type");
        Object coords = geometry.get("coordinates");
        String at = where + ".geometry";
        switch (String.valueOf(type)) {
            case "LineString" -> linesOf(props).add(line(props, List.of(lineString(coords, at))));
            case "MultiLineString" -> {
                List<LineString> parts = new ArrayList<>();
                for (Object part : list(coords, at)) {
                    parts.add(lineString(part, at));
                }
                linesOf(props).add(line(props, parts));
            }
            case "Polygon" -> countries.add(new Country(iso(props, where), polygon(coords, at)));
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (Object part : list(coords, at)) {
                    parts.add(polygon(part, at));
                }
                countries.add(
                        new Country(
                                iso(props, where),
                                FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new))));
            }
            default -> {
                // Points and collections carry no border; ports of entry come from configuration.
            }
        }
    }

    private List<Line> linesOf(Map<?, ?> props) {
        return CONTROL_LINE_KIND.equals(props.get("kind")) ? controlLines : lines;
    }

    private static Line line(Map<?, ?> props, List<LineString> parts) {
        return new Line(
                text(props.get("name"), "border"),
                code(props.get("left")),
                code(props.get("right")),
                parts);
    }

    private static String iso(Map<?, ?> props, String where) {
        for (String key : List.of("iso_a3", "ISO_A3", "ADM0_A3", "adm0_a3")) {
            if (props.get(key) instanceof String s && ALPHA3.matcher(s).matches()) {
                return s;
            }
        }
        throw new BorderDataException(
                where
                        + ": a country polygon needs property iso_a3 or ADM0_A3 with an ISO 3166-1"
                        + " alpha-3 code, properties were "
                        + props);
    }

    private static String code(Object value) {
        return value instanceof String s && ALPHA3.matcher(s).matches() ? s : BorderMap.UNKNOWN;
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }

    private static LineString lineString(Object coords, String where) {
        Coordinate[] c = coordinates(coords, where);
        if (c.length < 2) {
            throw new BorderDataException(where + ": a line needs at least 2 positions");
        }
        return FACTORY.createLineString(c);
    }

    private static Polygon polygon(Object rings, String where) {
        List<?> r = list(rings, where);
        if (r.isEmpty()) {
            throw new BorderDataException(where + ": a polygon needs an exterior ring");
        }
        try {
            LinearRing shell = FACTORY.createLinearRing(coordinates(r.get(0), where));
            LinearRing[] holes = new LinearRing[r.size() - 1];
            for (int i = 1; i < r.size(); i++) {
                holes[i - 1] = FACTORY.createLinearRing(coordinates(r.get(i), where));
            }
            return FACTORY.createPolygon(shell, holes);
        } catch (IllegalArgumentException e) {
            throw new BorderDataException(where + ": " + e.getMessage(), e);
        }
    }

    private static Coordinate[] coordinates(Object positions, String where) {
        List<?> list = list(positions, where);
        Coordinate[] out = new Coordinate[list.size()];
        for (int i = 0; i < out.length; i++) {
            List<?> pos = list(list.get(i), where);
            if (pos.size() < 2
                    || !(pos.get(0) instanceof Number lon)
                    || !(pos.get(1) instanceof Number lat)) {
                throw new BorderDataException(where + ": a position is [lon, lat], was " + pos);
            }
            out[i] = new Coordinate(lon.doubleValue(), lat.doubleValue());
        }
        return out;
    }

    private static Map<?, ?> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new BorderDataException(where + " must be a JSON object");
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new BorderDataException(where + " must be a JSON array");
    }
}
