package io.cordon.pipeline.simulation;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Flights (opt-in, {@link #withLowFlyers}): aircraft and drones in level flight, labelled by
 * {@link #lowFlyers()}. Ground radars see them as any target, in two dimensions (horizontal range
 * and azimuth, no height, no classification), except a 3-D radar ({@link
 * SensorConfig#measuresHeight}), which also measures the elevation of targets more than {@value
 * #AIRBORNE_ABOVE_M} m above the reference height, with its height error; drones report a position
 * fix with the flight's height (one-sigma {@value #DRONE_SIGMA_HEIGHT_M} m) and classify it ({@code
 * DRONE} or {@code AIRCRAFT}, confidence {@value #DRONE_CLASSIFICATION_CONFIDENCE}); ADS-B
 * receivers report the flights that carry ADS-B, each scan, with their geometric height (one-sigma
 * {@value #ADSB_SIGMA_HEIGHT_M} m), velocity, ICAO address and callsign, and see nothing else;
 * satellites, ground sensors and AIS receivers do not see flights.
 *
 * <p>Air meetings (opt-in, {@link #withAirMeetings}): pairs of drones or light helicopters without
 * ADS-B hovering together, and decoy pairs, labelled by {@link #airMeetings()}; the sensors see
 * their members as flights.
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

    /**
     * Height above the reference at which a target is airborne to a 3-D radar ({@link
     * SensorConfig#measuresHeight}), which then measures its elevation, m.
     */
    public static final double AIRBORNE_ABOVE_M = 30;

    /** One-sigma error of the height a drone reports for a flight, m (laser range and angles). */
    public static final double DRONE_SIGMA_HEIGHT_M = 25;

    /** Confidence of a drone's classification of a flight. */
    public static final double DRONE_CLASSIFICATION_CONFIDENCE = 0.7;

    /** One-sigma error of an ADS-B geometric height, m (GNSS, geometric vertical accuracy 2). */
    public static final double ADSB_SIGMA_HEIGHT_M = 15;

    /** One-sigma error of an ADS-B velocity per axis, m/s. */
    public static final double ADSB_SIGMA_VELOCITY_MPS = 0.5;

    /** A flight starts within this share of a drone footprint's radius from its centre. */
    public static final double FLIGHT_START_FOOTPRINT_SHARE = 0.7;

    /** Share of drones among the low-slow flyers and the along and away decoys. */
    public static final double FLIGHT_DRONE_SHARE = 0.4;

    /** A flight that crosses the border flies on this long after it, s. */
    public static final double FLIGHT_AFTER_CROSSING_S = 120;

    /** A flight along or away from the border lives this long, s. */
    public static final double FLIGHT_NOT_CROSSING_S = 400;

    /** An air meeting pair's midpoint is within this share of a drone footprint's radius. */
    public static final double AIR_MEETING_FOOTPRINT_SHARE = 0.5;

    /** Both members of an air meeting pair fly at least this high above the reference, m. */
    public static final double AIR_MEETING_MIN_HEIGHT_M = 50;

    /** Pairs alive at once keep their midpoints at least this far apart, m. */
    public static final double AIR_MEETING_SPACING_M = 2_000;

    /** ... when alive within this long of each other, s. */
    public static final double AIR_MEETING_MARGIN_S = 120;

    private static final String AIR_MEETING_PREFIX = "air-meeting-";
    private static final String FLIGHT_PREFIX = "flight-";
    private static final String CLONE_PREFIX = "clone-";
    private static final String NEAR_CLONE_PREFIX = "near-clone-";

    private static final int MID_NORTH = 338;
    private static final int MID_SOUTH = 345;

    private final List<SensorConfig> sensors;
    private final LocalTangentPlane plane;
    private final Instant epoch;
    private final long seed;
    private final List<SimulatedTarget> targets;
    private final List<LowFlyer> lowFlyers;
    // the flight of each target index, null for the targets on the ground
    private final LowFlyer[] flightOf;
    private final List<AirMeeting> airMeetings;
    // the height of each member of an air meeting pair by target index, NaN for other targets
    private final double[] meetingHeightOf;

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
        this.lowFlyers = List.of();
        this.flightOf = new LowFlyer[targets.size()];
        this.airMeetings = List.of();
        this.meetingHeightOf = new double[targets.size()];
        Arrays.fill(meetingHeightOf, Double.NaN);
    }

    private BorderSimulation(BorderSimulation base, List<SimulatedTarget> targets) {
        this(base, targets, base.lowFlyers);
    }

    private BorderSimulation(
            BorderSimulation base, List<SimulatedTarget> targets, List<LowFlyer> lowFlyers) {
        this(base, targets, lowFlyers, base.airMeetings);
    }

    private BorderSimulation(
            BorderSimulation base,
            List<SimulatedTarget> targets,
            List<LowFlyer> lowFlyers,
            List<AirMeeting> airMeetings) {
        this.sensors = base.sensors;
        this.plane = base.plane;
        this.epoch = base.epoch;
        this.seed = base.seed;
        this.targets = List.copyOf(targets);
        this.lowFlyers = List.copyOf(lowFlyers);
        this.flightOf = new LowFlyer[this.targets.size()];
        for (LowFlyer f : this.lowFlyers) {
            flightOf[f.targetIndex()] = f;
        }
        this.airMeetings = List.copyOf(airMeetings);
        this.meetingHeightOf = new double[this.targets.size()];
        Arrays.fill(meetingHeightOf, Double.NaN);
        for (AirMeeting m : this.airMeetings) {
            meetingHeightOf[m.firstIndex()] = m.firstHeightM();
            meetingHeightOf[m.secondIndex()] = m.secondHeightM();
        }
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

    /**
     * This simulation with flights added (opt-in: without this call nothing changes), {@code
     * events} low-slow flyers that should alert ({@link LowFlyer.Kind#LOW_SLOW_TOWARDS}) and {@code
     * decoys} of each decoy kind, appended after the existing targets with ids {@code flight-k}.
     * Every flight starts inside a drone's footprint (within {@value #FLIGHT_START_FOOTPRINT_SHARE}
     * of its radius from its centre), so that its height and class are known from its first scans,
     * and flies level at constant velocity:
     *
     * <ul>
     *   <li>low-slow flyers: a drone (share {@value #FLIGHT_DRONE_SHARE}: 12-25 m/s, 80-400 m above
     *       the reference height) or a light aircraft or ultralight (25-55 m/s, 150-700 m above),
     *       without ADS-B, within 30° of straight at the border, starting at least 60 s of flight
     *       plus 500 m from it; they cross it, go on for {@value #FLIGHT_AFTER_CROSSING_S} s and
     *       disappear;
     *   <li>decoys, the same but: above the ceiling (1 700-3 000 m above the reference height, a
     *       light aircraft); fast (90-140 m/s, from at least 2 km); with ADS-B; along the border
     *       (course within 15° of east or west, at least 2 km from it); away from it (within 30° of
     *       straight away); the last two live {@value #FLIGHT_NOT_CROSSING_S} s.
     * </ul>
     *
     * <p>Each is born between 10 % and 60 % of the run and crosses (if it does) at least 60 s
     * before its end. All draws come from a stream of the seed of their own: the existing targets,
     * their AIS reports and switch-offs are unchanged; the scans draw detection and clutter for the
     * added targets too, so the plots of sensors that see flights differ from a run without them.
     *
     * @param durationS the run's length, s (as given to the constructor)
     * @throws IllegalArgumentException if a count is negative, there is no drone among the sensors,
     *     or no start meets the conditions
     */
    public BorderSimulation withLowFlyers(int events, int decoys, double durationS) {
        if (events < 0 || decoys < 0) {
            throw new IllegalArgumentException(
                    "flight counts must be >= 0, were " + events + " and " + decoys);
        }
        List<SensorConfig> drones =
                sensors.stream().filter(x -> x.kind() == SensorKind.DRONE).toList();
        if (drones.isEmpty() && events + decoys > 0) {
            throw new IllegalArgumentException(
                    "flights start in a drone's footprint: there is no DRONE sensor");
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x464C_4947_4854_0000L);
        List<LowFlyer.Kind> kinds = new ArrayList<>();
        for (int k = 0; k < events; k++) {
            kinds.add(LowFlyer.Kind.LOW_SLOW_TOWARDS);
        }
        for (LowFlyer.Kind kind : LowFlyer.Kind.values()) {
            for (int k = 0; k < decoys && kind != LowFlyer.Kind.LOW_SLOW_TOWARDS; k++) {
                kinds.add(kind);
            }
        }
        List<SimulatedTarget> out = new ArrayList<>(targets);
        List<LowFlyer> flights = new ArrayList<>(lowFlyers);
        double ground = plane.origin().altM();
        for (int k = 0; k < kinds.size(); k++) {
            LowFlyer.Kind kind = kinds.get(k);
            String id = FLIGHT_PREFIX + (lowFlyers.size() + k);
            boolean drone =
                    (kind == LowFlyer.Kind.LOW_SLOW_TOWARDS
                                    || kind == LowFlyer.Kind.ALONG
                                    || kind == LowFlyer.Kind.AWAY)
                            && rnd.nextDouble() < FLIGHT_DRONE_SHARE;
            double speed =
                    switch (kind) {
                        case FAST -> rnd.nextDouble(90, 140);
                        default -> drone ? rnd.nextDouble(12, 25) : rnd.nextDouble(25, 55);
                    };
            double above =
                    switch (kind) {
                        case ABOVE_CEILING -> rnd.nextDouble(1_700, 3_000);
                        default -> drone ? rnd.nextDouble(80, 400) : rnd.nextDouble(150, 700);
                    };
            String icao24 =
                    kind == LowFlyer.Kind.COOPERATIVE
                            ? String.format(Locale.ROOT, "A%05X", 0x1000 + k)
                            : "";
            SimulatedTarget flight = null;
            double crossing = Double.NaN;
            for (int attempt = 0; attempt < 1_000 && flight == null; attempt++) {
                SensorConfig d = drones.get(rnd.nextInt(drones.size()));
                EnuPoint centre = plane.toEnu(d.position());
                double r = FLIGHT_START_FOOTPRINT_SHARE * d.rangeM() * Math.sqrt(rnd.nextDouble());
                double a = rnd.nextDouble(0, 2 * Math.PI);
                double e0 = centre.eastM() + r * Math.sin(a);
                double n0 = centre.northM() + r * Math.cos(a);
                double born = rnd.nextDouble(0.1 * durationS, 0.6 * durationS);
                double side = Math.signum(n0);
                double course; // radians clockwise from north
                double dies;
                switch (kind) {
                    case ALONG -> {
                        course =
                                Math.toRadians(
                                        (rnd.nextBoolean() ? 90 : 270) + rnd.nextDouble(-15, 15));
                        dies = born + FLIGHT_NOT_CROSSING_S;
                        if (Math.abs(n0) < 2_000) {
                            continue;
                        }
                    }
                    case AWAY -> {
                        course = Math.toRadians((side > 0 ? 0 : 180) + rnd.nextDouble(-30, 30));
                        dies = born + FLIGHT_NOT_CROSSING_S;
                    }
                    default -> {
                        course = Math.toRadians((side > 0 ? 180 : 0) + rnd.nextDouble(-30, 30));
                        double least = kind == LowFlyer.Kind.FAST ? 2_000 : 60 * speed + 500;
                        if (Math.abs(n0) < least) {
                            continue;
                        }
                        crossing = born + Math.abs(n0) / Math.abs(speed * Math.cos(course));
                        dies = crossing + FLIGHT_AFTER_CROSSING_S;
                        if (crossing > durationS - 60) {
                            continue;
                        }
                    }
                }
                if (n0 == 0) {
                    continue;
                }
                flight =
                        new SimulatedTarget(
                                id,
                                drone ? TargetClass.DRONE : TargetClass.AIRCRAFT,
                                e0,
                                n0,
                                speed * Math.sin(course),
                                speed * Math.cos(course),
                                born,
                                Math.min(dies, durationS));
            }
            if (flight == null) {
                throw new IllegalArgumentException(
                        "no start in a drone footprint meets the conditions of a "
                                + kind
                                + " flight at "
                                + speed
                                + " m/s in a run of "
                                + durationS
                                + " s");
            }
            flights.add(
                    new LowFlyer(
                            out.size(),
                            id,
                            kind,
                            ground + above,
                            icao24,
                            flight.bornS(),
                            crossing,
                            plane.surfacePoint(flight.startEastM(), flight.startNorthM())));
            out.add(flight);
        }
        return new BorderSimulation(this, out, flights);
    }

    /** The truth of the flights ({@link #withLowFlyers}), by target index; empty without them. */
    public List<LowFlyer> lowFlyers() {
        return lowFlyers;
    }

    /**
     * This simulation with pairs of aircraft added (opt-in: without this call nothing changes):
     * {@code meetings} air meetings that should raise a rendezvous alert by the air variant ({@link
     * AirMeeting.Kind#MEETING}) and {@code decoys} pairs of each decoy kind, appended after the
     * existing targets, two per pair, with ids {@code air-meeting-k-a} and {@code -b}. A pair is
     * two drones or light helicopters ({@code DRONE} or {@code AIRCRAFT}, one chance in two each)
     * without ADS-B, flying level with the same velocity, so their separation and height difference
     * hold for their whole life; its midpoint halfway through its life is within {@value
     * #AIR_MEETING_FOOTPRINT_SHARE} of a drone footprint's radius from its centre, so drones report
     * both with a height and a class throughout (ground radars see them in two dimensions, as every
     * flight):
     *
     * <ul>
     *   <li>meetings: hovering or loitering (0-3 m/s), 60-250 m apart, the second 0-40 m above or
     *       below the first (80-350 m above the reference height; above it where below would put it
     *       under {@value #AIR_MEETING_MIN_HEIGHT_M} m), together 180-300 s;
     *   <li>decoys, the same but: 650-900 m apart; 200-350 m apart in height; together 25-40 s; in
     *       formation at 15-25 m/s for 120-180 s.
     * </ul>
     *
     * <p>Each pair appears between 5 % and 75 % of the run and is gone by its end. Two pairs alive
     * within {@value #AIR_MEETING_MARGIN_S} s of each other keep their paths more than {@value
     * #AIR_MEETING_SPACING_M} m apart, so that members of different pairs never meet. All draws
     * come from a stream of the seed of their own: the existing targets, their AIS reports,
     * switch-offs, clones and flights are unchanged (flights added afterwards are drawn as without
     * pairs); the scans draw detection and clutter for the added targets too, so the plots of
     * sensors that see flights differ from a run without them.
     *
     * @param durationS the run's length, s (as given to the constructor)
     * @throws IllegalArgumentException if a count is negative, there is no drone among the sensors,
     *     or no place meets the spacing (or the run is too short for a pair's life)
     */
    public BorderSimulation withAirMeetings(int meetings, int decoys, double durationS) {
        if (meetings < 0 || decoys < 0) {
            throw new IllegalArgumentException(
                    "air meeting counts must be >= 0, were " + meetings + " and " + decoys);
        }
        List<SensorConfig> drones =
                sensors.stream().filter(x -> x.kind() == SensorKind.DRONE).toList();
        if (drones.isEmpty() && meetings + decoys > 0) {
            throw new IllegalArgumentException(
                    "air meetings are placed in a drone's footprint: there is no DRONE sensor");
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x4149_524D_4545_5400L);
        List<AirMeeting.Kind> kinds = new ArrayList<>();
        for (int k = 0; k < meetings; k++) {
            kinds.add(AirMeeting.Kind.MEETING);
        }
        for (AirMeeting.Kind kind : AirMeeting.Kind.values()) {
            for (int k = 0; k < decoys && !kind.shouldAlert(); k++) {
                kinds.add(kind);
            }
        }
        List<SimulatedTarget> out = new ArrayList<>(targets);
        List<AirMeeting> pairs = new ArrayList<>(airMeetings);
        double ground = plane.origin().altM();
        for (int k = 0; k < kinds.size(); k++) {
            AirMeeting.Kind kind = kinds.get(k);
            String id = AIR_MEETING_PREFIX + (airMeetings.size() + k);
            TargetClass classA = rnd.nextBoolean() ? TargetClass.DRONE : TargetClass.AIRCRAFT;
            TargetClass classB = rnd.nextBoolean() ? TargetClass.DRONE : TargetClass.AIRCRAFT;
            double above = rnd.nextDouble(80, 350);
            double climb =
                    kind == AirMeeting.Kind.HEIGHT_APART
                            ? rnd.nextDouble(200, 350)
                            : rnd.nextDouble(0, 40);
            double heightA = ground + above;
            double heightB = ground + above + (rnd.nextBoolean() ? climb : -climb);
            if (heightB - ground < AIR_MEETING_MIN_HEIGHT_M) {
                heightB = ground + above + climb; // above rather than below the ground
            }
            double separation =
                    kind == AirMeeting.Kind.APART
                            ? rnd.nextDouble(650, 900)
                            : rnd.nextDouble(60, 250);
            double speed =
                    kind == AirMeeting.Kind.PASSING ? rnd.nextDouble(15, 25) : rnd.nextDouble(0, 3);
            double life =
                    switch (kind) {
                        case BRIEF -> rnd.nextDouble(25, 40);
                        case PASSING -> rnd.nextDouble(120, 180);
                        default -> rnd.nextDouble(180, 300);
                    };
            double course = rnd.nextDouble(0, 2 * Math.PI);
            double bearing = rnd.nextDouble(0, 2 * Math.PI);
            double ve = speed * Math.sin(course);
            double vn = speed * Math.cos(course);
            AirMeeting placed = null;
            for (int attempt = 0; attempt < 1_000 && placed == null; attempt++) {
                SensorConfig d = drones.get(rnd.nextInt(drones.size()));
                EnuPoint centre = plane.toEnu(d.position());
                double r = AIR_MEETING_FOOTPRINT_SHARE * d.rangeM() * Math.sqrt(rnd.nextDouble());
                double a = rnd.nextDouble(0, 2 * Math.PI);
                double start = rnd.nextDouble(0.05 * durationS, 0.75 * durationS);
                double end = start + life;
                if (end > durationS) {
                    continue;
                }
                double midE = centre.eastM() + r * Math.sin(a) - ve * (end - start) / 2;
                double midN = centre.northM() + r * Math.cos(a) - vn * (end - start) / 2;
                if (tooClose(out, pairs, midE, midN, ve, vn, start, end)) {
                    continue;
                }
                double de = separation / 2 * Math.sin(bearing);
                double dn = separation / 2 * Math.cos(bearing);
                placed =
                        new AirMeeting(
                                id,
                                kind,
                                out.size(),
                                out.size() + 1,
                                heightA,
                                heightB,
                                start,
                                end,
                                speed,
                                separation,
                                plane.surfacePoint(midE, midN));
                out.add(
                        new SimulatedTarget(
                                id + "-a", classA, midE - de, midN - dn, ve, vn, start, end));
                out.add(
                        new SimulatedTarget(
                                id + "-b", classB, midE + de, midN + dn, ve, vn, start, end));
            }
            if (placed == null) {
                throw new IllegalArgumentException(
                        "no place in a drone footprint keeps "
                                + kind
                                + " pair "
                                + id
                                + " apart from the others within a run of "
                                + durationS
                                + " s (a pair lives up to 300 s from 5 to 75 % of the run)");
            }
            pairs.add(placed);
        }
        return new BorderSimulation(this, out, lowFlyers, pairs);
    }

    /**
     * Whether a pair with midpoint (midE, midN) at startS, moving at (ve, vn), comes within {@value
     * #AIR_MEETING_SPACING_M} m of another pair alive within {@value #AIR_MEETING_MARGIN_S} s of
     * it.
     */
    private static boolean tooClose(
            List<SimulatedTarget> targets,
            List<AirMeeting> pairs,
            double midE,
            double midN,
            double ve,
            double vn,
            double startS,
            double endS) {
        for (AirMeeting p : pairs) {
            double from = Math.max(startS, p.startS()) - AIR_MEETING_MARGIN_S;
            double to = Math.min(endS, p.endS()) + AIR_MEETING_MARGIN_S;
            if (from > to) {
                continue;
            }
            SimulatedTarget a = targets.get(p.firstIndex());
            SimulatedTarget b = targets.get(p.secondIndex());
            for (double t = from; t <= to + 1e-9; t += 5) {
                // positions held before birth and after death, within the margin
                double mine = Math.min(Math.max(t, startS), endS) - startS;
                double theirs = Math.min(Math.max(t, p.startS()), p.endS());
                double e = midE + ve * mine;
                double n = midN + vn * mine;
                double pe = (a.eastAt(theirs) + b.eastAt(theirs)) / 2;
                double pn = (a.northAt(theirs) + b.northAt(theirs)) / 2;
                if (Math.hypot(e - pe, n - pn) <= AIR_MEETING_SPACING_M) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The truth of the air meeting pairs ({@link #withAirMeetings}); empty without them. */
    public List<AirMeeting> airMeetings() {
        return airMeetings;
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
        boolean adsb = sensor.kind() == SensorKind.ADSB;
        for (int i = 0, size = targets.size(); i < size; i++) {
            SimulatedTarget target = targets.get(i);
            if (!target.aliveAt(tS)) {
                continue;
            }
            LowFlyer flight = flightOf[i];
            double meetingHeight = meetingHeightOf[i];
            boolean air = flight != null || !Double.isNaN(meetingHeight);
            boolean cooperative = flight != null && flight.cooperative();
            if (!air ? adsb : !sees(sensor.kind(), cooperative)) {
                continue;
            }
            double e = target.eastAt(tS);
            double n = target.northAt(tS);
            if (Math.hypot(e - sensorInRef.eastM(), n - sensorInRef.northM()) > sensor.rangeM()
                    || rnd.nextDouble() > sensor.detectionProbability()) {
                continue;
            }
            GeoPoint truth = plane.surfacePoint(e, n);
            // a 3-D radar sees a flight where it flies, a 2-D radar its ground projection
            GeoPoint seen =
                    air && sensor.measuresHeight()
                            ? new GeoPoint(
                                    truth.latDeg(),
                                    truth.lonDeg(),
                                    flight != null ? flight.heightM() : meetingHeight)
                            : truth;
            out.add(
                    !air || sensor.kind() == SensorKind.GROUND_RADAR
                            ? observation(sensor, time, millis, index++, seen, sensorPlane, rnd)
                            : flightFix(
                                    sensor,
                                    time,
                                    millis,
                                    index++,
                                    target,
                                    flight != null ? flight.heightM() : meetingHeight,
                                    flight != null ? flight.icao24() : "",
                                    truth,
                                    rnd));
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
            double elevationDeg = 0, sigmaElevationDeg = 0; // 0, 0: no elevation measured
            double horizontal = local.horizontalRangeM();
            if (sensor.measuresHeight()
                    && truth.altM() - plane.origin().altM() > AIRBORNE_ABOVE_M
                    && horizontal > 100) {
                // a 3-D radar measures the elevation of airborne targets: its height error σ_h is
                // an elevation error of σ_h cos²(el) / r
                double el = Math.atan2(local.upM(), horizontal);
                double sigmaEl = sensor.sigmaHeightM() * Math.cos(el) * Math.cos(el) / horizontal;
                elevationDeg = Math.toDegrees(el + gaussian(rnd) * sigmaEl);
                sigmaElevationDeg = Math.toDegrees(sigmaEl);
            }
            RadarPlot plot =
                    new RadarPlot(
                            sensor.position(),
                            range,
                            azimuth,
                            sensor.sigmaRangeM(),
                            sensor.sigmaAzimuthDeg(),
                            elevationDeg,
                            sigmaElevationDeg);
            return new Observation(
                    id,
                    sensor.partnerId(),
                    sensor.id(),
                    sensor.kind(),
                    time,
                    plot,
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

    /** Whether sensors of this kind see a flight (class comment). */
    private static boolean sees(SensorKind kind, boolean cooperative) {
        return switch (kind) {
            case GROUND_RADAR, DRONE -> true;
            case ADSB -> cooperative;
            default -> false;
        };
    }

    /** A drone's or an ADS-B receiver's report of a flight: a fix with its height. */
    private Observation flightFix(
            SensorConfig sensor,
            Instant time,
            long millis,
            int index,
            SimulatedTarget target,
            double heightM,
            String icao24,
            GeoPoint truth,
            SplittableRandom rnd) {
        EnuPoint p = plane.toEnu(truth);
        double sigma = sensor.sigmaPositionM();
        GeoPoint horizontal =
                plane.surfacePoint(
                        p.eastM() + gaussian(rnd) * sigma, p.northM() + gaussian(rnd) * sigma);
        boolean adsb = sensor.kind() == SensorKind.ADSB;
        double sigmaHeight = adsb ? ADSB_SIGMA_HEIGHT_M : DRONE_SIGMA_HEIGHT_M;
        GeoPoint measured =
                new GeoPoint(
                        horizontal.latDeg(),
                        horizontal.lonDeg(),
                        heightM + gaussian(rnd) * sigmaHeight);
        Velocity velocity = null;
        CooperativeIdentity identity = null;
        Classification classification =
                new Classification(target.targetClass(), DRONE_CLASSIFICATION_CONFIDENCE);
        if (adsb) {
            velocity =
                    new Velocity(
                            target.velocityEastMps() + gaussian(rnd) * ADSB_SIGMA_VELOCITY_MPS,
                            target.velocityNorthMps() + gaussian(rnd) * ADSB_SIGMA_VELOCITY_MPS,
                            0.0);
            identity = new CooperativeIdentity("", icao24, "N" + icao24.substring(1), "");
            classification = new Classification(TargetClass.AIRCRAFT, 0.9);
        }
        return new Observation(
                sensor.id() + "-" + millis + "-" + index,
                sensor.partnerId(),
                sensor.id(),
                sensor.kind(),
                time,
                PositionFix.withHeight(measured, sigma, sigmaHeight),
                velocity,
                identity,
                classification,
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
