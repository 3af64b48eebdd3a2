package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates seeded scenarios in the benchmark format ({@code shared/bench/README.md}) with ground
 * truth: targets crossing the border northwards, rendezvous pairs that converge, dwell about 15 m
 * apart and separate, targets that go dark for 60–180 s while they keep moving, and near-constant
 * velocity targets with coordinated turns of 1–4 °/s; two radars, two drones and a satellite with
 * their noise, detection probability and Poisson clutter as the benchmark's defaults.
 *
 * <p>Time advances in whole seconds: each target's state is integrated at 1 s steps (velocity noise
 * of 0.05 m/s² as the benchmark's {@code sigma_accel}), every sensor scans at the seconds its
 * period and phase give, and truth is recorded at every evaluation time. A target ends when it
 * leaves the box. {@link java.util.Random} is specified to the bit, so a seed gives the same files
 * on every JVM.
 */
public final class ScenarioGenerator {
    /** Origin of the scenario frame, on the border east of Nogales. */
    public static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200.0);

    static final double HALF_EAST_M = 40000.0;
    static final double HALF_NORTH_M = 30000.0;
    static final String EPOCH = "2026-01-01T00:00:00Z";
    private static final double SIGMA_ACCEL = 0.05;

    private final ScenarioSpec spec;
    private final Random random;
    private final LocalTangentPlane plane = new LocalTangentPlane(REFERENCE);
    private final List<Sensor> sensors = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> detections = new ArrayList<>();
    private final List<String> truthRows = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<GeneratedScenario.TruthStep> truthSteps = new ArrayList<>();
    private long detectionId;
    private int clutterCount;

    private ScenarioGenerator(ScenarioSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
    }

    /**
     * Writes a generated scenario in the benchmark format, plus its ground-truth events as
     * events.csv ({@link io.cordon.pipeline.detect.bench.TruthEvents}): {@code --out DIR [--seed S]
     * [--targets N] [--duration SECONDS] [--clutter-scale X] [--near-miss-pairs K] [--loiterers K]
     * [--intruders K] [--convoys K] [--vessel-encounters K]} (defaults: seed 1, 100 targets, 600 s,
     * 1, none of the extras; vessel encounters need {@code --duration 8400} or more).
     */
    public static void main(String[] args) throws java.io.IOException {
        long seed = 1;
        int targets = 100;
        int duration = 600;
        double clutter = 1.0;
        int nearMisses = 0;
        int loiterers = 0;
        int intruders = 0;
        int convoys = 0;
        int vessels = 0;
        java.nio.file.Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--targets" -> targets = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                case "--clutter-scale" -> clutter = Double.parseDouble(args[i + 1]);
                case "--near-miss-pairs" -> nearMisses = Integer.parseInt(args[i + 1]);
                case "--loiterers" -> loiterers = Integer.parseInt(args[i + 1]);
                case "--intruders" -> intruders = Integer.parseInt(args[i + 1]);
                case "--convoys" -> convoys = Integer.parseInt(args[i + 1]);
                case "--vessel-encounters" -> vessels = Integer.parseInt(args[i + 1]);
                case "--out" -> out = java.nio.file.Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException(
                    "usage: --out DIR [--seed S] [--targets N] [--duration S] [--clutter-scale X]"
                            + " [--near-miss-pairs K] [--loiterers K] [--intruders K] [--convoys K]"
                            + " [--vessel-encounters K]");
        }
        GeneratedScenario g =
                generate(
                        ScenarioSpec.border(seed, targets, duration)
                                .withClutterScale(clutter)
                                .withNearMissPairs(nearMisses)
                                .withLoiterers(loiterers)
                                .withIntruders(intruders)
                                .withConvoys(convoys)
                                .withVesselEncounters(vessels));
        g.writeTo(out);
        // Ground-truth events for scoring detectors (docs/detection.md); a sixth file, the five
        // of the benchmark format are unchanged.
        io.cordon.pipeline.detect.bench.TruthEvents.write(
                out.resolve("events.csv"),
                io.cordon.pipeline.detect.bench.TruthEvents.of(g, REFERENCE, REFERENCE.latDeg()));
        System.out.println(g.detectionCount() + " detections written to " + out);
    }

    /** The scenario for {@code spec}. */
    public static GeneratedScenario generate(ScenarioSpec spec) {
        return new ScenarioGenerator(spec).run();
    }

    private GeneratedScenario run() {
        addSensors();
        addTargets();
        addNearMisses();
        addPatterns();
        addVessels();
        detections.add(
                "det_id,time_s,sensor_id,sensor_type,range_m,az_deg,sigma_range_m,sigma_az_deg,"
                        + "sensor_lat,sensor_lon,sensor_alt_m,lat,lon,cov_ee_m2,cov_en_m2,cov_nn_m2");
        truthRows.add("time_s,truth_id,lat,lon,alt_m");
        labels.add("det_id,truth_id");
        int duration = spec.durationS();
        for (int t = 0; t <= duration; t++) {
            if (t % spec.evalDtS() == 0) {
                recordTruth(t);
            }
            for (Sensor s : sensors) {
                if (t >= s.phaseS && (t - s.phaseS) % s.periodS == 0) {
                    scan(s, t);
                }
            }
            for (Target target : targets) {
                if (target.alive(t)) {
                    target.step(t);
                    if (Math.abs(target.e) > HALF_EAST_M || Math.abs(target.n) > HALF_NORTH_M) {
                        target.end = t;
                    }
                }
            }
        }
        List<String> meta = new ArrayList<>();
        boolean groups = spec.hasPatterns();
        meta.add(
                "truth_id,kind,t_start,t_end,dark_start,dark_end,cross_time,meet_time,dwell_s,partner"
                        + (groups ? ",group" : ""));
        List<GeneratedScenario.TruthTarget> truthTargets = new ArrayList<>();
        for (Target target : targets) {
            int end = target.end < 0 ? duration : target.end;
            GeneratedScenario.TruthTarget tt =
                    new GeneratedScenario.TruthTarget(
                            target.id,
                            target.kind,
                            target.start,
                            end,
                            target.darkStart,
                            target.darkEnd,
                            target.crossTime,
                            target.meetTime,
                            target.dwellS,
                            target.partner,
                            target.group);
            truthTargets.add(tt);
            meta.add(tt.csvRow(groups));
        }
        return new GeneratedScenario(
                scenarioJson(), detections, truthRows, meta, labels, truthSteps, truthTargets);
    }

    // ---------------------------------------------------------------- sensors

    private static final class Sensor {
        final String id;
        final String type;
        final double e;
        final double n;
        final double radiusM;
        final int periodS;
        final int phaseS;
        final double pd;
        final double clutterPerScan;
        final double[] cov; // ee, en, nn for drone and satellite
        GeoPoint geodetic;
        LocalTangentPlane ownPlane;

        Sensor(
                String id,
                String type,
                double e,
                double n,
                double radiusM,
                int periodS,
                int phaseS,
                double pd,
                double clutterPerScan,
                double[] cov) {
            this.id = id;
            this.type = type;
            this.e = e;
            this.n = n;
            this.radiusM = radiusM;
            this.periodS = periodS;
            this.phaseS = phaseS;
            this.pd = pd;
            this.clutterPerScan = clutterPerScan;
            this.cov = cov;
        }

        boolean covers(double te, double tn) {
            return type.equals("satellite")
                    ? Math.abs(te) <= HALF_EAST_M && Math.abs(tn) <= HALF_NORTH_M
                    : Math.hypot(te - e, tn - n) <= radiusM;
        }
    }

    private void addSensors() {
        double pd = spec.pdScale();
        double cs = spec.clutterScale();
        sensors.add(radar("R1", -20000, 6000, 0, Math.min(0.99, 0.9 * pd), 20 * cs));
        sensors.add(radar("R2", 18000, 5000, 2, Math.min(0.99, 0.9 * pd), 20 * cs));
        double[] droneCov = {100.0, 0.0, 100.0};
        sensors.add(
                new Sensor(
                        "D1",
                        "drone",
                        -8000,
                        -5000,
                        6000,
                        2,
                        1,
                        Math.min(0.99, 0.85 * pd),
                        2 * cs,
                        droneCov));
        sensors.add(
                new Sensor(
                        "D2",
                        "drone",
                        15000,
                        -12000,
                        6000,
                        2,
                        1,
                        Math.min(0.99, 0.85 * pd),
                        2 * cs,
                        droneCov));
        sensors.add(
                new Sensor(
                        "S1",
                        "satellite",
                        0,
                        0,
                        Double.NaN,
                        180,
                        30,
                        Math.min(0.99, 0.7 * pd),
                        30 * cs,
                        new double[] {22500.0, 4050.0, 8100.0}));
        sensors.sort((a, b) -> a.id.compareTo(b.id));
    }

    private Sensor radar(String id, double e, double n, int phase, double pd, double clutter) {
        Sensor s = new Sensor(id, "radar", e, n, 28000, 4, phase, pd, clutter, null);
        GeoPoint ground = plane.surfacePoint(e, n);
        s.geodetic = new GeoPoint(ground.latDeg(), ground.lonDeg(), REFERENCE.altM() + 30.0);
        s.ownPlane = new LocalTangentPlane(s.geodetic);
        return s;
    }

    private void scan(Sensor s, int t) {
        List<String> batch = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        for (Target target : targets) {
            if (!target.alive(t) || target.dark(t) || !s.covers(target.e, target.n)) {
                continue;
            }
            if (random.nextDouble() < s.pd) {
                batch.add(measure(s, target.e, target.n, t));
                origin.add(target.id);
            }
        }
        int clutter = poisson(s.clutterPerScan);
        for (int k = 0; k < clutter; k++) {
            batch.add(clutterRow(s, t));
            origin.add(-1);
            clutterCount++;
        }
        Integer[] order = new Integer[batch.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        List<Integer> shuffled = new ArrayList<>(List.of(order));
        Collections.shuffle(shuffled, random);
        for (int k : shuffled) {
            long id = detectionId++;
            detections.add(id + "," + batch.get(k));
            labels.add(id + "," + origin.get(k));
        }
    }

    private String measure(Sensor s, double e, double n, int t) {
        if (s.type.equals("radar")) {
            EnuPoint q = s.ownPlane.toEnu(plane.surfacePoint(e, n));
            double range = Math.hypot(q.eastM(), q.northM()) + 15.0 * random.nextGaussian();
            double az =
                    Math.toDegrees(Math.atan2(q.eastM(), q.northM()))
                            + 0.25 * random.nextGaussian();
            return radarRow(s, t, Math.max(range, 0.0), az);
        }
        double[] c = s.cov;
        double l00 = Math.sqrt(c[0]);
        double l10 = c[1] / l00;
        double l11 = Math.sqrt(c[2] - l10 * l10);
        double g0 = random.nextGaussian(), g1 = random.nextGaussian();
        return fixRow(s, t, e + l00 * g0, n + l10 * g0 + l11 * g1);
    }

    private String clutterRow(Sensor s, int t) {
        if (s.type.equals("radar")) {
            // Constant false alarm rate per range-azimuth cell: uniform in range and azimuth.
            double r = s.radiusM * random.nextDouble();
            return radarRow(s, t, r, random.nextDouble() * 360.0);
        }
        if (s.type.equals("drone")) {
            double r = s.radiusM * Math.sqrt(random.nextDouble());
            double a = random.nextDouble() * 2 * Math.PI;
            return fixRow(s, t, s.e + r * Math.sin(a), s.n + r * Math.cos(a));
        }
        return fixRow(
                s,
                t,
                (2 * random.nextDouble() - 1) * HALF_EAST_M,
                (2 * random.nextDouble() - 1) * HALF_NORTH_M);
    }

    private static String radarRow(Sensor s, int t, double range, double azDeg) {
        double az = ((azDeg % 360.0) + 360.0) % 360.0;
        String azText = String.format(Locale.ROOT, "%.5f", az);
        if (azText.equals("360.00000")) {
            azText = "0.00000";
        }
        return String.format(
                Locale.ROOT,
                "%d,%s,radar,%.2f,%s,15.0,0.25,%.7f,%.7f,%.1f,,,,,",
                t,
                s.id,
                range,
                azText,
                s.geodetic.latDeg(),
                s.geodetic.lonDeg(),
                s.geodetic.altM());
    }

    private String fixRow(Sensor s, int t, double e, double n) {
        GeoPoint p = plane.surfacePoint(e, n);
        return String.format(
                Locale.ROOT,
                "%d,%s,%s,,,,,,,,%.7f,%.7f,%.1f,%.1f,%.1f",
                t,
                s.id,
                s.type,
                p.latDeg(),
                p.lonDeg(),
                s.cov[0],
                s.cov[1],
                s.cov[2]);
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    // ---------------------------------------------------------------- targets

    private final class Target {
        final int id;
        final String kind;
        int start;
        int end = -1; // last second inside the box, -1 while inside
        double e, n, speed, heading, turnRate;
        int segmentEnd;
        int darkStart = -1, darkEnd = -1, crossTime = -1, meetTime = -1, dwellS = -1;
        int partner = -1;
        int group = -1; // zone or convoy index
        // Rendezvous: meeting point, approach velocity, dwell drift.
        double meetE, meetN, driftE, driftN;
        // Loiterers, intruders, convoys: the position at each second, noise-free.
        Script script;

        Target(int id, String kind) {
            this.id = id;
            this.kind = kind;
        }

        boolean alive(int t) {
            return t >= start && (end < 0 || t <= end);
        }

        boolean dark(int t) {
            return darkStart >= 0 && t >= darkStart && t <= darkEnd;
        }

        /**
         * Starts a 3 °/s turn towards the centre when the target is within 5 km of the box's edge
         * and moving outwards; true while such a turn lasts.
         */
        boolean turningBack(int t) {
            boolean nearEdge =
                    Math.abs(e) > HALF_EAST_M - 5000 || Math.abs(n) > HALF_NORTH_M - 5000;
            double ve = Math.sin(heading), vn = Math.cos(heading);
            boolean outwards =
                    (Math.abs(e) > HALF_EAST_M - 5000 && e * ve > 0)
                            || (Math.abs(n) > HALF_NORTH_M - 5000 && n * vn > 0);
            if (nearEdge && outwards) {
                // Turn left (positive, counter-clockwise) when the centre is to the left.
                double cross = ve * (-n) - vn * (-e);
                turnRate = Math.toRadians(3.0) * (cross > 0 ? -1 : 1);
                segmentEnd = t + 20;
                return true;
            }
            return false;
        }

        /** Advances the state from t to t + 1. */
        void step(int t) {
            if (script != null) {
                double[] p = script.at(t + 1);
                e = p[0];
                n = p[1];
                return;
            }
            if ((kind.equals("rendezvous") || kind.equals("near_stop")) && t < meetTime + dwellS) {
                if (t < meetTime) {
                    double left = meetTime - t;
                    e += (meetE - e) / left;
                    n += (meetN - n) / left;
                } else {
                    e += driftE;
                    n += driftN;
                }
                if (t + 1 == meetTime + dwellS) {
                    heading = random.nextDouble() * 2 * Math.PI;
                    speed = uniform(4, 12);
                    turnRate = 0;
                    segmentEnd = t + 1 + (int) uniform(20, 120);
                }
                return;
            }
            boolean straight = kind.equals("crosser") || kind.equals("near_pass");
            if (!straight && turningBack(t)) {
                // Near the edge of the box and heading out: turn back in (targets stay in the
                // surveilled area, as in the benchmark where none leaves).
            } else if (!straight && t >= segmentEnd) {
                if (turnRate == 0) {
                    turnRate = Math.toRadians(uniform(1, 4)) * (random.nextBoolean() ? 1 : -1);
                    segmentEnd = t + (int) uniform(10, 60);
                } else {
                    turnRate = 0;
                    segmentEnd = t + (int) uniform(20, 120);
                }
            }
            speed = Math.max(1.0, speed + SIGMA_ACCEL * random.nextGaussian());
            heading += turnRate + SIGMA_ACCEL * random.nextGaussian() / speed;
            double northBefore = n;
            e += speed * Math.sin(heading);
            n += speed * Math.cos(heading);
            if (kind.equals("crosser") && crossTime < 0 && northBefore < 0 && n >= 0) {
                crossTime = t + 1;
            }
        }
    }

    private void addTargets() {
        int count = spec.targets();
        int duration = spec.durationS();
        int rendezvous = 2 * (int) Math.floor(spec.fracRendezvous() * count / 2);
        int crossers = (int) Math.round(spec.fracCross() * count);
        int dark = (int) Math.round(spec.fracDark() * count);
        crossers = Math.min(crossers, count - rendezvous);
        dark = Math.min(dark, count - rendezvous - crossers);
        int id = 0;
        for (int k = 0; k < rendezvous / 2; k++) {
            addPair(id, duration);
            id += 2;
        }
        for (; id < count; id++) {
            String kind =
                    id < rendezvous + crossers
                            ? "crosser"
                            : id < rendezvous + crossers + dark ? "dark" : "ncv_turn";
            Target t = new Target(id, kind);
            if (random.nextDouble() < spec.lateBirthShare()) {
                t.start = 1 + random.nextInt(Math.max(1, (int) (0.3 * duration)));
            }
            if (kind.equals("crosser")) {
                t.heading = Math.toRadians(uniform(-10, 10));
                t.speed = uniform(10, 20);
                int life = duration - t.start;
                double toBorder =
                        t.speed * Math.cos(t.heading) * uniform(20, Math.max(30, 0.8 * life));
                t.n = -Math.min(toBorder, HALF_NORTH_M - 500);
                t.e = uniform(-0.9, 0.9) * HALF_EAST_M;
                t.segmentEnd = Integer.MAX_VALUE;
            } else {
                t.e = uniform(-0.75, 0.75) * HALF_EAST_M;
                t.n = uniform(-0.75, 0.75) * HALF_NORTH_M;
                t.heading = random.nextDouble() * 2 * Math.PI;
                t.speed = uniform(5, 22);
                t.segmentEnd = t.start + (int) uniform(0, 60);
                if (kind.equals("dark")) {
                    int latest = Math.max(t.start + 10, duration - 60);
                    t.darkStart = t.start + 10 + random.nextInt(latest - t.start - 10 + 1);
                    t.darkEnd = t.darkStart + (int) uniform(60, 180);
                }
            }
            targets.add(t);
        }
    }

    /**
     * Near-miss pairs ({@link ScenarioSpec#nearMissPairs()}), from a random stream of their own so
     * that the other targets' draws are unchanged: even pairs pass each other in straight lines
     * ({@code near_pass}, closest approach 20-150 m at {@code meet_time}, each at 1.5-10 m/s on
     * courses 150-210° apart, {@code dwell_s} 0); odd pairs converge like a rendezvous but stop
     * only 5-15 s ({@code near_stop}), under the 30 s a land rendezvous needs.
     */
    private void addNearMisses() {
        Random own = new Random(spec.seed() * 1_000_003L + 17);
        int duration = spec.durationS();
        int id = targets.size();
        for (int k = 0; k < spec.nearMissPairs(); k++, id += 2) {
            Target a = new Target(id, k % 2 == 0 ? "near_pass" : "near_stop");
            Target b = new Target(id + 1, a.kind);
            a.partner = id + 1;
            b.partner = id;
            int meet = (int) Math.max(60, (0.3 + 0.3 * own.nextDouble()) * duration);
            double ce = (-0.7 + 1.4 * own.nextDouble()) * HALF_EAST_M;
            double cn = (-0.7 + 1.4 * own.nextDouble()) * HALF_NORTH_M;
            if (a.kind.equals("near_pass")) {
                double miss = 20 + 130 * own.nextDouble();
                double heading = own.nextDouble() * 2 * Math.PI;
                double across = heading + Math.PI / 2;
                double[] headings = {
                    heading, heading + Math.PI + Math.toRadians(-30 + 60 * own.nextDouble())
                };
                Target[] pair = {a, b};
                for (int j = 0; j < 2; j++) {
                    Target t = pair[j];
                    double side = j == 0 ? 0.5 : -0.5;
                    t.speed = 1.5 + 8.5 * own.nextDouble();
                    t.heading = headings[j];
                    double pe = ce + side * miss * Math.sin(across);
                    double pn = cn + side * miss * Math.cos(across);
                    // Born 60 s before the pass, so that the velocity noise moves the closest
                    // approach by a few metres only.
                    t.start = meet - 60;
                    t.e = pe - t.speed * 60 * Math.sin(t.heading);
                    t.n = pn - t.speed * 60 * Math.cos(t.heading);
                    t.segmentEnd = Integer.MAX_VALUE;
                    t.meetTime = meet;
                    t.dwellS = 0;
                    targets.add(t);
                }
            } else {
                int dwell = 5 + own.nextInt(11);
                double offset = own.nextDouble() * Math.PI;
                double oe = 7.5 * Math.sin(offset), on = 7.5 * Math.cos(offset);
                for (Target t : new Target[] {a, b}) {
                    double sign = t == a ? 1 : -1;
                    t.meetTime = meet;
                    t.dwellS = dwell;
                    t.meetE = ce + sign * oe;
                    t.meetN = cn + sign * on;
                    double bearing = own.nextDouble() * 2 * Math.PI;
                    double distance = (4 + 8 * own.nextDouble()) * Math.min(meet, 120);
                    t.e = t.meetE + distance * Math.sin(bearing);
                    t.n = t.meetN + distance * Math.cos(bearing);
                    t.start = meet - Math.min(meet, 120);
                    t.driftE = 0;
                    t.driftN = 0;
                    targets.add(t);
                }
            }
        }
    }

    private void addPair(int id, int duration) {
        Target a = new Target(id, "rendezvous");
        Target b = new Target(id + 1, "rendezvous");
        a.partner = id + 1;
        b.partner = id;
        int meet = (int) Math.max(20, uniform(0.3, 0.5) * duration);
        int dwell = (int) uniform(40, 90);
        double me = uniform(-0.8, 0.8) * HALF_EAST_M;
        double mn = uniform(-0.8, 0.8) * HALF_NORTH_M;
        double offset = random.nextDouble() * Math.PI;
        double oe = 7.5 * Math.sin(offset), on = 7.5 * Math.cos(offset);
        double driftHeading = random.nextDouble() * 2 * Math.PI;
        double drift = uniform(0, 1);
        for (Target t : new Target[] {a, b}) {
            double sign = t == a ? 1 : -1;
            t.meetTime = meet;
            t.dwellS = dwell;
            t.meetE = me + sign * oe;
            t.meetN = mn + sign * on;
            double bearing = random.nextDouble() * 2 * Math.PI;
            double distance = uniform(4, 12) * meet;
            // Keep the start inside the box.
            double maxE =
                    (HALF_EAST_M - 500 - Math.abs(t.meetE))
                            / Math.max(1e-9, Math.abs(Math.sin(bearing)));
            double maxN =
                    (HALF_NORTH_M - 500 - Math.abs(t.meetN))
                            / Math.max(1e-9, Math.abs(Math.cos(bearing)));
            distance = Math.min(distance, Math.min(maxE, maxN));
            t.e = t.meetE + distance * Math.sin(bearing);
            t.n = t.meetN + distance * Math.cos(bearing);
            t.driftE = drift * Math.sin(driftHeading);
            t.driftN = drift * Math.cos(driftHeading);
            targets.add(t);
        }
    }

    // ------------------------------------------------- loiterers, zones, convoys

    /** A scripted target's position (east, north in the scenario frame) at second t. */
    @FunctionalInterface
    private interface Script {
        double[] at(int t);
    }

    private final List<double[][]> zones = new ArrayList<>(); // ENU vertices, open ring
    private final List<String> zoneWkt = new ArrayList<>();

    /** The id of the k-th restricted zone in scenario.json ({@code zone-1}, ...). */
    public static String zoneId(int k) {
        return "zone-" + (k + 1);
    }

    /**
     * Loiterers, restricted zones with intruders and passers-by, convoys ({@link ScenarioSpec}),
     * from a random stream of their own after every other target, so that with none of them the
     * scenario is the one before they existed. Each is placed where a radar sees it (within 24 km
     * of R1 or R2) and follows a noise-free script.
     */
    private void addPatterns() {
        Random own = new Random(spec.seed() * 1_000_003L + 31);
        int duration = spec.durationS();
        for (int k = 0; k < spec.loiterers(); k++) {
            addLoiterer(own, "loiter", duration);
            addLoiterer(own, k % 2 == 0 ? "loiter_far" : "pace_border", duration);
        }
        for (int k = 0; k < spec.intruders(); k++) {
            addZoneAndVisitors(own, k, duration);
        }
        for (int k = 0; k < spec.convoys(); k++) {
            addConvoy(own, "convoy", 2 * k, duration);
            addConvoy(own, "convoy_sparse", 2 * k + 1, duration);
        }
    }

    private static double between(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private boolean inRadarCover(double e, double n, double marginM) {
        for (Sensor s : sensors) {
            if (s.type.equals("radar") && Math.hypot(e - s.e, n - s.n) <= s.radiusM - marginM) {
                return true;
            }
        }
        return false;
    }

    private Target scripted(String kind, int start, Script script) {
        Target t = new Target(targets.size(), kind);
        t.start = start;
        t.script = script;
        double[] p = script.at(start);
        t.e = p[0];
        t.n = p[1];
        t.segmentEnd = Integer.MAX_VALUE;
        targets.add(t);
        return t;
    }

    /**
     * A loiterer drives (6-9 m/s, 80-120 s: it appears 480 m or more from its stop, so that the
     * loitering episode, which starts within 200 m of the stop, starts after a track of it can
     * exist) to a point, paces to and fro over 20-60 m back along the way it came at 0.1-0.35 m/s
     * for 360-420 s (so it stays within the loitering detector's 200 m of wherever on its approach
     * an episode started, and its mean speed over 300 s including up to 200 m of approach is under
     * 1.03 m/s) and drives away; {@code loiter_far} does the same 3-6 km from the border, {@code
     * pace_border} walks to and fro along the border at 1.5-2.5 m/s over 600-1 000 m.
     */
    private void addLoiterer(Random r, String kind, int duration) {
        double side = r.nextBoolean() ? 1 : -1;
        double pe = 0, pn = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            pe = between(r, -0.7, 0.7) * HALF_EAST_M;
            pn =
                    side
                            * (kind.equals("loiter_far")
                                    ? between(r, 3000, 6000)
                                    : between(r, 300, 1500));
            if (inRadarCover(pe, pn, 4000)) {
                break;
            }
        }
        int t0 = r.nextInt(31);
        if (kind.equals("pace_border")) {
            double beat = between(r, 600, 1000);
            double v = between(r, 1.5, 2.5);
            double e0 = pe - beat / 2, n0 = pn;
            scripted(
                    kind,
                    t0,
                    t -> {
                        double along = (v * (t - t0)) % (2 * beat);
                        return new double[] {e0 + (along <= beat ? along : 2 * beat - along), n0};
                    });
            return;
        }
        double h = r.nextDouble() * 2 * Math.PI;
        double va = between(r, 6, 9);
        int arrive = t0 + (int) between(r, 80, 120);
        int dwell = (int) between(r, 360, 420);
        int leave = arrive + dwell;
        double beat = between(r, 20, 60);
        double vc = between(r, 0.1, 0.35);
        double h2 = r.nextDouble() * 2 * Math.PI;
        double fe = pe, fn = pn;
        Script pacing =
                t -> {
                    double along = (vc * (t - arrive)) % (2 * beat);
                    double back = along <= beat ? along : 2 * beat - along;
                    return new double[] {fe - back * Math.sin(h), fn - back * Math.cos(h)};
                };
        double[] q = pacing.at(leave);
        Target t =
                scripted(
                        kind,
                        t0,
                        s -> {
                            if (s <= arrive) {
                                double back = va * (arrive - s);
                                return new double[] {
                                    fe - back * Math.sin(h), fn - back * Math.cos(h)
                                };
                            }
                            if (s <= leave) {
                                return pacing.at(s);
                            }
                            double on = va * (s - leave);
                            return new double[] {
                                q[0] + on * Math.sin(h2), q[1] + on * Math.cos(h2)
                            };
                        });
        t.meetTime = arrive;
        t.dwellS = dwell;
    }

    /**
     * Zone k: a hexagon of radius 400-900 m (vertices at 80-100 % of it) around a point a radar
     * sees, more than 6 km from the other zones; an intruder crosses it at 3-12 m/s on a line
     * within 30 % of the radius of its centre, a passer-by passes 150-400 m outside the hexagon's
     * circle at 3-12 m/s; both reach the zone 60-150 s after they appear.
     */
    private void addZoneAndVisitors(Random r, int k, int duration) {
        double ce = 0, cn = 0;
        for (int attempt = 0; attempt < 200; attempt++) {
            ce = between(r, -0.6, 0.6) * HALF_EAST_M;
            cn = between(r, -0.6, 0.6) * HALF_NORTH_M;
            boolean apart = true;
            for (double[][] z : zones) {
                apart &= Math.hypot(z[0][0] - ce, z[0][1] - cn) > 6000;
            }
            if (apart && inRadarCover(ce, cn, 4000)) {
                break;
            }
        }
        double rz = between(r, 400, 900);
        double rot = r.nextDouble() * Math.PI / 3;
        double[][] ring = new double[6][];
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        for (int v = 0; v <= 6; v++) {
            if (v < 6) {
                double a = rot + v * Math.PI / 3;
                double rv = rz * between(r, 0.8, 1.0);
                ring[v] = new double[] {ce + rv * Math.sin(a), cn + rv * Math.cos(a)};
            }
            GeoPoint g = plane.surfacePoint(ring[v % 6][0], ring[v % 6][1]);
            wkt.append(
                    String.format(
                            Locale.ROOT,
                            "%s%.7f %.7f",
                            v == 0 ? "" : ", ",
                            g.lonDeg(),
                            g.latDeg()));
        }
        wkt.append("))");
        // zones.get(k)[0] is the centre, the rest the ring.
        double[][] stored = new double[7][];
        stored[0] = new double[] {ce, cn};
        System.arraycopy(ring, 0, stored, 1, 6);
        zones.add(stored);
        zoneWkt.add(wkt.toString());
        for (String kind : new String[] {"intruder", "zone_pass"}) {
            double h = r.nextDouble() * 2 * Math.PI;
            double v = between(r, 3, 12);
            double offset =
                    kind.equals("intruder")
                            ? between(r, -0.3, 0.3) * rz
                            : (r.nextBoolean() ? 1 : -1) * (rz + between(r, 150, 400));
            int t0 = r.nextInt(Math.max(1, (int) (0.2 * duration)));
            int closest = t0 + (int) between(r, 60, 150) + (int) (rz / v);
            // The path's closest point to the centre, reached at `closest`.
            double me = ce + offset * Math.cos(h), mn = cn - offset * Math.sin(h);
            Target t =
                    scripted(
                            kind,
                            t0,
                            s ->
                                    new double[] {
                                        me + v * (s - closest) * Math.sin(h),
                                        mn + v * (s - closest) * Math.cos(h)
                                    });
            t.group = k;
            if (kind.equals("intruder")) {
                for (int s = t0; s <= duration; s++) {
                    double[] p = t.script.at(s);
                    if (inside(ring, p[0], p[1])) {
                        t.crossTime = s;
                        break;
                    }
                }
            } else {
                t.crossTime = closest;
            }
        }
    }

    /** Whether (e, n) is inside the polygon {@code ring} (even-odd rule). */
    static boolean inside(double[][] ring, double e, double n) {
        boolean in = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            if ((ring[i][1] > n) != (ring[j][1] > n)
                    && e
                            < (ring[j][0] - ring[i][0])
                                            * (n - ring[i][1])
                                            / (ring[j][1] - ring[i][1])
                                    + ring[i][0]) {
                in = !in;
            }
        }
        return in;
    }

    /**
     * A column of vehicles on one path: the leader starts 8-20 km from the box's edge heading
     * within 60° of the centre at 6-12 m/s, goes straight 60-200 s, turns 30-60° at 1°/s and goes
     * straight again; each follower drives the same path a gap behind (3-5 vehicles 60-150 m apart
     * for a {@code convoy}, 3 vehicles 600-900 m apart for a {@code convoy_sparse}), a few metres
     * to the side.
     */
    private void addConvoy(Random r, String kind, int index, int duration) {
        double se = 0, sn = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            se = between(r, -0.6, 0.6) * HALF_EAST_M;
            sn = between(r, -0.6, 0.6) * HALF_NORTH_M;
            if (inRadarCover(se, sn, 6000)) {
                break;
            }
        }
        double h0 = Math.atan2(-se, -sn) + Math.toRadians(between(r, -60, 60));
        double v = between(r, 6, 12);
        int t0 = r.nextInt(Math.max(1, (int) (0.2 * duration)));
        int straight = (int) between(r, 60, 200);
        int turn = (int) between(r, 30, 60);
        double rate = Math.toRadians(1.0) * (r.nextBoolean() ? 1 : -1);
        double e0 = se, n0 = sn;
        // The leader's path by time since t0 (negative: the straight line extended backwards).
        double[][] path = new double[duration + 1][];
        double pe = e0, pn = n0, heading = h0;
        for (int s = 0; s <= duration; s++) {
            path[s] = new double[] {pe, pn, heading};
            if (s >= straight && s < straight + turn) {
                heading += rate;
            }
            pe += v * Math.sin(heading);
            pn += v * Math.cos(heading);
        }
        int members = kind.equals("convoy") ? 3 + r.nextInt(3) : 3;
        double delay = 0;
        for (int m = 0; m < members; m++) {
            if (m > 0) {
                delay += (kind.equals("convoy") ? between(r, 60, 150) : between(r, 600, 900)) / v;
            }
            double lateral = between(r, -8, 8);
            double d = delay;
            Target t =
                    scripted(
                            kind,
                            t0,
                            s -> {
                                double tau = s - t0 - d;
                                double[] p;
                                if (tau <= 0) {
                                    p =
                                            new double[] {
                                                e0 + v * tau * Math.sin(h0),
                                                n0 + v * tau * Math.cos(h0),
                                                h0
                                            };
                                } else {
                                    int i = Math.min((int) tau, duration - 1);
                                    double f = tau - i;
                                    p =
                                            new double[] {
                                                path[i][0] + f * (path[i + 1][0] - path[i][0]),
                                                path[i][1] + f * (path[i + 1][1] - path[i][1]),
                                                path[i][2]
                                            };
                                }
                                return new double[] {
                                    p[0] + lateral * Math.cos(p[2]), p[1] - lateral * Math.sin(p[2])
                                };
                            });
            t.group = index;
        }
    }

    // ------------------------------------------------- vessel encounters

    /**
     * Vessel encounters and their decoys ({@link ScenarioSpec#vesselEncounters()}), from a random
     * stream of their own after every other target, so that with none the scenario is the one
     * before they existed.
     */
    private void addVessels() {
        Random own = new Random(spec.seed() * 1_000_003L + 47);
        for (int k = 0; k < spec.vesselEncounters(); k++) {
            addVesselPair(own, "rendezvous");
            addVesselPair(own, k % 2 == 0 ? "vessel_short" : "vessel_apart");
        }
    }

    /**
     * Two vessels: each comes at 3-4 m/s (6-8 kn, faster than the sea rule's 2 kn) from 1.5-3 km
     * away, from roughly opposite sides, to its station at the meeting time (300-600 s); the
     * stations, 100-400 m apart ({@code vessel_apart}: 1 000-1 300 m) across a common drift of
     * 0.05-0.2 m/s (0.1-0.4 kn), move with it for the dwell (7 500-7 800 s: over the sea rule's 2 h
     * with a margin for the tracks to settle; {@code vessel_short}: 3 000-4 000 s); then each
     * leaves at 3-4 m/s on a heading of its own. Noise-free scripts, in radar cover 6 km inside its
     * edge.
     */
    private void addVesselPair(Random r, String kind) {
        double pe = 0, pn = 0;
        for (int attempt = 0; attempt < 100; attempt++) {
            pe = between(r, -0.6, 0.6) * HALF_EAST_M;
            pn = between(r, -0.6, 0.6) * HALF_NORTH_M;
            if (inRadarCover(pe, pn, 6000)) {
                break;
            }
        }
        int meet = (int) between(r, 300, 600);
        int dwell =
                (int)
                        (kind.equals("vessel_short")
                                ? between(r, 3000, 4000)
                                : between(r, 7500, 7800));
        double gap = kind.equals("vessel_apart") ? between(r, 1000, 1300) : between(r, 100, 400);
        double driftHeading = between(r, 0, 2 * Math.PI);
        double drift = between(r, 0.05, 0.2);
        double across = between(r, 0, 2 * Math.PI);
        double ce = 0.5 * gap * Math.sin(across), cn = 0.5 * gap * Math.cos(across);
        double inBearing = between(r, 0, 2 * Math.PI);
        int first = targets.size();
        for (int m = 0; m < 2; m++) {
            double sign = m == 0 ? 1 : -1;
            double bearing = inBearing + m * Math.PI + Math.toRadians(between(r, -30, 30));
            double inSpeed = between(r, 3, 4);
            double distance = Math.min(between(r, 1500, 3000), inSpeed * meet);
            double outHeading = between(r, 0, 2 * Math.PI);
            double outSpeed = between(r, 3, 4);
            int start = meet - (int) Math.ceil(distance / inSpeed);
            double se = pe + sign * ce, sn = pn + sign * cn;
            Target t =
                    scripted(
                            kind,
                            start,
                            s -> {
                                double tau = Math.min(Math.max(s - meet, 0), dwell);
                                double e = se + drift * tau * Math.sin(driftHeading);
                                double n = sn + drift * tau * Math.cos(driftHeading);
                                if (s < meet) {
                                    double back = inSpeed * (meet - s);
                                    return new double[] {
                                        e + back * Math.sin(bearing), n + back * Math.cos(bearing)
                                    };
                                }
                                double away = outSpeed * Math.max(0, s - meet - dwell);
                                return new double[] {
                                    e + away * Math.sin(outHeading), n + away * Math.cos(outHeading)
                                };
                            });
            t.meetTime = meet;
            t.dwellS = dwell;
        }
        targets.get(first).partner = first + 1;
        targets.get(first + 1).partner = first;
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    private void recordTruth(int t) {
        List<Integer> ids = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (Target target : targets) {
            if (target.alive(t)) {
                GeoPoint p = plane.surfacePoint(target.e, target.n);
                truthRows.add(
                        String.format(
                                Locale.ROOT,
                                "%d,%d,%.7f,%.7f,%.1f",
                                t,
                                target.id,
                                p.latDeg(),
                                p.lonDeg(),
                                REFERENCE.altM()));
                ids.add(target.id);
                points.add(new double[] {target.e, target.n});
            }
        }
        int[] idArray = new int[ids.size()];
        double[] e = new double[ids.size()];
        double[] n = new double[ids.size()];
        for (int k = 0; k < idArray.length; k++) {
            idArray[k] = ids.get(k);
            e[k] = points.get(k)[0];
            n[k] = points.get(k)[1];
        }
        truthSteps.add(new GeneratedScenario.TruthStep(t, idArray, e, n));
    }

    private String scenarioJson() {
        StringBuilder s = new StringBuilder();
        s.append("{\n \"format_version\": 1,\n \"region\": \"border\",\n");
        s.append(String.format(Locale.ROOT, " \"ref_lat\": %s,\n", REFERENCE.latDeg()));
        s.append(String.format(Locale.ROOT, " \"ref_lon\": %s,\n", REFERENCE.lonDeg()));
        s.append(String.format(Locale.ROOT, " \"ref_alt_m\": %s,\n", REFERENCE.altM()));
        s.append(String.format(Locale.ROOT, " \"border_lat\": %s,\n", REFERENCE.latDeg()));
        s.append(String.format(Locale.ROOT, " \"box_half_e_m\": %s,\n", HALF_EAST_M));
        s.append(String.format(Locale.ROOT, " \"box_half_n_m\": %s,\n", HALF_NORTH_M));
        s.append(" \"epoch_utc\": \"" + EPOCH + "\",\n");
        s.append(" \"duration_s\": " + spec.durationS() + ",\n");
        s.append(" \"eval_dt_s\": " + spec.evalDtS() + ",\n");
        s.append(" \"seed\": " + spec.seed() + ",\n");
        s.append(" \"targets\": " + targets.size() + ",\n");
        s.append(
                String.format(
                        Locale.ROOT,
                        " \"params\": {\"generator\": \"cordon ScenarioGenerator\", \"frac_rendezvous\":"
                                + " %s, \"frac_cross\": %s, \"frac_dark\": %s, \"late_birth_share\": %s,"
                                + " \"sigma_accel\": %s, \"clutter_scale\": %s, \"pd_scale\": %s},\n",
                        spec.fracRendezvous(),
                        spec.fracCross(),
                        spec.fracDark(),
                        spec.lateBirthShare(),
                        SIGMA_ACCEL,
                        spec.clutterScale(),
                        spec.pdScale()));
        s.append(
                " \"gospa\": {\"c_m\": 500.0, \"p\": 2, \"alpha\": 2, \"space\": \"horizontal ENU"
                        + " metres at ref point\"},\n");
        if (!zoneWkt.isEmpty()) {
            s.append(" \"restricted_zones\": [\n");
            for (int k = 0; k < zoneWkt.size(); k++) {
                s.append(
                        String.format(
                                Locale.ROOT,
                                "  {\"id\": \"%s\", \"name\": \"Restricted zone %d\", \"severity\":"
                                        + " \"HIGH\", \"wkt\": \"%s\"}%s\n",
                                zoneId(k),
                                k + 1,
                                zoneWkt.get(k),
                                k + 1 < zoneWkt.size() ? "," : ""));
            }
            s.append(" ],\n");
        }
        s.append(" \"sensors\": [\n");
        for (int k = 0; k < sensors.size(); k++) {
            Sensor x = sensors.get(k);
            s.append("  {");
            s.append(
                    String.format(
                            Locale.ROOT,
                            "\"id\": \"%s\", \"type\": \"%s\", \"period_s\": %d, \"phase_s\": %d,"
                                    + " \"pd\": %s, \"clutter_per_scan\": %s",
                            x.id,
                            x.type,
                            x.periodS,
                            x.phaseS,
                            x.pd,
                            x.clutterPerScan));
            switch (x.type) {
                case "radar" ->
                        s.append(
                                String.format(
                                        Locale.ROOT,
                                        ", \"e\": %s, \"n\": %s, \"alt\": %s, \"max_range_m\": %s,"
                                                + " \"sigma_range_m\": 15.0, \"sigma_az_deg\": 0.25,"
                                                + " \"lat\": %s, \"lon\": %s",
                                        x.e,
                                        x.n,
                                        x.geodetic.altM(),
                                        x.radiusM,
                                        x.geodetic.latDeg(),
                                        x.geodetic.lonDeg()));
                case "drone" ->
                        s.append(
                                String.format(
                                        Locale.ROOT,
                                        ", \"e\": %s, \"n\": %s, \"radius_m\": %s, \"cov_m2\": [%s, %s, %s]",
                                        x.e,
                                        x.n,
                                        x.radiusM,
                                        x.cov[0],
                                        x.cov[1],
                                        x.cov[2]));
                default ->
                        s.append(
                                String.format(
                                        Locale.ROOT,
                                        ", \"half_e_m\": %s, \"half_n_m\": %s, \"cov_m2\": [%s, %s, %s]",
                                        HALF_EAST_M,
                                        HALF_NORTH_M,
                                        x.cov[0],
                                        x.cov[1],
                                        x.cov[2]));
            }
            s.append(k + 1 < sensors.size() ? "},\n" : "}\n");
        }
        s.append(" ],\n");
        s.append(" \"n_detections\": " + (detections.size() - 1) + ",\n");
        s.append(" \"n_clutter\": " + clutterCount + "\n}\n");
        return s.toString();
    }
}
