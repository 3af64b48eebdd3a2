package io.cordon.pipeline.simulation;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Targets near a border that runs east-west through the reference point, seen by the configured
 * sensors.
 *
 * <p>Targets: a fraction cross the border (start 0.3 to 2 km from it and head across at 2 to 12
 * m/s, the speeds of people on foot and vehicles off road); the others move roughly parallel to it.
 * All are born in the first 20 % of the run and live to its end.
 *
 * <p>Sensors: each scans every {@code periodS} with a phase derived from its id. A target within
 * {@code rangeM} of the sensor is detected with probability {@code detectionProbability}; radars
 * report range and azimuth in their own tangent plane with Gaussian noise, other sensors a position
 * fix with isotropic noise {@code sigmaPositionM}. Clutter is Poisson with mean {@code
 * clutterPerScan}, uniform over the coverage disc. Every random draw depends only on the seed, the
 * sensor and the scan, so observations for any time window are reproducible in any order of calls.
 *
 * <p>Cooperative targets: each target that does not cross carries an AIS transponder with
 * probability {@value #AIS_FRACTION} (drawn from its own stream of the seed, so the targets
 * themselves are those of a run without AIS), class A with probability {@value #CLASS_A_FRACTION},
 * with an MMSI of the country on whose side it moves (MID 338 north, 345 south). The demo region
 * has no water: these are vehicles carrying a transponder so that the AIS path is exercised, and
 * the AIS mapper will call them vessels by their MMSI. AIS sensors have no scans: each transponder
 * transmits its position on its own schedule ({@link AisTransponder}) at whole UTC seconds (AIS
 * carries the UTC second only), and a receiver gets a transmission from within {@code rangeM} with
 * probability {@code detectionProbability}; the position has the GNSS noise {@code sigmaPositionM},
 * the velocity (speed and course over ground) {@value #AIS_SIGMA_VELOCITY_MPS} m/s per axis, and
 * the identity the MMSI and call sign. Class A static data: {@link #aisStaticReportsBetween}. AIS
 * receivers see no clutter.
 *
 * <p>Going dark: a share {@value #DARK_FRACTION} of the transponder carriers (drawn from a third
 * stream of the seed) switch their transponder off for the rest of the run, as a vessel that wants
 * its next moves unseen does, while a ground radar still holds them. The switch-off time is the
 * first whole ten seconds, {@value #MIN_AIS_BEFORE_DARK_S} s or more after the target's birth plus
 * a random delay of up to a tenth of the run, at which the target is inside an AIS receiver's range
 * and stays inside a ground radar's range (the target moves in a straight line) for the next
 * {@value #RADAR_HOLD_AFTER_DARK_S} s; a carrier with no such moment in its life keeps
 * transmitting. Without an AIS receiver or a ground radar among the sensors nobody goes dark. The
 * cooperative-silence detector's default threshold is 180 s, so a run shows the first such finding
 * some 4 to 5 scenario minutes after the first target is born at the earliest.
 */
public final class BorderSimulation {
    /** Share of the targets that do not cross which carry an AIS transponder. */
    public static final double AIS_FRACTION = 0.4;

    /** Share of the transponders that are class A. */
    public static final double CLASS_A_FRACTION = 0.6;

    /** Share of the transponder carriers that switch it off during the run (go dark). */
    public static final double DARK_FRACTION = 0.35;

    /** A carrier that goes dark transmits for at least this long first, s. */
    public static final double MIN_AIS_BEFORE_DARK_S = 60;

    /** A ground radar covers a carrier for at least this long after it goes dark, s. */
    public static final double RADAR_HOLD_AFTER_DARK_S = 300;

    /** One-sigma noise of an AIS velocity per axis, m/s (GNSS speed and course over ground). */
    public static final double AIS_SIGMA_VELOCITY_MPS = 0.1;

    /** An MMSI clone ({@link #withMmsiClones}) starts at least this far from its carrier, m. */
    public static final double CLONE_MIN_SEPARATION_M = 5_000;

    /** ... and at most this far, m. */
    public static final double CLONE_MAX_SEPARATION_M = 15_000;

    /** A near clone (a decoy) starts at most this far from its carrier, m. */
    public static final double NEAR_CLONE_MAX_SEPARATION_M = 800;

    private static final String CLONE_PREFIX = "clone-";
    private static final String NEAR_CLONE_PREFIX = "near-clone-";

    private static final int MID_NORTH = 338;
    private static final int MID_SOUTH = 345;

    private final List<SensorConfig> sensors;
    private final LocalTangentPlane plane;
    private final Instant epoch;
    private final long seed;
    private final List<SimulatedTarget> targets;

    /**
     * @param sensors the sensors that observe
     * @param reference origin of the simulation plane; the border is the parallel through it
     * @param epoch time zero of the simulation
     * @param seed random seed
     * @param targetCount number of targets
     * @param crossingFraction fraction of targets that cross the border, [0, 1]
     * @param durationS length of the run, seconds
     */
    public BorderSimulation(
            List<SensorConfig> sensors,
            GeoPoint reference,
            Instant epoch,
            long seed,
            int targetCount,
            double crossingFraction,
            double durationS) {
        this.sensors = List.copyOf(sensors);
        this.plane = new LocalTangentPlane(reference);
        this.epoch = epoch;
        this.seed = seed;
        this.targets =
                goingDark(
                        seed,
                        generateTargets(seed, targetCount, crossingFraction, durationS),
                        durationS);
    }

    private BorderSimulation(BorderSimulation base, List<SimulatedTarget> targets) {
        this.sensors = base.sensors;
        this.plane = base.plane;
        this.epoch = base.epoch;
        this.seed = base.seed;
        this.targets = List.copyOf(targets);
    }

    /**
     * This simulation with MMSI clones added (opt-in: without this call nothing changes): {@code
     * spoofed} second transponders that use the MMSI of an existing carrier {@value
     * #CLONE_MIN_SEPARATION_M} to {@value #CLONE_MAX_SEPARATION_M} m away from it (spoofing: an
     * identity conflict), and {@code near} clones that use it within {@value
     * #NEAR_CLONE_MAX_SEPARATION_M} m (a decoy: two antennas of one convoy, a tender; no conflict
     * at the identity-conflict detector's 1 km). Each clone is a target of its own (radars see it
     * too), appended after the existing targets with id {@code clone-k} or {@code near-clone-k},
     * with the carrier's velocity (so the separation stays what it was at its birth), born between
     * 20 % and 50 % of the run and living to its end, transmitting as a transponder of the
     * carrier's class with its own phase. The carriers are drawn among those that never switch off,
     * each used once. All draws come from a stream of the seed of their own: the existing targets,
     * their AIS reports and switch-offs are unchanged; the scans draw detection and clutter for the
     * added targets too, so their plots differ from a run without clones.
     *
     * @param durationS the run's length, s (as given to the constructor)
     * @throws IllegalArgumentException if a count is negative or there are fewer eligible carriers
     *     than clones
     */
    public BorderSimulation withMmsiClones(int spoofed, int near, double durationS) {
        if (spoofed < 0 || near < 0) {
            throw new IllegalArgumentException(
                    "clone counts must be >= 0, were " + spoofed + " and " + near);
        }
        List<Integer> carriers = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            SimulatedTarget t = targets.get(i);
            if (t.cooperative() && !t.ais().goesSilent() && t.id().startsWith("truth-")) {
                carriers.add(i);
            }
        }
        if (carriers.size() < spoofed + near) {
            throw new IllegalArgumentException(
                    "MMSI clones: "
                            + (spoofed + near)
                            + " asked for, only "
                            + carriers.size()
                            + " carriers that keep transmitting");
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x434C_4F4E_0000_0000L);
        List<SimulatedTarget> out = new ArrayList<>(targets);
        for (int k = 0; k < spoofed + near; k++) {
            boolean far = k < spoofed;
            int original = carriers.remove(rnd.nextInt(carriers.size()));
            SimulatedTarget o = targets.get(original);
            double born = rnd.nextDouble(0.2 * durationS, 0.5 * durationS);
            double distance =
                    far
                            ? rnd.nextDouble(CLONE_MIN_SEPARATION_M, CLONE_MAX_SEPARATION_M)
                            : rnd.nextDouble(
                                    NEAR_CLONE_MAX_SEPARATION_M / 3, NEAR_CLONE_MAX_SEPARATION_M);
            double bearing = rnd.nextDouble(0, 2 * Math.PI);
            int positionPhase = rnd.nextInt(30);
            AisTransponder a = o.ais();
            AisTransponder ais =
                    new AisTransponder(
                            a.mmsi(),
                            a.classA(),
                            a.callsign(),
                            a.name(),
                            positionPhase % a.positionIntervalS(o.speedMps()),
                            a.staticPhaseS());
            out.add(
                    new SimulatedTarget(
                            (far ? CLONE_PREFIX : NEAR_CLONE_PREFIX) + k,
                            o.targetClass(),
                            o.eastAt(born) + distance * Math.sin(bearing),
                            o.northAt(born) + distance * Math.cos(bearing),
                            o.velocityEastMps(),
                            o.velocityNorthMps(),
                            born,
                            o.diesS(),
                            ais));
        }
        return new BorderSimulation(this, out);
    }

    /**
     * The truth of the MMSI clones ({@link #withMmsiClones}): one per clone, by clone index. Read
     * from the targets; it draws nothing.
     */
    public List<MmsiClone> mmsiClones() {
        List<MmsiClone> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            SimulatedTarget c = targets.get(i);
            boolean far = c.id().startsWith(CLONE_PREFIX);
            if (!far && !c.id().startsWith(NEAR_CLONE_PREFIX)) {
                continue;
            }
            for (int j = 0; j < targets.size(); j++) {
                SimulatedTarget o = targets.get(j);
                if (j != i
                        && o.id().startsWith("truth-")
                        && o.cooperative()
                        && o.ais().mmsi() == c.ais().mmsi()) {
                    double first = relativeS(firstWholeSecond(c) + c.ais().positionPhaseS());
                    out.add(
                            new MmsiClone(
                                    i,
                                    j,
                                    c.ais().mmsiDigits(),
                                    !far,
                                    c.bornS(),
                                    first,
                                    plane.surfacePoint(c.eastAt(first), c.northAt(first)),
                                    Math.hypot(
                                            c.eastAt(first) - o.eastAt(first),
                                            c.northAt(first) - o.northAt(first))));
                }
            }
        }
        return List.copyOf(out);
    }

    public List<SimulatedTarget> targets() {
        return targets;
    }

    public Instant epoch() {
        return epoch;
    }

    /** The truth: each crossing target's crossing time, seconds since epoch (NaN if none). */
    public double crossingTimeS(SimulatedTarget target) {
        return target.crossingTimeS(0.0);
    }

    /**
     * The truth of going dark: every transponder switched off during the run, by switch-off time,
     * then target index. Read from the targets; it draws nothing, so the observations are those of
     * a simulation on which it is never called.
     */
    public List<SwitchOff> switchOffs() {
        List<SwitchOff> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            SimulatedTarget t = targets.get(i);
            if (t.cooperative() && t.ais().goesSilent()) {
                double off = t.ais().silentFromS();
                out.add(
                        new SwitchOff(
                                i,
                                t.id(),
                                t.ais().mmsiDigits(),
                                off,
                                plane.surfacePoint(t.eastAt(off), t.northAt(off))));
            }
        }
        out.sort(
                (a, b) ->
                        a.timeS() != b.timeS()
                                ? Double.compare(a.timeS(), b.timeS())
                                : Integer.compare(a.targetIndex(), b.targetIndex()));
        return List.copyOf(out);
    }

    private List<SimulatedTarget> generateTargets(
            long seed, int count, double crossingFraction, double durationS) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int crossers = (int) Math.round(count * crossingFraction);
        List<SimulatedTarget> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double born = rnd.nextDouble(0, 0.2 * durationS);
            double east = rnd.nextDouble(-20_000, 20_000);
            double speed = rnd.nextDouble(2, 12);
            boolean northbound = rnd.nextBoolean();
            if (i < crossers) {
                double distance = rnd.nextDouble(300, 2_000);
                double heading = Math.toRadians(rnd.nextDouble(-30, 30));
                double sign = northbound ? 1 : -1;
                result.add(
                        new SimulatedTarget(
                                "truth-" + i,
                                speed > 6 ? TargetClass.LAND_VEHICLE : TargetClass.PERSON,
                                east,
                                -sign * distance,
                                speed * Math.sin(heading),
                                sign * speed * Math.cos(heading),
                                born,
                                durationS));
            } else {
                double north = (northbound ? 1 : -1) * rnd.nextDouble(3_000, 12_000);
                double heading =
                        Math.toRadians(90 + rnd.nextDouble(-20, 20)) * (rnd.nextBoolean() ? 1 : -1);
                result.add(
                        new SimulatedTarget(
                                "truth-" + i,
                                TargetClass.LAND_VEHICLE,
                                east,
                                north,
                                speed * Math.sin(heading),
                                // keep parallel movers on their side of the border for the whole
                                // run
                                Math.signum(north) * Math.abs(speed * Math.cos(heading)),
                                born,
                                durationS));
            }
        }
        return withTransponders(seed, result, crossers);
    }

    /** The targets, those that do not cross given an AIS transponder at random. */
    private static List<SimulatedTarget> withTransponders(
            long seed, List<SimulatedTarget> targets, int crossers) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x4149_5300_0000_0000L);
        List<SimulatedTarget> out = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            SimulatedTarget t = targets.get(i);
            double share = rnd.nextDouble();
            boolean classA = rnd.nextDouble() < CLASS_A_FRACTION;
            int positionPhase = rnd.nextInt(30);
            int staticPhase = rnd.nextInt(30);
            if (i < crossers || share >= AIS_FRACTION) {
                out.add(t);
                continue;
            }
            boolean north = t.startNorthM() > 0;
            int mmsi = (north ? MID_NORTH : MID_SOUTH) * 1_000_000 + 100_000 + i;
            AisTransponder ais =
                    new AisTransponder(
                            mmsi,
                            classA,
                            (north ? "WDC" : "XCA") + String.format(Locale.ROOT, "%04d", i),
                            "CORDON SIM " + i,
                            0,
                            staticPhase);
            ais =
                    new AisTransponder(
                            mmsi,
                            classA,
                            ais.callsign(),
                            ais.name(),
                            positionPhase % ais.positionIntervalS(t.speedMps()),
                            staticPhase);
            out.add(
                    new SimulatedTarget(
                            t.id(),
                            t.targetClass(),
                            t.startEastM(),
                            t.startNorthM(),
                            t.velocityEastMps(),
                            t.velocityNorthMps(),
                            t.bornS(),
                            t.diesS(),
                            ais));
        }
        return List.copyOf(out);
    }

    /**
     * The targets, a share {@value #DARK_FRACTION} of the transponder carriers switching it off
     * where a ground radar holds them (class comment).
     */
    private List<SimulatedTarget> goingDark(
            long seed, List<SimulatedTarget> targets, double durationS) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x4441_524B_0000_0000L);
        List<SimulatedTarget> out = new ArrayList<>(targets.size());
        for (SimulatedTarget t : targets) {
            double share = rnd.nextDouble();
            double delay = rnd.nextDouble() * 0.1 * Math.max(0, durationS);
            double off = Double.NaN;
            if (t.cooperative() && share < DARK_FRACTION) {
                off = switchOffTime(t, t.bornS() + MIN_AIS_BEFORE_DARK_S + delay);
            }
            out.add(
                    Double.isNaN(off)
                            ? t
                            : new SimulatedTarget(
                                    t.id(),
                                    t.targetClass(),
                                    t.startEastM(),
                                    t.startNorthM(),
                                    t.velocityEastMps(),
                                    t.velocityNorthMps(),
                                    t.bornS(),
                                    t.diesS(),
                                    t.ais().silentFrom(off)));
        }
        return List.copyOf(out);
    }

    /**
     * The first multiple of 10 s at or after {@code earliestS} at which the target is inside an AIS
     * receiver's range and inside a ground radar's range for the next {@value
     * #RADAR_HOLD_AFTER_DARK_S} s of its life, or NaN.
     */
    private double switchOffTime(SimulatedTarget t, double earliestS) {
        List<SensorConfig> radars =
                sensors.stream().filter(s -> s.kind() == SensorKind.GROUND_RADAR).toList();
        List<SensorConfig> receivers =
                sensors.stream().filter(s -> s.kind() == SensorKind.AIS).toList();
        for (double off = Math.ceil(earliestS / 10) * 10;
                off + RADAR_HOLD_AFTER_DARK_S <= t.diesS();
                off += 10) {
            if (!covered(t, off, receivers)) {
                continue;
            }
            boolean held = true;
            for (double at = off; held && at <= off + RADAR_HOLD_AFTER_DARK_S; at += 10) {
                held = covered(t, at, radars);
            }
            if (held) {
                return off;
            }
        }
        return Double.NaN;
    }

    private boolean covered(SimulatedTarget t, double tS, List<SensorConfig> by) {
        for (SensorConfig sensor : by) {
            if (inRange(t, tS, sensor, plane.toEnu(sensor.position()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every observation with scan (or AIS transmission) time in (fromS, toS], ordered by time, then
     * sensor, then target (AIS).
     */
    public List<Observation> observationsBetween(double fromS, double toS) {
        List<Observation> out = new ArrayList<>();
        // {time, sensor index, target index (AIS) or -1 (a scan), whole UTC second (AIS)}
        List<double[]> events = new ArrayList<>();
        for (int s = 0; s < sensors.size(); s++) {
            SensorConfig sensor = sensors.get(s);
            if (sensor.kind() == SensorKind.AIS) {
                for (int j = 0; j < targets.size(); j++) {
                    SimulatedTarget target = targets.get(j);
                    if (target.cooperative()) {
                        int interval = target.ais().positionIntervalS(target.speedMps());
                        long first = firstWholeSecond(target) + target.ais().positionPhaseS();
                        for (long second : secondsBetween(first, interval, target, fromS, toS)) {
                            events.add(new double[] {relativeS(second), s, j, second});
                        }
                    }
                }
                continue;
            }
            double period = sensor.periodS();
            double phase = phaseS(sensor);
            long first = (long) Math.floor((fromS - phase) / period) + 1;
            for (long k = Math.max(first, 0); phase + k * period <= toS; k++) {
                double t = phase + k * period;
                if (t > fromS) {
                    events.add(new double[] {t, s, -1, 0});
                }
            }
        }
        events.sort(
                (a, b) -> {
                    if (a[0] != b[0]) {
                        return Double.compare(a[0], b[0]);
                    }
                    int bySensor =
                            sensors.get((int) a[1]).id().compareTo(sensors.get((int) b[1]).id());
                    return bySensor != 0 ? bySensor : Double.compare(a[2], b[2]);
                });
        for (double[] event : events) {
            SensorConfig sensor = sensors.get((int) event[1]);
            if (event[2] < 0) {
                scan(sensor, event[0], out);
            } else {
                aisPosition(sensor, targets.get((int) event[2]), event[0], (long) event[3], out);
            }
        }
        return out;
    }

    /**
     * Every class A static and voyage data report an AIS sensor received with transmission time in
     * (fromS, toS], ordered by time, then sensor, then target. A class A transponder sends it
     * {@link AisTransponder#staticPhaseS()} after its first whole second and every {@value
     * AisTransponder#STATIC_INTERVAL_S} s after that; a receiver in range gets it with its {@code
     * detectionProbability}.
     */
    public List<AisStaticReport> aisStaticReportsBetween(double fromS, double toS) {
        List<AisStaticReport> out = new ArrayList<>();
        for (SensorConfig sensor : sensors) {
            if (sensor.kind() != SensorKind.AIS) {
                continue;
            }
            EnuPoint sensorInRef = plane.toEnu(sensor.position());
            for (SimulatedTarget target : targets) {
                if (!target.cooperative() || !target.ais().classA()) {
                    continue;
                }
                long first = firstWholeSecond(target) + target.ais().staticPhaseS();
                for (long second :
                        secondsBetween(
                                first, AisTransponder.STATIC_INTERVAL_S, target, fromS, toS)) {
                    double tS = relativeS(second);
                    SplittableRandom rnd = aisRandom(sensor, target, second, 0x5354_4154L);
                    if (inRange(target, tS, sensor, sensorInRef)
                            && rnd.nextDouble() <= sensor.detectionProbability()) {
                        out.add(
                                new AisStaticReport(
                                        Instant.ofEpochSecond(second), sensor.id(), target.ais()));
                    }
                }
            }
        }
        out.sort(
                (a, b) -> {
                    int byTime = a.time().compareTo(b.time());
                    if (byTime != 0) {
                        return byTime;
                    }
                    int bySensor = a.sensorId().compareTo(b.sensorId());
                    return bySensor != 0
                            ? bySensor
                            : Integer.compare(a.transponder().mmsi(), b.transponder().mmsi());
                });
        return out;
    }

    /** The first whole UTC second (epoch seconds) at or after the target's birth. */
    private long firstWholeSecond(SimulatedTarget target) {
        Instant born = epoch.plusNanos(Math.round(target.bornS() * 1e9));
        return born.getNano() == 0 ? born.getEpochSecond() : born.getEpochSecond() + 1;
    }

    /** Seconds since the epoch of the whole UTC second {@code second}. */
    private double relativeS(long second) {
        return (second - epoch.getEpochSecond()) - epoch.getNano() / 1e9;
    }

    /**
     * The whole seconds {@code first + k * interval} (k >= 0) whose relative time is in (fromS,
     * toS] and at which the target is alive and its transponder on.
     */
    private List<Long> secondsBetween(
            long first, int interval, SimulatedTarget target, double fromS, double toS) {
        List<Long> out = new ArrayList<>();
        long k = Math.max(0, (long) Math.floor((fromS - relativeS(first)) / interval));
        for (long second = first + k * interval; ; second += interval) {
            double t = relativeS(second);
            if (t > toS || t > target.diesS() || !target.ais().transmitsAt(t)) {
                break;
            }
            if (t > fromS && target.aliveAt(t)) {
                out.add(second);
            }
        }
        return out;
    }

    private boolean inRange(
            SimulatedTarget target, double tS, SensorConfig sensor, EnuPoint sensorInRef) {
        return Math.hypot(
                        target.eastAt(tS) - sensorInRef.eastM(),
                        target.northAt(tS) - sensorInRef.northM())
                <= sensor.rangeM();
    }

    private SplittableRandom aisRandom(
            SensorConfig sensor, SimulatedTarget target, long second, long salt) {
        return new SplittableRandom(
                seed
                        ^ (sensor.id().hashCode() * 0x9E3779B97F4A7C15L)
                        ^ (target.ais().mmsi() * 0xC2B2AE3D27D4EB4FL)
                        ^ (second * 0x165667B19E3779F9L)
                        ^ salt);
    }

    /** One position report of a transponder, if the receiver got it. */
    private void aisPosition(
            SensorConfig sensor,
            SimulatedTarget target,
            double tS,
            long second,
            List<Observation> out) {
        EnuPoint sensorInRef = plane.toEnu(sensor.position());
        // a clone shares its carrier's MMSI: its own noise and observation id
        boolean clone = !target.id().startsWith("truth-");
        SplittableRandom rnd =
                aisRandom(sensor, target, second, clone ? target.id().hashCode() : 0);
        if (!inRange(target, tS, sensor, sensorInRef)
                || rnd.nextDouble() > sensor.detectionProbability()) {
            return;
        }
        double sigma = sensor.sigmaPositionM();
        GeoPoint measured =
                plane.surfacePoint(
                        target.eastAt(tS) + gaussian(rnd) * sigma,
                        target.northAt(tS) + gaussian(rnd) * sigma);
        Velocity velocity =
                new Velocity(
                        target.velocityEastMps() + gaussian(rnd) * AIS_SIGMA_VELOCITY_MPS,
                        target.velocityNorthMps() + gaussian(rnd) * AIS_SIGMA_VELOCITY_MPS,
                        0.0);
        AisTransponder ais = target.ais();
        out.add(
                new Observation(
                        sensor.id()
                                + "-"
                                + Math.round(tS * 1000)
                                + "-"
                                + ais.mmsiDigits()
                                + (clone ? "-" + target.id() : ""),
                        sensor.partnerId(),
                        sensor.id(),
                        sensor.kind(),
                        Instant.ofEpochSecond(second),
                        PositionFix.isotropic(measured, sigma),
                        velocity,
                        new CooperativeIdentity(ais.mmsiDigits(), "", ais.callsign(), ""),
                        null,
                        sensor.releasability()));
    }

    private static double phaseS(SensorConfig sensor) {
        return Math.floorMod(sensor.id().hashCode(), 1000) / 1000.0 * sensor.periodS();
    }

    private void scan(SensorConfig sensor, double tS, List<Observation> out) {
        long millis = Math.round(tS * 1000);
        Instant time = epoch.plusMillis(millis);
        SplittableRandom rnd =
                new SplittableRandom(
                        seed ^ (sensor.id().hashCode() * 0x9E3779B97F4A7C15L) ^ millis);
        LocalTangentPlane sensorPlane = new LocalTangentPlane(sensor.position());
        EnuPoint sensorInRef = plane.toEnu(sensor.position());
        int index = 0;
        for (SimulatedTarget target : targets) {
            if (!target.aliveAt(tS)) {
                continue;
            }
            double e = target.eastAt(tS);
            double n = target.northAt(tS);
            if (Math.hypot(e - sensorInRef.eastM(), n - sensorInRef.northM()) > sensor.rangeM()
                    || rnd.nextDouble() > sensor.detectionProbability()) {
                continue;
            }
            GeoPoint truth = plane.surfacePoint(e, n);
            out.add(observation(sensor, time, millis, index++, truth, sensorPlane, rnd));
        }
        int clutter = poisson(rnd, sensor.clutterPerScan());
        for (int c = 0; c < clutter; c++) {
            double r = sensor.rangeM() * Math.sqrt(rnd.nextDouble());
            double a = rnd.nextDouble(0, 2 * Math.PI);
            GeoPoint where =
                    plane.surfacePoint(
                            sensorInRef.eastM() + r * Math.sin(a),
                            sensorInRef.northM() + r * Math.cos(a));
            out.add(observation(sensor, time, millis, index++, where, sensorPlane, rnd));
        }
    }

    private Observation observation(
            SensorConfig sensor,
            Instant time,
            long millis,
            int index,
            GeoPoint truth,
            LocalTangentPlane sensorPlane,
            SplittableRandom rnd) {
        String id = sensor.id() + "-" + millis + "-" + index;
        if (sensor.kind() == SensorKind.GROUND_RADAR) {
            EnuPoint local = sensorPlane.toEnu(truth);
            double range =
                    Math.max(0, local.horizontalRangeM() + gaussian(rnd) * sensor.sigmaRangeM());
            double azimuth =
                    Math.toDegrees(Math.atan2(local.eastM(), local.northM()))
                            + gaussian(rnd) * sensor.sigmaAzimuthDeg();
            azimuth = ((azimuth % 360) + 360) % 360;
            if (azimuth >= 360) {
                azimuth = 0;
            }
            return new Observation(
                    id,
                    sensor.partnerId(),
                    sensor.id(),
                    sensor.kind(),
                    time,
                    new RadarPlot(
                            sensor.position(),
                            range,
                            azimuth,
                            sensor.sigmaRangeM(),
                            sensor.sigmaAzimuthDeg()),
                    null,
                    null,
                    null,
                    sensor.releasability());
        }
        EnuPoint p = plane.toEnu(truth);
        double sigma = sensor.sigmaPositionM();
        GeoPoint measured =
                plane.surfacePoint(
                        p.eastM() + gaussian(rnd) * sigma, p.northM() + gaussian(rnd) * sigma);
        return new Observation(
                id,
                sensor.partnerId(),
                sensor.id(),
                sensor.kind(),
                time,
                PositionFix.isotropic(measured, sigma),
                null,
                null,
                null,
                sensor.releasability());
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l && k < 10_000);
        return k - 1;
    }
}
