package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.bench.BenchSensor;
import io.cordon.pipeline.bench.GeneratedScenario;
import io.cordon.pipeline.bench.GeneratedScenario.TruthStep;
import io.cordon.pipeline.bench.GeneratedScenario.TruthTarget;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground-truth events of a generated scenario, for scoring detectors (events.csv, {@link
 * TruthEvent#CSV_HEADER}).
 *
 * <ul>
 *   <li>{@code BORDER_CROSSING}: every crossing of the border latitude by any target (crossers and
 *       targets that wander over the line), found on the truth at the evaluation times and
 *       interpolated linearly. As the detector does, a crossing counts once the target is {@link
 *       #CROSSING_CLEARANCE_M} past the line; coming back before that cancels it.
 *   <li>{@code RENDEZVOUS}: each pair from its meeting time for its dwell.
 *   <li>{@link #NEAR_MISS}: each near-miss pair ({@code near_pass} at its closest approach, {@code
 *       near_stop} at its brief stop), where a rendezvous alert is a false one.
 *   <li>{@code DARK_TARGET}: each dark interval (no sensor sees the target), at its first dark
 *       second and place.
 * </ul>
 *
 * The scenarios have no restricted zone, so there are no zone intrusions to label.
 */
public final class TruthEvents {
    /**
     * The type of a near miss: two targets that pass close or stop together briefly without a
     * rendezvous; no detector should alert on it.
     */
    public static final String NEAR_MISS = "NEAR_MISS";

    /** How far past the line a crossing must go to count, m (the detector's default hysteresis). */
    public static final double CROSSING_CLEARANCE_M = 50.0;

    private static final double M_PER_DEG_LAT = 110_860.0; // at 31.3 N (WGS84 meridian arc)

    private TruthEvents() {}

    /** The events of {@code g}, sorted by time, then type, then id. */
    public static List<TruthEvent> of(GeneratedScenario g, GeoPoint reference, double borderLat) {
        LocalTangentPlane plane = new LocalTangentPlane(reference);
        Map<Integer, List<double[]>> paths = new TreeMap<>(); // id -> [t, lat, lon]
        for (TruthStep s : g.truth()) {
            for (int k = 0; k < s.ids().length; k++) {
                GeoPoint p = plane.surfacePoint(s.eastM()[k], s.northM()[k]);
                paths.computeIfAbsent(s.ids()[k], id -> new ArrayList<>())
                        .add(new double[] {s.timeS(), p.latDeg(), p.lonDeg()});
            }
        }
        return of(paths, g.targets(), borderLat);
    }

    /**
     * The events of a scenario directory in the benchmark format, from its truth.csv and
     * truth_meta.csv (the same as {@link #of(GeneratedScenario, GeoPoint, double)} gives for a
     * generated one, up to the 7 decimals of truth.csv).
     */
    public static List<TruthEvent> read(Path dir, double borderLat) throws IOException {
        Map<Integer, List<double[]>> paths = new TreeMap<>();
        List<String> truth = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        for (int i = 1; i < truth.size(); i++) {
            String[] f = truth.get(i).split(",", -1);
            if (f.length < 4) {
                throw new IOException(
                        "truth.csv:" + (i + 1) + ": expected time_s,truth_id,lat,lon");
            }
            paths.computeIfAbsent(Integer.parseInt(f[1]), id -> new ArrayList<>())
                    .add(
                            new double[] {
                                Double.parseDouble(f[0]),
                                Double.parseDouble(f[2]),
                                Double.parseDouble(f[3])
                            });
        }
        List<TruthTarget> targets = new ArrayList<>();
        List<String> meta =
                Files.readAllLines(dir.resolve("truth_meta.csv"), StandardCharsets.UTF_8);
        for (int i = 1; i < meta.size(); i++) {
            String[] f = meta.get(i).split(",", -1);
            if (f.length < 10) {
                throw new IOException("truth_meta.csv:" + (i + 1) + ": expected 10 fields");
            }
            targets.add(
                    new TruthTarget(
                            Integer.parseInt(f[0]),
                            f[1],
                            opt(f[2]),
                            opt(f[3]),
                            opt(f[4]),
                            opt(f[5]),
                            opt(f[6]),
                            opt(f[7]),
                            opt(f[8]),
                            opt(f[9])));
        }
        return of(paths, targets, borderLat);
    }

    private static int opt(String field) {
        return field.isBlank() ? -1 : (int) Math.round(Double.parseDouble(field));
    }

    private static List<TruthEvent> of(
            Map<Integer, List<double[]>> paths, List<TruthTarget> targets, double borderLat) {
        List<TruthEvent> events = new ArrayList<>();
        for (var e : paths.entrySet()) {
            crossings(e.getKey(), e.getValue(), borderLat, events);
        }
        for (TruthTarget t : targets) {
            List<double[]> path = paths.getOrDefault(t.id(), List.of());
            if (t.meetTimeS() >= 0 && t.partner() > t.id()) {
                double[] a = at(path, t.meetTimeS());
                double[] b = at(paths.getOrDefault(t.partner(), List.of()), t.meetTimeS());
                if (a != null && b != null) {
                    events.add(
                            event(
                                    t.kind().equals("rendezvous") ? "RENDEZVOUS" : NEAR_MISS,
                                    t.meetTimeS(),
                                    t.meetTimeS() + t.dwellS(),
                                    (a[1] + b[1]) / 2,
                                    (a[2] + b[2]) / 2,
                                    List.of(t.id(), t.partner())));
                }
            }
            if (t.darkStartS() >= 0 && t.darkStartS() <= t.endS()) {
                double[] a = at(path, t.darkStartS());
                if (a != null) {
                    events.add(
                            event(
                                    "DARK_TARGET",
                                    t.darkStartS(),
                                    Math.min(t.darkEndS(), t.endS()),
                                    a[1],
                                    a[2],
                                    List.of(t.id())));
                }
            }
        }
        events.sort(
                Comparator.comparingDouble(TruthEvent::timeS)
                        .thenComparing(TruthEvent::type)
                        .thenComparing(TruthEvent::id));
        return events;
    }

    /**
     * Whether a radar or a drone of {@code scenario} covers the place of {@code e}: where only the
     * satellite looks (one pass in 180 s) no tracker can follow a 40-90 s meeting, so such events
     * are reported apart when scoring rendezvous.
     */
    public static boolean inSurfaceCover(BenchScenario scenario, TruthEvent e) {
        EnuPoint p =
                new LocalTangentPlane(scenario.referencePoint())
                        .toEnu(
                                new GeoPoint(
                                        e.latDeg(), e.lonDeg(), scenario.referencePoint().altM()));
        for (BenchSensor s : scenario.sensors()) {
            if (!s.type().equals("satellite")
                    && Math.hypot(p.eastM() - s.eastM(), p.northM() - s.northM()) <= s.radiusM()) {
                return true;
            }
        }
        return false;
    }

    /** Writes events.csv. */
    public static void write(Path file, List<TruthEvent> events) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(TruthEvent.CSV_HEADER);
        events.forEach(e -> lines.add(e.csvRow()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Reads events.csv as {@link #write} writes it. */
    public static List<TruthEvent> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(TruthEvent.CSV_HEADER)) {
            throw new IOException(file + ": expected the header " + TruthEvent.CSV_HEADER);
        }
        List<TruthEvent> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 7) {
                throw new IOException(file + ":" + (i + 1) + ": expected 7 fields");
            }
            List<Integer> ids = new ArrayList<>();
            for (String id : f[6].split(";")) {
                ids.add(Integer.parseInt(id));
            }
            out.add(
                    new TruthEvent(
                            f[0],
                            f[1],
                            Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]),
                            ids));
        }
        return out;
    }

    private static void crossings(
            int id, List<double[]> path, double borderLat, List<TruthEvent> out) {
        double[] pending = null; // t, lat, lon of an unconfirmed crossing
        int side = 0;
        for (int k = 0; k < path.size(); k++) {
            double[] p = path.get(k);
            int s = p[1] >= borderLat ? 1 : -1;
            if (side != 0 && s != side) {
                double[] q = path.get(k - 1);
                double f = (borderLat - q[1]) / (p[1] - q[1]);
                double[] crossing = {q[0] + f * (p[0] - q[0]), borderLat, q[2] + f * (p[2] - q[2])};
                pending = pending == null ? crossing : null; // back again: cancelled
            }
            side = s;
            if (pending != null
                    && Math.abs(p[1] - borderLat) * M_PER_DEG_LAT >= CROSSING_CLEARANCE_M) {
                out.add(
                        event(
                                "BORDER_CROSSING",
                                pending[0],
                                pending[0],
                                pending[1],
                                pending[2],
                                List.of(id)));
                pending = null;
            }
        }
    }

    /** The position at {@code t} interpolated on the path: [t, lat, lon], or null outside it. */
    private static double[] at(List<double[]> path, double t) {
        for (int k = 0; k < path.size(); k++) {
            double[] p = path.get(k);
            if (p[0] == t) {
                return p;
            }
            if (p[0] > t) {
                if (k == 0) {
                    return null;
                }
                double[] q = path.get(k - 1);
                double f = (t - q[0]) / (p[0] - q[0]);
                return new double[] {t, q[1] + f * (p[1] - q[1]), q[2] + f * (p[2] - q[2])};
            }
        }
        return null;
    }

    private static TruthEvent event(
            String type, double t, double end, double lat, double lon, List<Integer> ids) {
        String id =
                String.format(
                        Locale.ROOT,
                        "%s:%s:%.0f",
                        type,
                        String.join("-", ids.stream().map(String::valueOf).toList()),
                        t);
        return new TruthEvent(id, type, t, end, lat, lon, ids);
    }
}
