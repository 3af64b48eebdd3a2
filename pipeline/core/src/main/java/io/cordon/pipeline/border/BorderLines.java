package io.cordon.pipeline.border;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Border lines cut into straight segments (lon/lat plane) in an STR-tree: segment intersection with
 * a move, side of a point, distance of a point.
 */
final class BorderLines {
    /** One straight edge of line {@code line}, from (x0, y0) to (x1, y1), lon/lat degrees. */
    record Segment(int line, double x0, double y0, double x1, double y1) {}

    /** A move a→b meets segment {@code segment} at fraction {@code t} of the move. */
    record Hit(Segment segment, double t) {}

    private final List<GeoJsonBorders.Line> lines;
    private final STRtree index = new STRtree();
    private final int segmentCount;

    BorderLines(List<GeoJsonBorders.Line> lines) {
        this.lines = List.copyOf(lines);
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            for (LineString part : lines.get(i).parts()) {
                Coordinate[] c = part.getCoordinates();
                for (int k = 0; k + 1 < c.length; k++) {
                    if (c[k].equals2D(c[k + 1])) {
                        continue;
                    }
                    Segment s = new Segment(i, c[k].x, c[k].y, c[k + 1].x, c[k + 1].y);
                    index.insert(new Envelope(s.x0, s.x1, s.y0, s.y1), s);
                    count++;
                }
            }
        }
        index.build();
        this.segmentCount = count;
    }

    boolean isEmpty() {
        return segmentCount == 0;
    }

    GeoJsonBorders.Line line(int i) {
        return lines.get(i);
    }

    /** Every segment the move (ax, ay)→(bx, by) touches, with the fraction along the move. */
    List<Hit> hits(double ax, double ay, double bx, double by) {
        List<Hit> out = new ArrayList<>();
        double rx = bx - ax;
        double ry = by - ay;
        for (Object o : index.query(new Envelope(ax, bx, ay, by))) {
            Segment s = (Segment) o;
            double sx = s.x1 - s.x0;
            double sy = s.y1 - s.y0;
            double denom = rx * sy - ry * sx;
            if (denom == 0) {
                continue; // parallel or collinear: moving along a line does not cross it
            }
            double qx = s.x0 - ax;
            double qy = s.y0 - ay;
            double t = (qx * sy - qy * sx) / denom;
            double u = (qx * ry - qy * rx) / denom;
            if (t >= 0 && t <= 1 && u >= 0 && u <= 1) {
                out.add(new Hit(s, t));
            }
        }
        out.sort(
                (h1, h2) ->
                        h1.t != h2.t
                                ? Double.compare(h1.t, h2.t)
                                : Integer.compare(h1.segment.line, h2.segment.line));
        return out;
    }

    /**
     * Which side of line {@code line} the point is on, judged against the line's nearest segment
     * within {@code searchM} metres: +1 left, -1 right (in the order of the line's coordinates); a
     * point exactly on the line counts as right, so that touching the line and coming back is no
     * crossing. 0 when no segment of the line is that near.
     */
    int side(int line, double x, double y, double searchM) {
        LocalMetres m = new LocalMetres(y);
        double best = Double.POSITIVE_INFINITY;
        int side = 0;
        for (Object o : index.query(around(x, y, searchM, m))) {
            Segment s = (Segment) o;
            if (s.line != line) {
                continue;
            }
            double d = distanceM(s, x, y, m);
            if (d < best) {
                best = d;
                double cross =
                        (s.x1 - s.x0) * m.perDegLon * (y - s.y0) * m.perDegLat
                                - (s.y1 - s.y0) * m.perDegLat * (x - s.x0) * m.perDegLon;
                side = cross > 0 ? 1 : -1;
            }
        }
        return side;
    }

    /** Distance in metres to the nearest segment within {@code maxM}, else +infinity. */
    double distanceM(double x, double y, double maxM) {
        LocalMetres m = new LocalMetres(y);
        double best = Double.POSITIVE_INFINITY;
        for (Object o : index.query(around(x, y, maxM, m))) {
            best = Math.min(best, distanceM((Segment) o, x, y, m));
        }
        return best <= maxM ? best : Double.POSITIVE_INFINITY;
    }

    private static Envelope around(double x, double y, double radiusM, LocalMetres m) {
        double dx = radiusM / m.perDegLon;
        double dy = radiusM / m.perDegLat;
        return new Envelope(x - dx, x + dx, y - dy, y + dy);
    }

    private static double distanceM(Segment s, double x, double y, LocalMetres m) {
        double ax = (s.x0 - x) * m.perDegLon;
        double ay = (s.y0 - y) * m.perDegLat;
        double bx = (s.x1 - x) * m.perDegLon;
        double by = (s.y1 - y) * m.perDegLat;
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        return Math.hypot(ax + t * dx, ay + t * dy);
    }
}
