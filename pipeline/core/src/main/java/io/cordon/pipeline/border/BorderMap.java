package io.cordon.pipeline.border;

import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.config.ControlLine;
import io.cordon.pipeline.config.PortOfEntry;
import io.cordon.pipeline.geo.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * The borders of the area under surveillance: country polygons, border lines and ports of entry.
 * Immutable and thread-safe once built; build once per job and share.
 *
 * <p><b>Crossings.</b> A move from one track position to the next crosses a border when
 *
 * <ul>
 *   <li>with country polygons: the country at the start differs from the country at the end and
 *       either both are known, or the move meets a border line (so leaving the polygons' coverage,
 *       or a coast, is not a crossing); the place is where the move first meets a border line or,
 *       without one, the first country's boundary;
 *   <li>with border lines only: the start and end are on different sides of a line (left and right
 *       in the order of its coordinates, judged against the line's nearest segment; a point exactly
 *       on the line counts as right); the countries are the line's {@code left}/{@code right}
 *       properties, {@value #UNKNOWN} when absent.
 * </ul>
 *
 * <p><b>Maritime control lines</b> (features with {@code "kind": "maritimeControlLine"} in the file
 * and {@code borders.controlLines} in the configuration) are judged by side only, whatever the
 * polygons say (at sea there are none): a move from one side of a control line to the other crosses
 * it, with the line's {@code left}/{@code right} as the countries and its name in {@link
 * BorderCrossing#controlLine()}. A move that crosses a land border and a control line reports the
 * land border. Control lines do not count in {@link #distanceToBorderM}.
 *
 * <p>A crossing within a {@link PortOfEntry}'s radius (geodesic distance) is at that port, on land
 * or at sea. Longitudes are not unwrapped across the antimeridian (the data covers the Americas).
 */
public final class BorderMap {
    /** Country code used when a side or position has no known country. */
    public static final String UNKNOWN = "UNKNOWN";

    private final CountryIndex countries;
    private final BorderLines lines;
    private final boolean linesFromPolygons;
    private final List<PortOfEntry> ports;
    private final BorderLines controlLines;

    private BorderMap(
            GeoJsonBorders data, List<PortOfEntry> ports, List<ControlLine> configuredLines) {
        this.countries = new CountryIndex(data.countries);
        this.linesFromPolygons = data.lines.isEmpty();
        this.lines = new BorderLines(linesFromPolygons ? boundaries(data.countries) : data.lines);
        this.ports = List.copyOf(ports);
        List<GeoJsonBorders.Line> control = new ArrayList<>(data.controlLines);
        for (ControlLine c : configuredLines) {
            control.add(
                    new GeoJsonBorders.Line(c.name(), c.left(), c.right(), List.of(c.geometry())));
        }
        this.controlLines = new BorderLines(control);
    }

    /**
     * Reads the configured file, GeoJSON or the WKT border format ({@link WktBorders}); with no
     * file configured, a map with no land borders.
     */
    public static BorderMap load(BorderConfig config) {
        if (config.file() == null) {
            return new BorderMap(
                    new GeoJsonBorders(), config.portsOfEntry(), config.controlLines());
        }
        try {
            return fromGeoJson(Files.readString(config.file()), config);
        } catch (IOException e) {
            throw new BorderDataException("cannot read border file " + config.file() + ": " + e, e);
        }
    }

    /**
     * A map from GeoJSON text (see {@link BorderConfig} for what the features mean) or, when the
     * text does not start with <code>{</code>, the WKT border format ({@link WktBorders}).
     */
    public static BorderMap fromGeoJson(String geojson, List<PortOfEntry> portsOfEntry) {
        return new BorderMap(parse(geojson), portsOfEntry, List.of());
    }

    /** GeoJSON when the text starts with <code>{</code>, else the WKT border format. */
    private static GeoJsonBorders parse(String text) {
        return text.stripLeading().startsWith("{")
                ? GeoJsonBorders.parse(text)
                : WktBorders.parse(text);
    }

    /**
     * A map from GeoJSON text or the WKT border format (the configured file's content, or empty for
     * none) with the ports of entry and control lines of {@code config}.
     */
    public static BorderMap fromGeoJson(String geojson, BorderConfig config) {
        GeoJsonBorders data =
                geojson == null || geojson.isBlank() ? new GeoJsonBorders() : parse(geojson);
        return new BorderMap(data, config.portsOfEntry(), config.controlLines());
    }

    /** Whether any maritime control line is known. */
    public boolean hasControlLines() {
        return !controlLines.isEmpty();
    }

    /** The ISO 3166-1 alpha-3 code of the country at {@code p}; empty outside every polygon. */
    public Optional<String> countryAt(GeoPoint p) {
        return countries.at(p.lonDeg(), p.latDeg()).map(CountryIndex.Entry::iso);
    }

    /**
     * Distance from {@code p} to the nearest border line, metres, when it is at most {@code
     * maxDistanceM}; otherwise {@link Double#POSITIVE_INFINITY}. Without border lines in the data,
     * the country polygons' boundaries count as lines.
     */
    public double distanceToBorderM(GeoPoint p, double maxDistanceM) {
        return lines.distanceM(p.lonDeg(), p.latDeg(), maxDistanceM);
    }

    /**
     * As {@link #distanceToBorderM}, counting maritime control lines too: how far {@code p} is from
     * every line a crossing can be of.
     */
    public double distanceToAnyLineM(GeoPoint p, double maxDistanceM) {
        double land = lines.distanceM(p.lonDeg(), p.latDeg(), maxDistanceM);
        return controlLines.isEmpty()
                ? land
                : Math.min(land, controlLines.distanceM(p.lonDeg(), p.latDeg(), maxDistanceM));
    }

    public List<PortOfEntry> portsOfEntry() {
        return ports;
    }

    /** The first port of entry whose radius contains {@code p}. */
    public Optional<PortOfEntry> portOfEntryAt(GeoPoint p) {
        for (PortOfEntry port : ports) {
            if (geodesicM(p, port.position()) <= port.radiusM()) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    /** The border crossing of the move {@code from → to}, if it crossed one (see class doc). */
    public Optional<BorderCrossing> crossing(GeoPoint from, GeoPoint to) {
        Optional<BorderCrossing> land = landCrossing(from, to);
        if (land.isPresent() || controlLines.isEmpty()) {
            return land;
        }
        if (from.lonDeg() == to.lonDeg() && from.latDeg() == to.latDeg()) {
            return Optional.empty();
        }
        Optional<SideCrossing> sea = sideCrossing(controlLines, from, to);
        if (sea.isEmpty()) {
            return Optional.empty();
        }
        SideCrossing c = sea.get();
        GeoPoint place = interpolate(from, to, c.t());
        Optional<PortOfEntry> port = portOfEntryAt(place);
        return Optional.of(
                new BorderCrossing(
                        place,
                        c.fromCountry(),
                        c.toCountry(),
                        port.isPresent(),
                        port.map(PortOfEntry::name).orElse(""),
                        c.t(),
                        c.line().name()));
    }

    /** A move from one side of a line to the other. */
    private record SideCrossing(
            GeoJsonBorders.Line line, String fromCountry, String toCountry, double t) {}

    /** The first line of {@code set} the move crosses from one side to the other. */
    private static Optional<SideCrossing> sideCrossing(
            BorderLines set, GeoPoint from, GeoPoint to) {
        double ax = from.lonDeg();
        double ay = from.latDeg();
        double bx = to.lonDeg();
        double by = to.latDeg();
        double searchM = moveLengthM(from, to) + 1.0;
        for (BorderLines.Hit hit : set.hits(ax, ay, bx, by)) {
            int line = hit.segment().line();
            int s0 = set.side(line, ax, ay, searchM);
            int s1 = set.side(line, bx, by, searchM);
            if (s0 != 0 && s1 != 0 && s0 != s1) {
                GeoJsonBorders.Line l = set.line(line);
                return Optional.of(
                        new SideCrossing(
                                l,
                                s0 > 0 ? l.left() : l.right(),
                                s0 > 0 ? l.right() : l.left(),
                                hit.t()));
            }
        }
        return Optional.empty();
    }

    private Optional<BorderCrossing> landCrossing(GeoPoint from, GeoPoint to) {
        double ax = from.lonDeg();
        double ay = from.latDeg();
        double bx = to.lonDeg();
        double by = to.latDeg();
        if (ax == bx && ay == by) {
            return Optional.empty();
        }
        List<BorderLines.Hit> hits = lines.hits(ax, ay, bx, by);
        String fromCountry;
        String toCountry;
        double t;
        if (!countries.isEmpty()) {
            Optional<CountryIndex.Entry> a = countries.at(ax, ay);
            Optional<CountryIndex.Entry> b = countries.at(bx, by);
            fromCountry = a.map(CountryIndex.Entry::iso).orElse(UNKNOWN);
            toCountry = b.map(CountryIndex.Entry::iso).orElse(UNKNOWN);
            boolean bothKnown = a.isPresent() && b.isPresent();
            if (fromCountry.equals(toCountry)
                    || (!bothKnown && (hits.isEmpty() || linesFromPolygons))) {
                return Optional.empty();
            }
            t = hits.isEmpty() ? boundaryFraction(a.get().area(), from, to) : hits.get(0).t();
        } else {
            Optional<SideCrossing> crossed = sideCrossing(lines, from, to);
            if (crossed.isEmpty()) {
                return Optional.empty();
            }
            fromCountry = crossed.get().fromCountry();
            toCountry = crossed.get().toCountry();
            t = crossed.get().t();
        }
        GeoPoint place = interpolate(from, to, t);
        Optional<PortOfEntry> port = portOfEntryAt(place);
        return Optional.of(
                new BorderCrossing(
                        place,
                        fromCountry,
                        toCountry,
                        port.isPresent(),
                        port.map(PortOfEntry::name).orElse(""),
                        t));
    }

    private static double boundaryFraction(Geometry area, GeoPoint from, GeoPoint to) {
        LineString move =
                GeoJsonBorders.FACTORY.createLineString(
                        new Coordinate[] {
                            new Coordinate(from.lonDeg(), from.latDeg()),
                            new Coordinate(to.lonDeg(), to.latDeg())
                        });
        double dx = to.lonDeg() - from.lonDeg();
        double dy = to.latDeg() - from.latDeg();
        double best = 1.0;
        for (Coordinate c : move.intersection(area.getBoundary()).getCoordinates()) {
            double t =
                    ((c.x - from.lonDeg()) * dx + (c.y - from.latDeg()) * dy) / (dx * dx + dy * dy);
            best = Math.min(best, Math.max(0, t));
        }
        return best;
    }

    private static GeoPoint interpolate(GeoPoint a, GeoPoint b, double t) {
        return new GeoPoint(
                a.latDeg() + t * (b.latDeg() - a.latDeg()),
                a.lonDeg() + t * (b.lonDeg() - a.lonDeg()),
                a.altM() + t * (b.altM() - a.altM()));
    }

    private static double moveLengthM(GeoPoint a, GeoPoint b) {
        LocalMetres m = new LocalMetres((a.latDeg() + b.latDeg()) / 2);
        return Math.hypot(
                (b.lonDeg() - a.lonDeg()) * m.perDegLon, (b.latDeg() - a.latDeg()) * m.perDegLat);
    }

    static double geodesicM(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(
                        a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg(), GeodesicMask.DISTANCE)
                .s12;
    }

    private static List<GeoJsonBorders.Line> boundaries(List<GeoJsonBorders.Country> countries) {
        List<GeoJsonBorders.Line> out = new ArrayList<>();
        for (GeoJsonBorders.Country c : countries) {
            Geometry boundary = c.area().getBoundary();
            List<LineString> parts = new ArrayList<>();
            for (int i = 0; i < boundary.getNumGeometries(); i++) {
                parts.add((LineString) boundary.getGeometryN(i));
            }
            out.add(new GeoJsonBorders.Line(c.iso() + " boundary", UNKNOWN, UNKNOWN, parts));
        }
        return out;
    }
}
