package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.bench.BenchSensor;
import io.cordon.pipeline.bench.GeneratedScenario;
import io.cordon.pipeline.bench.GeneratedScenario.TruthStep;
import io.cordon.pipeline.bench.GeneratedScenario.TruthTarget;
import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.zone.ZoneIntrusionParameters;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * Labelled on the truth of every target by the detector's own definition with its default
 * parameters (so a background target that happens to loiter or enter a zone is an event too):
 *
 * <ul>
 *   <li>{@code LOITERING} ({@link LoiteringParameters#DEFAULTS}): an episode starts at a truth
 *       point within 2 000 m of the border and lasts while the target stays within 200 m of that
 *       point and near the border; it is an event once it has lasted 300 s at a time-weighted mean
 *       speed (from the truth's displacements) of at most 1.03 m/s; time and place are the
 *       episode's start, the end is its last point.
 *   <li>{@code ZONE_INTRUSION} (scenario.json's {@code restricted_zones}, {@link
 *       ZoneIntrusionParameters#DEFAULTS}): a target that goes from outside a zone to at least 25 m
 *       inside; time and place where it crossed the edge (interpolated linearly in the signed
 *       depth), the end where it is 25 m outside again. Only scenarios generated with {@code
 *       ScenarioSpec.withIntruders} have zones.
 *   <li>{@code CONVOY} ({@link ConvoyParameters#DEFAULTS}): at each truth time two targets are
 *       linked when both move at least 2 m/s, their courses differ by at most 20° and their speeds
 *       by at most 2 m/s or 20 %, and they are at most 300 m apart (450 m once in one group); a
 *       group is a set of at least 3 linked directly or through others, followed from time to time
 *       by its members; an event when it holds 120 s; its time is its first time, its place its
 *       centroid 120 s later (where the detector, which alerts then, reports it), the ids every
 *       target that was in it. Such a group that breaks and forms again within 120 s ({@code
 *       rejoinS}) holding half of its last members, and at least two ({@code rejoinShare}), is the
 *       same event, as the detector counts it (a column re-forming after a bend).
 * </ul>
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
    private static final double M_PER_DEG_LON_EQUATOR = 111_320.0; // WGS84, times cos(lat)

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
        return of(paths, g.targets(), borderLat, BenchBorders.zones(g.scenarioJson()));
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
            int group = f.length > 10 ? opt(f[10]) : -1;
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
                            opt(f[9]),
                            group));
        }
        Path json = dir.resolve("scenario.json");
        List<ZoneConfig> zones =
                Files.exists(json)
                        ? BenchBorders.zones(Files.readString(json, StandardCharsets.UTF_8))
                        : List.of();
        return of(paths, targets, borderLat, zones);
    }

    private static int opt(String field) {
        return field.isBlank() ? -1 : (int) Math.round(Double.parseDouble(field));
    }

    private static List<TruthEvent> of(
            Map<Integer, List<double[]>> paths,
            List<TruthTarget> targets,
            double borderLat,
            List<ZoneConfig> zones) {
        List<TruthEvent> events = new ArrayList<>();
        ZoneMap zoneMap = ZoneMap.of(zones);
        for (var e : paths.entrySet()) {
            crossings(e.getKey(), e.getValue(), borderLat, events);
            loitering(e.getKey(), e.getValue(), borderLat, events);
            for (ZoneConfig z : zones) {
                zoneEntries(e.getKey(), e.getValue(), zoneMap, z.id(), events);
            }
        }
        convoys(paths, events);
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

    /** Metres east and north from a to b (local flat approximation, enough for a few km). */
    private static double[] offsetM(double[] a, double[] b) {
        double lat = Math.toRadians((a[1] + b[1]) / 2);
        return new double[] {
            (b[2] - a[2]) * M_PER_DEG_LON_EQUATOR * Math.cos(lat), (b[1] - a[1]) * M_PER_DEG_LAT
        };
    }

    /** Speed on the segment from point k-1 to k (k = 0: the first segment), m/s. */
    private static double speedAt(List<double[]> path, int k) {
        if (path.size() < 2) {
            return 0;
        }
        int j = Math.max(k, 1);
        double[] a = path.get(j - 1);
        double[] b = path.get(j);
        double[] d = offsetM(a, b);
        return Math.hypot(d[0], d[1]) / (b[0] - a[0]);
    }

    private static GeoPoint point(double[] p) {
        return new GeoPoint(p[1], p[2], 0);
    }

    /** The loitering detector's episodes on one truth path ({@link LoiteringParameters}). */
    private static void loitering(
            int id, List<double[]> path, double borderLat, List<TruthEvent> out) {
        LoiteringParameters lp = LoiteringParameters.DEFAULTS;
        double[] anchor = null;
        double start = 0;
        double last = 0;
        double lastSpeed = 0;
        double speedSeconds = 0;
        boolean loiters = false;
        for (int k = 0; k < path.size(); k++) {
            double[] p = path.get(k);
            double speed = speedAt(path, k);
            boolean near = Math.abs(p[1] - borderLat) * M_PER_DEG_LAT <= lp.maxDistanceToBorderM();
            boolean stays =
                    anchor != null
                            && near
                            && Geodesy.distanceM(point(anchor), point(p)) <= lp.radiusM();
            if (anchor != null && stays) {
                speedSeconds += (p[0] - last) * (lastSpeed + speed) / 2;
                double duration = p[0] - start;
                loiters |=
                        duration >= lp.minDurationS()
                                && speedSeconds / duration <= lp.maxMeanSpeedMps();
            } else {
                if (anchor != null && loiters) {
                    out.add(event("LOITERING", start, last, anchor[1], anchor[2], List.of(id)));
                }
                anchor = near ? p : null;
                start = p[0];
                speedSeconds = 0;
                loiters = false;
            }
            last = p[0];
            lastSpeed = speed;
        }
        if (anchor != null && loiters) {
            out.add(event("LOITERING", start, last, anchor[1], anchor[2], List.of(id)));
        }
    }

    /** Entries into one zone along one truth path, with the detector's hysteresis. */
    private static void zoneEntries(
            int id, List<double[]> path, ZoneMap zones, String zoneId, List<TruthEvent> out) {
        double h = ZoneIntrusionParameters.DEFAULTS.hysteresisM();
        double[] entry = null; // t, lat, lon where the edge was crossed, while inside
        double prevDepth = Double.NaN;
        for (int k = 0; k < path.size(); k++) {
            double[] p = path.get(k);
            double depth = zones.signedDepthM(zoneId, point(p), Double.MAX_VALUE);
            if (entry == null && depth >= h) {
                if (k == 0 || prevDepth >= 0) {
                    entry = k == 0 ? p : path.get(k - 1);
                } else {
                    double[] q = path.get(k - 1);
                    double f = -prevDepth / (depth - prevDepth);
                    entry =
                            new double[] {
                                q[0] + f * (p[0] - q[0]),
                                q[1] + f * (p[1] - q[1]),
                                q[2] + f * (p[2] - q[2])
                            };
                }
            } else if (entry != null && depth <= -h) {
                out.add(event("ZONE_INTRUSION", entry[0], p[0], entry[1], entry[2], List.of(id)));
                entry = null;
            }
            prevDepth = depth;
        }
        if (entry != null) {
            double end = path.get(path.size() - 1)[0];
            out.add(event("ZONE_INTRUSION", entry[0], end, entry[1], entry[2], List.of(id)));
        }
    }

    /** The convoy detector's groups on the truth ({@link ConvoyParameters}), over all targets. */
    private static void convoys(Map<Integer, List<double[]>> paths, List<TruthEvent> out) {
        ConvoyParameters cp = ConvoyParameters.DEFAULTS;
        // time -> id -> [lat, lon, east m/s, north m/s]
        TreeMap<Double, TreeMap<Integer, double[]>> byTime = new TreeMap<>();
        for (var e : paths.entrySet()) {
            List<double[]> path = e.getValue();
            for (int k = 1; k < path.size(); k++) {
                double[] a = path.get(k - 1);
                double[] b = path.get(k);
                double[] d = offsetM(a, b);
                double dt = b[0] - a[0];
                byTime.computeIfAbsent(b[0], t -> new TreeMap<>())
                        .put(e.getKey(), new double[] {b[1], b[2], d[0] / dt, d[1] / dt});
            }
        }
        final class Group {
            double start;
            double last;
            double lat;
            double lon;
            boolean placed;
            Set<Integer> members = new TreeSet<>();
            final Set<Integer> ever = new TreeSet<>();
        }
        List<Group> active = new ArrayList<>();
        List<Group> broken = new ArrayList<>(); // labelled groups that broke, held for rejoinS
        for (var step : byTime.entrySet()) {
            double t = step.getKey();
            List<Integer> ids = new ArrayList<>(step.getValue().keySet());
            int n = ids.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double[] a = step.getValue().get(ids.get(i));
                    double[] b = step.getValue().get(ids.get(j));
                    boolean together = false;
                    for (Group g : active) {
                        together |=
                                g.members.contains(ids.get(i)) && g.members.contains(ids.get(j));
                    }
                    if (linked(a, b, together ? cp.separationM() : cp.linkDistanceM(), cp)) {
                        parent[find(parent, i)] = find(parent, j);
                    }
                }
            }
            Map<Integer, Set<Integer>> components = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                components.computeIfAbsent(find(parent, i), r -> new TreeSet<>()).add(ids.get(i));
            }
            List<Group> next = new ArrayList<>();
            Set<Group> taken = new HashSet<>();
            for (Set<Integer> c : components.values()) {
                if (c.size() < cp.minTracks()) {
                    continue;
                }
                Group best = null;
                int shared = 0;
                for (Group g : active) {
                    int s = (int) c.stream().filter(g.members::contains).count();
                    if (!taken.contains(g) && s > shared) {
                        best = g;
                        shared = s;
                    }
                }
                if (best == null) {
                    // A labelled group that broke less than rejoinS ago and re-forms holding
                    // rejoinShare of its last members (and two) is the same convoy, as the
                    // detector counts it (ConvoyParameters#rejoinS).
                    for (Group g : broken) {
                        int s = (int) c.stream().filter(g.members::contains).count();
                        if (t - g.last <= cp.rejoinS()
                                && s >= rejoinNeeds(g.members.size(), cp)
                                && s > shared) {
                            best = g;
                            shared = s;
                        }
                    }
                    broken.remove(best);
                }
                if (best == null) {
                    best = new Group();
                    best.start = t;
                }
                if (!best.placed && t - best.start >= cp.minDurationS()) {
                    // Where the detector reports it: its centroid when it has held minDurationS.
                    double lat = 0, lon = 0;
                    for (int id : c) {
                        lat += step.getValue().get(id)[0] / c.size();
                        lon += step.getValue().get(id)[1] / c.size();
                    }
                    best.lat = lat;
                    best.lon = lon;
                    best.placed = true;
                }
                taken.add(best);
                best.members = c;
                best.ever.addAll(c);
                best.last = t;
                next.add(best);
            }
            for (Group g : active) {
                if (!taken.contains(g) && g.placed) {
                    broken.add(g);
                }
            }
            for (Iterator<Group> it = broken.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (t - g.last > cp.rejoinS()) {
                    out.add(
                            event(
                                    "CONVOY",
                                    g.start,
                                    g.last,
                                    g.lat,
                                    g.lon,
                                    new ArrayList<>(g.ever)));
                    it.remove();
                }
            }
            active = next;
        }
        for (Group g : broken) {
            out.add(event("CONVOY", g.start, g.last, g.lat, g.lon, new ArrayList<>(g.ever)));
        }
        for (Group g : active) {
            if (g.placed) {
                out.add(event("CONVOY", g.start, g.last, g.lat, g.lon, new ArrayList<>(g.ever)));
            }
        }
    }

    /** The members a re-formed group must hold of a broken one's last: rejoinShare, at least 2. */
    private static int rejoinNeeds(int lastMembers, ConvoyParameters cp) {
        return (int) Math.max(2, Math.ceil(cp.rejoinShare() * lastMembers - 1e-9));
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The convoy detector's link test on truth states [lat, lon, east m/s, north m/s]. */
    private static boolean linked(double[] a, double[] b, double maxM, ConvoyParameters cp) {
        double sa = Math.hypot(a[2], a[3]);
        double sb = Math.hypot(b[2], b[3]);
        if (sa < cp.minSpeedMps() || sb < cp.minSpeedMps()) {
            return false;
        }
        double diff =
                Math.abs(
                        Math.toDegrees(
                                Math.atan2(a[2] * b[3] - a[3] * b[2], a[2] * b[2] + a[3] * b[3])));
        if (diff > cp.maxHeadingDiffDeg()
                || Math.abs(sa - sb)
                        > Math.max(
                                cp.maxSpeedDiffMps(),
                                cp.maxSpeedDiffFraction() * Math.max(sa, sb))) {
            return false;
        }
        double[] d = offsetM(new double[] {0, a[0], a[1]}, new double[] {0, b[0], b[1]});
        return Math.hypot(d[0], d[1]) <= maxM;
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
