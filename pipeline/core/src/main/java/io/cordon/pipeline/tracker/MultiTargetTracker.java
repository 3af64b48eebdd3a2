package io.cordon.pipeline.tracker;

import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import io.cordon.pipeline.association.ChiSquareGate;
import io.cordon.pipeline.association.GlobalNearestNeighbourAssociator;
import io.cordon.pipeline.association.JointProbabilisticAssociator;
import io.cordon.pipeline.association.UniformGrid;
import io.cordon.pipeline.filter.ConstantVelocityModel;
import io.cordon.pipeline.filter.CoordinatedTurnModel;
import io.cordon.pipeline.filter.EstimatedTurnModel;
import io.cordon.pipeline.filter.FlatImm;
import io.cordon.pipeline.filter.MeasurementColumns;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.MotionModel;
import io.cordon.pipeline.filter.UnscentedKalmanUpdater;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Measurement-level multi-sensor multi-target tracker in an ENU plane at a reference point.
 *
 * <p>Per batch (one sensor, one time): find the tracks the batch concerns, those whose cheap
 * near-constant-velocity prediction lies in the sensor's coverage or near the batch's detections,
 * and leave every other track untouched (its existence is brought forward lazily, exactly, when a
 * later look concerns it); predict those with candidate detections with an interacting multiple
 * model filter (near-constant velocity and coordinated turns, with the process noise of the track's
 * target class: {@link TrackerParameters#classNoise}); gate each observation against nearby tracks
 * (uniform grid, then chi-square on the innovation of the observation's own model: EKF for radar
 * plots, linear for position fixes; with {@link TrackerParameters#unscentedAboveNonlinearity} set,
 * the unscented transform for a radar plot that is far from linear over the track's prediction, as
 * near a radar with a wide prior); assign by global nearest neighbour on log-likelihood ratio costs
 * that include each track's probability of being a visible target; update; and start a track on
 * every unassigned observation (zero velocity, wide velocity prior). With {@link
 * DataAssociation#JPDA} (or JPDA*), ambiguous clusters with a confirmed track are instead updated
 * with every gated detection weighted by its joint association probability ({@link
 * JointProbabilisticAssociator}, {@link ImmPdaMixture}). Each track carries an existence
 * probability with visibility ({@link ExistenceModel}): hits raise it, misses inside a sensor's
 * coverage lower it. A track is confirmed when it reaches {@code confirmExistence} and deleted when
 * it falls under {@code deleteExistence}, when its position uncertainty exceeds {@code
 * maxPositionSigmaM}, when it leaves every known sensor's coverage, or after {@code deleteAfterS}
 * without update. A track that keeps missing while a neighbour within its gate is being updated is
 * not judged a duplicate by proximity (two targets may be closer than a radar's cross-range
 * resolution): its misses lower its existence like any other.
 *
 * <p>The hot path is allocation-light: IMM states are flat arrays ({@link FlatImm}), gating and
 * assignment work on primitive arrays reused across batches, and tracks are kept in birth order (a
 * deterministic order that snapshots preserve) with an id index for look-ups. Cost per observation
 * does not grow with the number of tracks beyond one cheap pass over them per batch.
 *
 * <p>Out-of-sequence batches (older than a track's last update) update that track without
 * retrodiction, as if measured at its last update time; the bench and the fusion job feed batches
 * in event-time order.
 *
 * <p>Not thread-safe; Flink calls it from one task thread.
 */
public final class MultiTargetTracker implements Tracker {
    private static final double GRID_CELL_M = 1000.0;
    // Cells of the grid the gating queries: a gate 1.2-1.5 km across (a far radar plot's
    // cross-range
    // error) overlaps 2-3 cells of 1 km on each axis, four to nine times its own area, and at 10
    // 000
    // targets that area holds tens of detections; cells of a quarter of that size hand out about
    // a third as many. Pairs are then put back in the 1 km grid's order (GRID_CELL_M), which is
    // what the association's tie-breaking has always seen.
    private static final double GATING_CELL_M = 250.0;
    private static final double IDENTITY_MATCH_BONUS = 10.0;

    /**
     * Least confidence of a track's classification for its class's process noise ({@link
     * TrackerParameters#classNoise}): the sources' "unstated" confidence (satellite detections)
     * still counts, a guess below it does not.
     */
    static final double MIN_CLASS_CONFIDENCE = 0.5;

    private static final long CHECK_PERIOD_NANOS = 4_000_000_000L;
    private static final double REIDENTIFY_GATE = 13.82; // chi-square 2 dof, 99.9 %
    private static final long REIDENTIFY_MIN_GAP_NANOS = 4_000_000_000L;

    /** Window over which the tracker's own births set the least new-target density, s. */
    private static final double BIRTH_WINDOW_S = 60.0;

    /** Revisit of a typical ground sensor, to turn a birth rate into a density per batch, s. */
    private static final double BIRTH_BATCH_S = 4.0;

    /** The least new-target density never falls below this share of the parameter. */
    private static final double BIRTH_FLOOR_SHARE = 0.1;

    /**
     * A tentative track inside a lost track's re-identification gate is deleted only when its
     * existence falls below this share of {@code deleteExistence} ({@link #keptNearLostTrack}).
     */
    private static final double NEAR_LOST_DELETE_SHARE = 0.1;

    /**
     * A tracker restricted to a region (a tile's) counts its births over a shorter window, s, and
     * discounts {@link #TILE_BIRTHS_DISCOUNTED} of them: over a tile's area one birth (often a
     * replica of a target that came in from a neighbour) would lift the least density to half the
     * parameter, where over the whole coverage the single tracker hardly moves (measured in
     * docs/benchmarks.md, "Tiled fusion against one tracker").
     */
    static final double TILE_BIRTH_WINDOW_S = 45.0;

    /** Births a tracker restricted to a region does not count ({@link #TILE_BIRTH_WINDOW_S}). */
    static final int TILE_BIRTHS_DISCOUNTED = 1;

    private static final Comparator<Observation> ORDER =
            (a, b) -> {
                int c = a.sensorId().compareTo(b.sensorId());
                return c != 0 ? c : a.observationId().compareTo(b.observationId());
            };

    final TrackerParameters parameters;
    final LocalTangentPlane plane;
    final ObservationConverter converter;
    private final EntityTrackMapper mapper;
    final FlatImm imm;
    private final int stateLength;
    final double[] initialModeProbabilities;
    private final ChiSquareGate gate;
    final SensorPriors priors;
    // The priors' coverage by position: anyCovers and coveredByOther ask the sensors near a point.
    private final SensorGrid sensorGrid;

    /**
     * Area over which births are counted ({@link #leastBirthDensity}): the sensors' coverage within
     * the region, m²; NaN if unbounded; computed on first use (-1 until then).
     */
    private double birthAreaM2 = -1;

    final ExistenceModel existence;
    // The largest white-noise acceleration density of each noise profile of the IMM (profile 0 the
    // parameters' own, then one per target class with process noise of its own): the rough
    // predictions' q, also written into the rows (column NOISE) for the per-batch pass and the
    // track grid.
    private final double[] roughNoise;
    // The noise profile of each TargetClass (by ordinal); 0 for a class without noise of its own.
    private final int[] classProfile;
    final double maxTurnRateRadPerS;
    private final double maxVariance;
    final SensorTrackFusion sensorTracks;
    private final GlobalNearestNeighbourAssociator associator =
            new GlobalNearestNeighbourAssociator(new JonkerVolgenantSolver());
    // Null with global nearest neighbour association (the default).
    private final JointProbabilisticAssociator jointAssociator;
    private final JointAssociationScratch joint = new JointAssociationScratch();

    /** Live tracks in birth order (null where deleted until the next compaction). */
    final ArrayList<TrackRecord> live = new ArrayList<>();

    final TrackTable byId = new TrackTable();
    private int deletedSinceCompaction;

    // Structure of arrays by birth-order index, for the per-batch pass over every track: the
    // track's moment-matched Gaussian block and its time (Long.MIN_VALUE once deleted), and when
    // its coverage was last checked; its birth time while it is confirmed or coasting, else
    // Long.MIN_VALUE (written by sync, at each confirmation and deletion, mirrored in births).
    private static final int ROW = 16;
    // The row's column after the Gaussian block: the rough noise of the track's noise profile.
    static final int NOISE = FlatImm.GAUSSIAN;
    private double[] rows = new double[64 * ROW];
    private long[] rowTime = new long[64];
    private long[] rowChecked = new long[64];
    private long[] rowBirth = new long[64];
    // The track's sensors as bits of sensorBits, for the in-view test of a sensor without a prior,
    // which reads them instead of the record; OVERFLOW (ask the record) for a new row and after the
    // track's set has grown (TrackRecord.sensorBitsStale, which sync and every absorb check),
    // computed again by the first test that needs them, so trackers whose sensors all have priors
    // never do.
    private long[] rowSensors = new long[64];
    private SensorBits sensorBits = new SensorBits();
    private long advancedNanos = Long.MIN_VALUE;
    // The rows by position, so that a batch examines the tracks near its sensor and detections.
    final TrackGrid trackGrid;
    // The rows' birth times other than Long.MIN_VALUE (a deleted row's is), for leastBirthDensity.
    private final BirthTimes births = new BirthTimes();
    private final double[] queryBox = new double[4];
    // The detections' bounding box {min e, max e, min n, max n} and largest variance of the batch
    // of stamp batchBoxStamp, for the lost tracks near them (leastBirthDensity).
    private final double[] batchBox = new double[4];
    private double batchMaxVariance;
    private long batchBoxStamp = -1;
    Instant clock;
    private long stamp;

    // Per-batch scratch, grown as needed and reused.
    private MeasurementModel[] z = new MeasurementModel[16];
    private double[] ze = new double[16], zn = new double[16], pd = new double[16];
    private double[] lnFalse = new double[16];
    private double[] zVar = new double[16];
    private double[] clutterAt = new double[16];
    private int[] sensorOf = new int[16];
    private boolean[] used = new boolean[16];
    // Whether observation j carries a cooperative identity (most do not: then no identity check
    // needs to reach the observation object), and the measurements as primitive columns.
    private boolean[] hasIdentity = new boolean[16];
    // Observation j's measured height and its one-sigma error (NaN: none): association evidence
    // (TrackHeight.associationLogRatio) and the height update, computed once per batch.
    private double[] zHeight = new double[16], zHeightSigma = new double[16];
    private int[] gridOrder = new int[16];
    private final MeasurementColumns columns = new MeasurementColumns();
    private TrackRecord[] touched = new TrackRecord[16];
    private double[] touchedE = new double[16], touchedN = new double[16];
    private double[] touchedDt = new double[16];
    private boolean[] touchedInView = new boolean[16];
    private int[] assigned = new int[16];
    private int[] pairTrack = new int[64], pairMeasurement = new int[64];
    private double[] pairCost = new double[64];
    private double[] pairDetection = new double[64];
    // The linearisation each gated pair was tested with (FlatImm.LINEARISATION values per pair, at
    // the row the pair had when gated; pairRow follows the pair through sortPairsByGridOrder), so
    // the update of an assigned pair reuses it instead of linearising again (a radar plot's arc
    // tangent). touchedPairs[k] is the end of track k's pairs, which are contiguous.
    private double[] pairLin = new double[64 * FlatImm.LINEARISATION];
    // Per row as pairLin: the pair was gated with the unscented transform (its plot's nonlinearity
    // at the track exceeds unscentedAbove), and is applied with it.
    private boolean[] pairUnscented = new boolean[64];
    private int[] pairRow = new int[64];
    private int[] touchedPairs = new int[16];
    private double[] predicted = new double[0];
    private double[] predictedCombined = new double[0];
    private final double[] lin = new double[FlatImm.LINEARISATION];
    private final double[] rough = new double[FlatImm.GAUSSIAN];
    private final double[] block = new double[FlatImm.GAUSSIAN];
    private double[] scratchState;
    private final double unscentedAbove;
    private final UnscentedKalmanUpdater unscented = UnscentedKalmanUpdater.standard();
    private final double[] unscentedBlock = new double[FlatImm.GAUSSIAN];
    private final List<String> batchSensors = new ArrayList<>();
    private int[] batchSensorIndex = new int[4];
    // The bit (SensorBits) of each batch sensor without a prior, else 0.
    private long[] batchSensorBit = new long[4];
    // The kind of each batch sensor when it is cooperative (AIS, ADS-B), else null: a report it
    // did not receive is a miss only for a track that transmits to it (TrackRecord.transmitsTo).
    private SensorKind[] batchSensorKind = new SensorKind[4];
    private int[] batchUnassigned = new int[4];

    public MultiTargetTracker(TrackerParameters parameters, GeoPoint referencePoint) {
        if (parameters == null || referencePoint == null) {
            throw new IllegalArgumentException("parameters and referencePoint are required");
        }
        this.parameters = parameters;
        this.plane = new LocalTangentPlane(referencePoint);
        this.converter = new ObservationConverter(plane);
        this.mapper = new EntityTrackMapper(plane);
        List<MotionModel> models = motionModels(parameters);
        EstimatedTurnModel estimated = estimatedTurnModel(parameters);
        this.imm =
                new FlatImm(
                        models,
                        estimated,
                        parameters.meanSojournS(),
                        parameters.maxPredictionStepS());
        this.stateLength = imm.stateLength();
        this.scratchState = new double[stateLength];
        this.initialModeProbabilities = initialModeProbabilities(imm.modelCount());
        this.gate = ChiSquareGate.of(parameters.gateProbability(), 2);
        this.unscentedAbove = parameters.unscentedAboveNonlinearity();
        this.classProfile = new int[TargetClass.values().length];
        this.roughNoise = noiseProfiles(parameters, imm, classProfile);
        double maxRate = 0;
        for (double r : parameters.turnRatesDegPerS()) {
            maxRate = Math.max(maxRate, Math.toRadians(r));
        }
        if (estimated != null) {
            maxRate = Math.max(maxRate, estimated.maxTurnRateRadPerS());
        }
        this.maxTurnRateRadPerS = maxRate;
        this.maxVariance = parameters.maxPositionSigmaM() * parameters.maxPositionSigmaM();
        this.priors =
                new SensorPriors(
                        parameters.sensors(),
                        parameters.detectionProbability(),
                        parameters.clutterDensityPerM2(),
                        plane);
        this.sensorGrid = priors.grid();
        this.existence =
                new ExistenceModel(
                        parameters.meanVisibleS(),
                        parameters.meanHiddenS(),
                        parameters.meanTrackLifeS());
        this.sensorTracks = new SensorTrackFusion(this);
        this.jointAssociator =
                parameters.association() == DataAssociation.GNN
                        ? null
                        : new JointProbabilisticAssociator(
                                parameters.gateProbability(),
                                parameters.association() == DataAssociation.JPDA_STAR);
        this.trackGrid =
                new TrackGrid(
                        parameters.sensors(), plane, ROW, gate.threshold(), REIDENTIFY_GATE, NOISE);
    }

    /**
     * The IMM's motion models: near-constant velocity, then a coordinated turn each way at every
     * turn rate of the parameters.
     */
    static List<MotionModel> motionModels(TrackerParameters parameters) {
        List<MotionModel> models = new ArrayList<>();
        models.add(new ConstantVelocityModel(parameters.velocityNoiseM2PerS3()));
        for (double rate : parameters.turnRatesDegPerS()) {
            double w = Math.toRadians(rate);
            models.add(new CoordinatedTurnModel(w, parameters.turnNoiseM2PerS3()));
            models.add(new CoordinatedTurnModel(-w, parameters.turnNoiseM2PerS3()));
        }
        return models;
    }

    /**
     * A new track's mode probabilities: half on the straight model, the rest shared by the turns.
     */
    static double[] initialModeProbabilities(int models) {
        double[] p = new double[models];
        p[0] = models == 1 ? 1.0 : 0.5;
        for (int j = 1; j < models; j++) {
            p[j] = 0.5 / (models - 1);
        }
        return p;
    }

    /**
     * The coordinated turn at an estimated rate, if the parameters ask for one: a new track's rate
     * 0 ± {@link #INITIAL_TURN_RATE_SIGMA_DEG_PER_S} °/s, at most {@link
     * #MAX_ESTIMATED_TURN_RATE_DEG_PER_S} °/s in a prediction; null otherwise.
     */
    static EstimatedTurnModel estimatedTurnModel(TrackerParameters parameters) {
        if (parameters.turnRateNoiseRad2PerS3() == 0) {
            return null;
        }
        return new EstimatedTurnModel(
                parameters.turnNoiseM2PerS3(),
                parameters.turnRateNoiseRad2PerS3(),
                Math.toRadians(INITIAL_TURN_RATE_SIGMA_DEG_PER_S),
                Math.toRadians(MAX_ESTIMATED_TURN_RATE_DEG_PER_S));
    }

    /** Standard deviation of a new track's estimated turn rate, °/s. */
    static final double INITIAL_TURN_RATE_SIGMA_DEG_PER_S = 2.0;

    /**
     * Fastest turn the estimated turn model predicts, °/s: a standard-rate aircraft turn is 3 °/s,
     * the benchmark's targets turn at 1-4 °/s, a boat or vehicle seldom above 10 °/s for long.
     */
    static final double MAX_ESTIMATED_TURN_RATE_DEG_PER_S = 10.0;

    /** A tracker in the state a {@link #snapshot()} captured. */
    public static MultiTargetTracker restore(TrackerParameters parameters, byte[] snapshot) {
        return TrackerSnapshot.read(parameters, snapshot);
    }

    @Override
    public byte[] snapshot() {
        return TrackerSnapshot.write(this);
    }

    @Override
    public int liveTrackCount() {
        return byId.size();
    }

    int modelCount() {
        return imm.modelCount();
    }

    /** Adds a restored or new track at the end of the birth order. */
    void add(TrackRecord track) {
        int i = live.size();
        track.index = i;
        live.add(track);
        byId.put(track);
        if (rowTime.length <= i) {
            int size = 2 * rowTime.length;
            rows = Arrays.copyOf(rows, size * ROW);
            rowTime = Arrays.copyOf(rowTime, size);
            rowChecked = Arrays.copyOf(rowChecked, size);
            rowBirth = Arrays.copyOf(rowBirth, size);
            rowSensors = Arrays.copyOf(rowSensors, size);
        }
        rowBirth[i] = Long.MIN_VALUE; // a row past the live ones may hold a moved row's
        sync(track);
    }

    /**
     * Copies a track's estimate, time, check time and confirmed birth time into its row, and marks
     * its sensor bits out of date if its set of sensors has grown.
     */
    void sync(TrackRecord track) {
        int i = track.index;
        System.arraycopy(track.combined, 0, rows, i * ROW, FlatImm.GAUSSIAN);
        rowTime[i] = track.timeNanos;
        rowChecked[i] = track.checkedNanos;
        int profile = profileOf(track.classification);
        track.noiseProfile = profile;
        rows[i * ROW + NOISE] = roughNoise[profile];
        syncBirth(track);
        syncSensors(track);
        trackGrid.changed(i);
    }

    /**
     * After an observation was absorbed into a synced track: its noise profile (and the row's rough
     * noise) follow a classification that changed.
     */
    private void syncNoise(TrackRecord track) {
        int profile = profileOf(track.classification);
        if (profile != track.noiseProfile) {
            track.noiseProfile = profile;
            rows[track.index * ROW + NOISE] = roughNoise[profile];
            trackGrid.changed(track.index);
        }
    }

    /**
     * The noise profile of a classification: its class's when the class has process noise of its
     * own ({@link TrackerParameters#classNoise}) and the confidence is at least {@link
     * #MIN_CLASS_CONFIDENCE}, else 0 (the parameters' own noise).
     */
    private int profileOf(Classification c) {
        return c.confidence() >= MIN_CLASS_CONFIDENCE ? classProfile[c.targetClass().ordinal()] : 0;
    }

    /**
     * Adds to the IMM a noise profile for each distinct process noise of {@link
     * TrackerParameters#classNoise} (the straight model's density to the near-constant velocity
     * model, the turn density to every turn model), fills classProfile (TargetClass ordinal to
     * profile) and returns each profile's rough noise: the larger of its two densities.
     */
    private static double[] noiseProfiles(
            TrackerParameters parameters, FlatImm imm, int[] classProfile) {
        List<ProcessNoise> distinct = new ArrayList<>();
        distinct.add(
                new ProcessNoise(parameters.velocityNoiseM2PerS3(), parameters.turnNoiseM2PerS3()));
        for (TargetClass c : TargetClass.values()) {
            ProcessNoise noise = parameters.classNoise().get(c);
            int at = noise == null ? 0 : distinct.indexOf(noise);
            if (at < 0) {
                double[] q = new double[imm.modelCount()];
                Arrays.fill(q, noise.turnM2PerS3());
                q[0] = noise.straightM2PerS3(); // motionModels: the straight model first
                at = imm.addNoiseProfile(q);
                distinct.add(noise);
            }
            classProfile[c.ordinal()] = at;
        }
        double[] rough = new double[distinct.size()];
        for (int k = 0; k < rough.length; k++) {
            rough[k] = Math.max(distinct.get(k).straightM2PerS3(), distinct.get(k).turnM2PerS3());
        }
        return rough;
    }

    /**
     * Numbers at most {@code bits} sensors for the in-view test (0: every test asks the track's
     * set, as before the bits); for tests that compare the two. Only while no track was started.
     */
    void limitSensorBits(int bits) {
        if (!live.isEmpty()) {
            throw new IllegalStateException("the sensors are numbered once tracks exist");
        }
        sensorBits = new SensorBits(bits);
    }

    /** The bit of a batch sensor of prior index k for {@link #seenBy}: 0 if it has a prior. */
    private long batchBit(int k, String sensorId) {
        return k == SensorPriors.UNKNOWN ? sensorBits.bit(sensorId) : 0;
    }

    /** Marks the row's sensor bits out of date if the track's set of sensors has grown. */
    private void syncSensors(TrackRecord track) {
        if (track.sensorBitsStale) {
            rowSensors[track.index] = SensorBits.OVERFLOW;
        }
    }

    /**
     * Whether batch sensor s, one without a prior, has seen the track of row i: from the row's bits
     * when both the sensor and every sensor of the track have one, else from the track's set (the
     * bits computed again first if they are out of date).
     */
    private boolean seenBy(int i, int s) {
        long bit = batchSensorBit[s];
        long row = rowSensors[i];
        if (bit != 0 && (row & SensorBits.OVERFLOW) == 0) {
            return (row & bit) != 0;
        }
        TrackRecord track = live.get(i);
        if (track.sensorBitsStale) {
            row = sensorBits.of(track.sensorIds);
            track.sensorBitsStale = false;
            rowSensors[i] = row;
            if (bit != 0 && (row & SensorBits.OVERFLOW) == 0) {
                return (row & bit) != 0;
            }
        }
        return track.sensorIds.contains(batchSensors.get(s));
    }

    /** The row's birth time: the track's while it is confirmed or coasting, else none. */
    private void syncBirth(TrackRecord track) {
        int i = track.index;
        long was = rowBirth[i];
        long birth = track.isConfirmed() ? track.birthNanos : Long.MIN_VALUE;
        if (birth != was) {
            if (was != Long.MIN_VALUE) {
                births.remove(was);
            }
            if (birth != Long.MIN_VALUE) {
                births.add(birth);
            }
            rowBirth[i] = birth;
        }
    }

    @Override
    public List<EntityTrack> update(List<Observation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (hasSensorTracks(batch)) {
            return updateWithSensorTracks(batch);
        }
        return fuse(batch, batch.get(0).eventTime(), null);
    }

    /**
     * A scan of {@code sensorId} at {@code t} with no detection for this tracker: the tracks in the
     * sensor's view miss a look, exactly as in a batch of that sensor whose detections are all
     * elsewhere. A tile's tracker is told this for every scan of a sensor whose detections fell in
     * other tiles, so it judges its tracks as the whole-area tracker does.
     */
    @Override
    public List<EntityTrack> emptyScan(String sensorId, Instant t) {
        if (sensorId == null || sensorId.isBlank() || t == null) {
            throw new IllegalArgumentException("sensorId and t are required");
        }
        return fuse(List.of(), t, sensorId);
    }

    /** One batch of plots and fixes at t; empty, the scan of {@code emptyScanSensor}. */
    private List<EntityTrack> fuse(List<Observation> batch, Instant t, String emptyScanSensor) {
        for (Observation o : batch) {
            if (!o.eventTime().equals(t)) {
                throw new IllegalArgumentException(
                        "a batch has one event time: " + t + " and " + o.eventTime());
            }
        }
        long tn = TrackRecord.nanos(t);
        stamp++;
        List<EntityTrack> out = new ArrayList<>();
        advance(t, tn, out);
        Observation[] observations = batch.isEmpty() ? new Observation[0] : canonicalOrder(batch);
        int m = observations.length;
        prepareMeasurements(observations, emptyScanSensor);
        double minE = Double.POSITIVE_INFINITY, maxE = Double.NEGATIVE_INFINITY;
        double minN = Double.POSITIVE_INFINITY, maxN = Double.NEGATIVE_INFINITY;
        double maxMeasurementVariance = 0;
        for (int j = 0; j < m; j++) {
            minE = Math.min(minE, ze[j]);
            maxE = Math.max(maxE, ze[j]);
            minN = Math.min(minN, zn[j]);
            maxN = Math.max(maxN, zn[j]);
            maxMeasurementVariance = Math.max(maxMeasurementVariance, zVar[j]);
        }
        orderGrid.index(ze, zn, m);
        orderGrid.positions(gridOrder);
        UniformGrid grid = gatingGrid;
        grid.index(ze, zn, m);

        // Which tracks does this batch concern, and which detections could be theirs?
        int sensors = batchSensors.size();
        int n = 0;
        int pairs = 0;
        int slots = 0;
        double gamma = gate.threshold();
        int size = live.size();
        int found = concerned(tn, m, minE, maxE, minN, maxN, maxMeasurementVariance, size);
        int passes = found < 0 ? size : found;
        for (int f = 0; f < passes; f++) {
            int i = found < 0 ? f : trackGrid.found(f);
            long time = rowTime[i];
            if (time == Long.MIN_VALUE) {
                continue;
            }
            trackGrid.visits++;
            double dt = Math.max(0.0, (tn - time) * 1e-9);
            int r = i * ROW;
            double[] c = rows;
            double ve = c[r + 2], vn = c[r + 3];
            double pe = c[r] + ve * dt, pn = c[r + 1] + vn * dt;
            double q3 = c[r + NOISE] * dt * dt * dt / 3.0;
            double a00 = c[r + 4] + 2 * dt * c[r + 6] + dt * dt * c[r + 11] + q3;
            double a01 = c[r + 5] + dt * (c[r + 7] + c[r + 9]) + dt * dt * c[r + 12];
            double a11 = c[r + 8] + 2 * dt * c[r + 10] + dt * dt * c[r + 13] + q3;
            boolean inView = false;
            TrackRecord track = null;
            for (int s = 0; s < sensors && !inView; s++) {
                int k = batchSensorIndex[s];
                if (k == SensorPriors.UNKNOWN) {
                    inView = seenBy(i, s);
                } else {
                    inView = priors.covers(k, pe, pn);
                }
                if (inView && batchSensorKind[s] != null) {
                    track = live.get(i);
                    inView = track.transmitsTo(batchSensorKind[s]);
                }
            }
            double half = 0.5 * (a00 + a11), diff = 0.5 * (a00 - a11);
            if (!inView) {
                // Most tracks out of a small sensor's view are far from its detections: decided
                // without the two square roots below, on upper bounds of the variance (half +
                // |diff| + |a01|) and of the turn margin (2 (|ve| + |vn|) dt), with a margin over
                // rounding, so a track skipped here is one the exact test below finds not near.
                double outside =
                        Math.max(Math.max(minE - pe, pe - maxE), Math.max(minN - pn, pn - maxN));
                double beyond = outside - 2 * (Math.abs(ve) + Math.abs(vn)) * dt - 10.0;
                double varianceBound = half + Math.abs(diff) + Math.abs(a01);
                if (beyond > 0
                        && beyond * beyond
                                > 1.44
                                        * gamma
                                        * (varianceBound + maxMeasurementVariance)
                                        * (1 + 1e-6)) {
                    continue;
                }
            }
            double variance = half + Math.sqrt(diff * diff + a01 * a01);
            double speed = Math.sqrt(ve * ve + vn * vn);
            double turnMargin =
                    Math.min(0.5 * speed * maxTurnRateRadPerS * dt * dt, 2 * speed * dt);
            double radius =
                    1.2 * Math.sqrt(gamma * (variance + maxMeasurementVariance))
                            + turnMargin
                            + 10.0;
            boolean near =
                    pe >= minE - radius
                            && pe <= maxE + radius
                            && pn >= minN - radius
                            && pn <= maxN + radius;
            if (!near && !inView) {
                continue;
            }
            if (track == null) {
                track = live.get(i);
            }
            c = track.combined;
            if (variance > maxVariance || (!inView && !covered(pe, pn))) {
                roughPredict(track, dt, rough);
                delete(track, i, t, rough, out);
                continue;
            }
            track.checkedNanos = tn;
            rowChecked[i] = tn;
            existence.predictTo(track, tn);
            if (n == touched.length) {
                growTouched();
            }
            touched[n] = track;
            touchedE[n] = pe;
            touchedN[n] = pn;
            touchedDt[n] = dt;
            touchedInView[n] = inView;
            track.slotStamp = -1;
            if (near) {
                // The grid hands out whole cells: keep the detections inside the rough gate's
                // circle, and predict with the IMM only when there is one.
                int count = withinRough(grid.collect(pe, pn, radius), grid, pe, pn, radius);
                if (count > 0) {
                    int slot = slots++;
                    ensurePredicted(slots);
                    int so = slot * stateLength, co = slot * FlatImm.GAUSSIAN;
                    imm.predict(track.state, 0, c, 0, dt, track.noiseProfile, predicted, so);
                    imm.combine(predicted, so, predictedCombined, co);
                    track.slot = slot;
                    track.slotStamp = stamp;
                    double ce = predictedCombined[co], cn = predictedCombined[co + 1];
                    double spread = 1.44 * gamma;
                    double varC = FlatImm.maxPositionVarianceM2(predictedCombined, co);
                    double pVisible = track.pVisible;
                    double lastPd = Double.NaN, detectRatio = 0;
                    int firstPair = pairs;
                    for (int k = 0; k < count; k++) {
                        int j = candidates[k];
                        // Cheap Euclidean pre-gate in the plane (the chi-square gate's bound).
                        double de = ze[j] - ce, dn = zn[j] - cn;
                        double reach = Math.sqrt(spread * (varC + zVar[j])) + 10.0;
                        if (de * de + dn * dn > reach * reach) {
                            continue;
                        }
                        if (hasIdentity[j] && track.conflictsWith(observations[j].identity())) {
                            continue;
                        }
                        boolean sigmaPoints =
                                unscentedAbove != Double.POSITIVE_INFINITY
                                        && columns.nonlinearity(j, ce, cn, varC) > unscentedAbove;
                        if (!sigmaPoints
                                && columns.radarOutsideGate(j, predictedCombined, co, gamma)) {
                            continue; // d2 > gamma for certain: spares the linearisation
                        }
                        if (pairs == pairTrack.length) {
                            growPairs();
                        }
                        int lo = pairs * FlatImm.LINEARISATION;
                        double d2;
                        if (sigmaPoints) {
                            d2 = unscented.update(predictedCombined, co, z[j], unscentedBlock, 0);
                            if (Double.isNaN(d2)) {
                                continue;
                            }
                        } else {
                            columns.linearise(j, ce, cn, pairLin, lo);
                            d2 = imm.gate(predictedCombined, co, pairLin, lo);
                        }
                        if (!gate.accepts(d2)) {
                            continue;
                        }
                        if (pd[j] != lastPd) {
                            lastPd = pd[j];
                            double detect = pVisible * lastPd;
                            detectRatio = Math.log(detect) - Math.log1p(-detect);
                        }
                        double logLikelihood =
                                sigmaPoints
                                        ? unscented.lastLogLikelihood(d2)
                                        : imm.lastLogLikelihood(d2);
                        double llr = detectRatio + logLikelihood - lnFalse[j];
                        if (track.height != null && !Double.isNaN(zHeight[j])) {
                            llr +=
                                    track.height.associationLogRatio(
                                            tn, zHeight[j], zHeightSigma[j] * zHeightSigma[j]);
                        }
                        pairUnscented[pairs] = sigmaPoints;
                        if (hasIdentity[j]
                                && track.sharesIdentityWith(observations[j].identity())) {
                            llr += IDENTITY_MATCH_BONUS;
                        }
                        pairTrack[pairs] = n;
                        pairRow[pairs] = pairs;
                        pairMeasurement[pairs] = j;
                        pairCost[pairs] = -llr;
                        pairDetection[pairs] = pVisible * lastPd;
                        pairs++;
                    }
                    if (pairs == firstPair) {
                        slots--; // no pair: its prediction is not needed, the slot is reused
                    } else {
                        sortPairsByGridOrder(firstPair, pairs);
                    }
                }
            }
            touchedPairs[n] = pairs;
            n++;
        }
        if (assigned.length < n) {
            assigned = new int[Math.max(n, 2 * assigned.length)];
        }
        if (jointAssociator != null && sensors == 1) {
            associateJointly(n, m, pairs);
        } else {
            associator.associate(n, m, pairs, pairTrack, pairMeasurement, pairCost, assigned);
        }

        for (int k = 0; k < n; k++) {
            TrackRecord track = touched[k];
            int j = assigned[k];
            if (j == JOINT) {
                updateJointly(k, observations, tn, t, out);
                continue;
            }
            double likelihood = Double.NaN;
            if (j >= 0) {
                int lo = gatedLinearisation(k, j);
                likelihood =
                        pairUnscented[lo / FlatImm.LINEARISATION]
                                ? imm.updateUnscented(
                                        predicted,
                                        track.slot * stateLength,
                                        z[j],
                                        unscented,
                                        track.state,
                                        0)
                                : imm.update(
                                        predicted,
                                        track.slot * stateLength,
                                        pairLin,
                                        lo,
                                        track.state,
                                        0);
            }
            if (!Double.isNaN(likelihood)) {
                used[j] = true;
                imm.combine(track.state, 0, track.combined, 0);
                if (tn > track.timeNanos) {
                    track.time = t;
                    track.timeNanos = tn;
                }
                sync(track);
                existence.detected(track, pd[j], likelihood / Math.exp(lnFalse[j]));
                track.absorb(observations[j]);
                syncSensors(track);
                syncNoise(track);
                if (!Double.isNaN(zHeight[j])) {
                    track.measureHeight(zHeight[j], zHeightSigma[j], tn);
                }
                track.consecutiveMisses = 0;
                if (track.status == TrackStatus.TENTATIVE
                        && track.existence() >= parameters.confirmExistence()) {
                    track.status = TrackStatus.CONFIRMED;
                    syncBirth(track);
                    newlyConfirmed(track, null);
                } else if (track.status == TrackStatus.COASTING) {
                    track.status = TrackStatus.CONFIRMED;
                }
                emit(track, track.status, track.time, track.combined, 0, out);
            } else {
                boolean looked = false;
                if (touchedInView[k]) {
                    for (int s = 0; s < sensors; s++) {
                        int sk = batchSensorIndex[s];
                        boolean covers =
                                sk == SensorPriors.UNKNOWN
                                        ? seenBy(track.index, s)
                                        : priors.covers(sk, touchedE[k], touchedN[k]);
                        if (covers && batchSensorKind[s] != null) {
                            covers = track.transmitsTo(batchSensorKind[s]);
                        }
                        if (covers) {
                            existence.missed(track, priors.detectionProbability(sk));
                            looked = true;
                        }
                    }
                }
                if (looked) {
                    track.consecutiveMisses++;
                }
                // Judged only on a miss here. A batch that does not look at the track (none of its
                // sensors can see it) brings no evidence against it, only the time since it was
                // last judged (which advanceTo's deleteAfterS bounds): a track born on one
                // sensor's single detection, whose existence may lie below the deletion threshold
                // until its second, was deleted by the next batch of another sensor that passed
                // near it, before its own sensor reported again. Along the line where two sensors
                // without priors abut (the fusion benchmark's quadrants) that lost the target at
                // every frame, for up to 17 s.
                if (looked
                        && track.existence() < parameters.deleteExistence()
                        && !keptNearLostTrack(track, tn, k, n)) {
                    roughPredict(track, touchedDt[k], rough);
                    delete(track, track.index, t, rough, out);
                }
            }
        }
        initiateUnassigned(observations, m, t, out);
        reidentify(tn, t, out);
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        compact();
        return out;
    }

    /**
     * The tracks the coverage pass of a batch at tn must examine, from the track grid: those that
     * can be in a batch sensor's view or near its m detections (bounding box min/max, largest
     * variance {@code maxMeasurementVariance}); their number, the indices in {@link
     * TrackGrid#found}, or -1 for a pass over all {@code size} rows (a sensor of unknown or
     * unbounded coverage, whose view depends on the track's own record, or a batch that concerns
     * most of the grid).
     */
    private int concerned(
            long tn,
            int m,
            double minE,
            double maxE,
            double minN,
            double maxN,
            double maxMeasurementVariance,
            int size) {
        double[] box = queryBox;
        box[0] = batchBox[0] = minE;
        box[1] = batchBox[1] = maxE;
        box[2] = batchBox[2] = minN;
        box[3] = batchBox[3] = maxN;
        batchMaxVariance = maxMeasurementVariance;
        batchBoxStamp = stamp;
        for (int s = 0, sensors = batchSensors.size(); s < sensors; s++) {
            int k = batchSensorIndex[s];
            if (k == SensorPriors.UNKNOWN) {
                return -1;
            }
            trackGrid.addCoverage(k, box);
        }
        // The pass's radius adds at most this to a track's for the measurements' variance.
        double extra =
                m == 0
                        ? 0.0
                        : 1.2 * Math.sqrt(gate.threshold() * maxMeasurementVariance) * (1 + 1e-6)
                                + 1.0;
        return trackGrid.query(rows, rowTime, size, tn, box, extra);
    }

    // ------------------------------------------------------------------ sensor tracks

    private static boolean hasSensorTracks(List<Observation> batch) {
        for (int j = 0, m = batch.size(); j < m; j++) {
            if (batch.get(j).measurement() instanceof SensorTrackUpdate) {
                return true;
            }
        }
        return false;
    }

    /**
     * A batch with sensor-track updates: its plots and fixes first, as any batch, then its sensor
     * tracks track-to-track ({@link SensorTrackFusion}); a track changed by both is reported once,
     * in its final state.
     */
    private List<EntityTrack> updateWithSensorTracks(List<Observation> batch) {
        Instant t = batch.get(0).eventTime();
        List<Observation> plots = new ArrayList<>();
        List<Observation> reports = new ArrayList<>();
        for (Observation o : batch) {
            if (!o.eventTime().equals(t)) {
                throw new IllegalArgumentException(
                        "a batch has one event time: " + t + " and " + o.eventTime());
            }
            (o.measurement() instanceof SensorTrackUpdate ? reports : plots).add(o);
        }
        List<EntityTrack> first = plots.isEmpty() ? List.of() : update(plots);
        long tn = TrackRecord.nanos(t);
        stamp++;
        List<EntityTrack> out = new ArrayList<>(first);
        for (int k = 0; k < out.size(); k++) {
            TrackRecord track = byId.get(out.get(k).trackId());
            if (track != null) {
                track.outputStamp = stamp;
                track.outputIndex = k;
            }
        }
        advance(t, tn, out);
        sensorTracks.fuse(reports, t, tn, out);
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        compact();
        return out;
    }

    /**
     * The entity a sensor's local track is associated with (track-to-track fusion), or null when
     * none is in force at the tracker's clock.
     */
    public String entityOfSensorTrack(String sensorId, String localTrackId) {
        return clock == null ? null : sensorTracks.entityOf(sensorId, localTrackId, clock);
    }

    /** Where a tracker is responsible: a predicate on its plane's (east, north), m. */
    public interface Region {
        boolean contains(double eastM, double northM);
    }

    private Region region;

    private boolean reportsTentative;

    /**
     * Whether {@link #update}, {@link #emptyScan} and {@link #advanceTo} also return TENTATIVE
     * tracks and the deletion of tracks that were never confirmed (false unless set). The fusion
     * job publishes neither: a deletion of a track id nobody was ever sent is noise to every
     * consumer, and building the entity tracks of tentative ones (most of them clutter) was half of
     * the tracks the tracker built. For diagnostics and tests that follow tracks from birth. Not
     * part of the snapshot: configuration, set again after a restore; it changes what is returned,
     * never the tracks' estimates, ids or lives.
     */
    public void reportTentative(boolean report) {
        this.reportsTentative = report;
    }

    /**
     * Restricts the tracker to a region (a tile's extended area and a margin): a track whose
     * prediction leaves it is deleted at the next coverage check, as one that leaves every sensor's
     * coverage. A tile's replica of a target that went on into a neighbour tile otherwise coasts
     * for minutes and, lost, may be re-identified with another target's new track. Not part of the
     * snapshot: configuration, set again after a restore.
     */
    public void restrictTo(Region region) {
        this.region = region;
        this.birthAreaM2 = -1;
    }

    /**
     * Extra detections, beyond two standard deviations of the expected clutter, that a tracker fed
     * only part of each scan ({@link #observesOnly}) needs before it believes in new targets: its
     * counts are small, where the normal approximation of the clutter count is too lenient.
     */
    static final double PART_MARGIN = 3;

    /**
     * Expected clutter count of a batch's area below which an excess of unassigned detections makes
     * each of them a target only with probability excess / unassigned ({@link #excessDensity}). A
     * drone frame (2 expected over its small footprint) shows 7 or more clutter plots about once in
     * 220 frames, which the two-standard-deviation margin counts as two new targets and, over a
     * footprint of 1.1e8 m², a density a hundred times the parameter: each clutter plot became a
     * reported track. Radar scans (about 18 expected) and the satellite's sole corners (5.5) keep
     * excess / area (measured in docs/benchmarks.md: there the lower figure delays real births).
     */
    static final double FEW_CLUTTER = 4;

    private Region observed;
    private double[][] observedAreas;

    /**
     * Tells the tracker that it receives only the detections within {@code area} (a tile's extended
     * area): the density of new targets per sensor is then judged from the unassigned detections
     * over the part of the sensor's coverage within it, and the clutter expected there, not over
     * the whole coverage (a tile that sees a quarter of a scan would otherwise put new targets at a
     * quarter of their density and confirm them late). Not part of the snapshot.
     */
    public void observesOnly(Region area) {
        this.observed = area;
        this.observedAreas = null;
    }

    private boolean covered(double pe, double pn) {
        return sensorGrid.anyCovers(pe, pn) && (region == null || region.contains(pe, pn));
    }

    double gateThreshold() {
        return gate.threshold();
    }

    // ------------------------------------------------------------------ per-batch helpers

    /**
     * Sorts one track's pairs [from, to) by their measurement's position in the 1 km grid's order
     * (insertion sort: a track has a few pairs), so the pairs are listed as a query of that grid
     * would have listed the detections, whatever grid the gating queried.
     */
    private void sortPairsByGridOrder(int from, int to) {
        int[] order = gridOrder;
        for (int a = from + 1; a < to; a++) {
            int j = pairMeasurement[a];
            double cost = pairCost[a];
            int row = pairRow[a];
            int key = order[j];
            int b = a - 1;
            while (b >= from && order[pairMeasurement[b]] > key) {
                pairMeasurement[b + 1] = pairMeasurement[b];
                pairCost[b + 1] = pairCost[b];
                pairRow[b + 1] = pairRow[b];
                b--;
            }
            pairMeasurement[b + 1] = j;
            pairCost[b + 1] = cost;
            pairRow[b + 1] = row;
        }
    }

    private int[] candidates = new int[16];
    // Indexes of the batch's detections, rebuilt per batch on reused arrays.
    private final UniformGrid orderGrid = new UniformGrid(GRID_CELL_M);
    private final UniformGrid gatingGrid = new UniformGrid(GATING_CELL_M);

    /**
     * Of the {@code found} detections a grid query returned, those within {@code radius} of (pe,
     * pn), into {@link #candidates} in the grid's order; returns their number.
     */
    private int withinRough(int found, UniformGrid grid, double pe, double pn, double radius) {
        if (candidates.length < found) {
            candidates = new int[Math.max(found, 2 * candidates.length)];
        }
        double r2 = radius * radius;
        int count = 0;
        for (int k = 0; k < found; k++) {
            int j = grid.found(k);
            double de = ze[j] - pe, dn = zn[j] - pn;
            if (de * de + dn * dn <= r2) {
                candidates[count++] = j;
            }
        }
        return count;
    }

    /**
     * The batch in an order that depends only on its content, so that results do not depend on
     * arrival order: for one sensor (the usual batch), by a 40-bit hash of the observation id with
     * ties (equal hashes) resolved by the ids themselves, a primitive sort; for several sensors, by
     * sensor id then observation id.
     */
    private Observation[] canonicalOrder(List<Observation> batch) {
        int m = batch.size();
        Observation[] out = new Observation[m];
        String sensor = batch.get(0).sensorId();
        boolean oneSensor = true;
        for (int j = 1; j < m && oneSensor; j++) {
            oneSensor = batch.get(j).sensorId().equals(sensor);
        }
        if (!oneSensor || m >= 1 << 24) {
            batch.toArray(out);
            Arrays.sort(out, ORDER);
            return out;
        }
        if (orderKeys.length < m) {
            orderKeys = new long[Math.max(m, 2 * orderKeys.length)];
        }
        long[] keys = orderKeys;
        for (int j = 0; j < m; j++) {
            keys[j] = (hash(batch.get(j).observationId()) & ~0xFFFFFFL) | j;
        }
        if (m < 64) {
            Arrays.sort(keys, 0, m);
        } else {
            radixSortHigh40(keys, m);
        }
        for (int k = 0; k < m; k++) {
            out[k] = batch.get((int) (keys[k] & 0xFFFFFF));
        }
        for (int k = 0; k < m; ) {
            int end = k + 1;
            while (end < m && (keys[end] >>> 24) == (keys[k] >>> 24)) {
                end++;
            }
            if (end - k > 1) {
                Arrays.sort(out, k, end, ORDER);
            }
            k = end;
        }
        return out;
    }

    private long[] orderKeys = new long[16];
    private long[] radixBuffer = new long[16];
    private final int[] radixCounts = new int[257];

    /**
     * Sorts the first n keys by their 40 high bits (unsigned), least significant byte first: five
     * counting passes, no data-dependent branches. Keys equal there keep their order (stable), and
     * their 24 low bits are distinct indices, so the result equals a full sort.
     */
    private void radixSortHigh40(long[] keys, int n) {
        if (radixBuffer.length < n) {
            radixBuffer = new long[Math.max(n, 2 * radixBuffer.length)];
        }
        long[] from = keys, to = radixBuffer;
        int[] counts = radixCounts;
        for (int shift = 24; shift < 64; shift += 8) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((from[i] >>> shift) & 0xFF) + 1]++;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[counts[(int) ((v >>> shift) & 0xFF)]++] = v;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        if (from != keys) {
            System.arraycopy(from, 0, keys, 0, n);
        }
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private void prepareMeasurements(Observation[] observations, String emptyScanSensor) {
        int m = observations.length;
        if (z.length < m) {
            int size = Math.max(m, 2 * z.length);
            z = new MeasurementModel[size];
            ze = new double[size];
            zn = new double[size];
            pd = new double[size];
            lnFalse = new double[size];
            zVar = new double[size];
            clutterAt = new double[size];
            sensorOf = new int[size];
            used = new boolean[size];
            hasIdentity = new boolean[size];
            gridOrder = new int[size];
            zHeight = new double[size];
            zHeightSigma = new double[size];
        }
        columns.reset(m);
        batchSensors.clear();
        String previous = null;
        int sensorSlot = -1;
        double beta = parameters.newTargetDensityPerM2();
        for (int j = 0; j < m; j++) {
            Observation o = observations[j];
            if (!o.sensorId().equals(previous)) {
                previous = o.sensorId();
                sensorSlot = batchSensors.size();
                batchSensors.add(previous);
                if (batchSensorIndex.length == sensorSlot) {
                    batchSensorIndex = Arrays.copyOf(batchSensorIndex, 2 * sensorSlot);
                    batchUnassigned = Arrays.copyOf(batchUnassigned, 2 * sensorSlot);
                }
                if (batchSensorKind.length <= sensorSlot) {
                    batchSensorKind = Arrays.copyOf(batchSensorKind, batchSensorIndex.length);
                    batchSensorBit = Arrays.copyOf(batchSensorBit, batchSensorIndex.length);
                }
                batchSensorIndex[sensorSlot] = priors.indexOf(previous);
                batchSensorBit[sensorSlot] = batchBit(batchSensorIndex[sensorSlot], previous);
                batchSensorKind[sensorSlot] = o.sensorKind().cooperative() ? o.sensorKind() : null;
            }
            int k = batchSensorIndex[sensorSlot];
            MeasurementModel mm = converter.convert(o);
            z[j] = mm;
            columns.set(j, mm);
            hasIdentity[j] = !o.identity().isEmpty();
            if (TrackHeight.carriesHeight(o)) {
                zHeightSigma[j] = TrackHeight.measuredSigmaM(o);
                zHeight[j] = TrackHeight.measuredHeightM(o);
            } else {
                zHeight[j] = Double.NaN;
            }
            ze[j] = mm.eastM();
            zn[j] = mm.northM();
            zVar[j] = mm.maxPositionVarianceM2();
            pd[j] = priors.detectionProbability(k);
            double clutter = priors.clutterDensityAt(k, mm);
            clutterAt[j] = clutter;
            lnFalse[j] = Math.log((clutter + beta) * mm.areaToMeasurementDensity());
            sensorOf[j] = sensorSlot;
            used[j] = false;
        }
        if (m == 0) {
            batchSensors.add(emptyScanSensor);
            batchSensorIndex[0] = priors.indexOf(emptyScanSensor);
            batchSensorBit[0] = batchBit(batchSensorIndex[0], emptyScanSensor);
            batchSensorKind[0] = priors.cooperativeKind(batchSensorIndex[0]);
        }
    }

    /**
     * CV prediction of a track's moment-matched Gaussian (the rough gate), into dst, with the
     * largest process noise of the track's noise profile.
     */
    void roughPredict(TrackRecord track, double dt, double[] dst) {
        roughPredict(track.combined, 0, dt, roughNoise[track.noiseProfile], dst);
    }

    /** {@link #roughPredict(TrackRecord, double, double[])} of the block at offset o of c. */
    private static void roughPredict(double[] c, int o, double dt, double q, double[] dst) {
        double q3 = q * dt * dt * dt / 3.0;
        double ve = c[o + 2], vn = c[o + 3];
        dst[0] = c[o] + ve * dt;
        dst[1] = c[o + 1] + vn * dt;
        dst[2] = ve;
        dst[3] = vn;
        double p00 = c[o + 4], p01 = c[o + 5], p02 = c[o + 6], p03 = c[o + 7];
        double p11 = c[o + 8], p12 = c[o + 9], p13 = c[o + 10];
        double p22 = c[o + 11], p23 = c[o + 12], p33 = c[o + 13];
        dst[4] = p00 + 2 * dt * p02 + dt * dt * p22 + q3;
        dst[5] = p01 + dt * (p03 + p12) + dt * dt * p23;
        dst[8] = p11 + 2 * dt * p13 + dt * dt * p33 + q3;
        double q2 = q * dt * dt / 2.0, q1 = q * dt;
        dst[6] = p02 + dt * p22 + q2;
        dst[7] = p03 + dt * p23;
        dst[9] = p12 + dt * p23;
        dst[10] = p13 + dt * p33 + q2;
        dst[11] = p22 + q1;
        dst[12] = p23;
        dst[13] = p33 + q1;
    }

    /** Old tracks that took over a new one's estimate ({@link #takeOver}; for the tests). */
    long reidentifications;

    /**
     * {@code old} continues as the track of {@code fresh}'s target; {@code fresh} is dropped. When
     * the fresh track is a single detection ({@code birth}), the old track is updated with it, so
     * that it keeps its velocity (two satellite passes 180 s apart give a velocity within a few
     * m/s); otherwise it takes the fresh track's estimate.
     */
    private void takeOver(
            TrackRecord old,
            TrackRecord fresh,
            MeasurementModel birth,
            long tn,
            Instant t,
            List<EntityTrack> out) {
        reidentifications++;
        boolean updated = false;
        if (birth != null && tn > old.timeNanos) {
            imm.predict(
                    old.state,
                    0,
                    old.combined,
                    0,
                    (tn - old.timeNanos) * 1e-9,
                    old.noiseProfile,
                    scratchState,
                    0);
            imm.combine(scratchState, 0, block, 0);
            double likelihood;
            if (unscentedAbove != Double.POSITIVE_INFINITY
                    && birth.nonlinearity(
                                    block[0], block[1], FlatImm.maxPositionVarianceM2(block, 0))
                            > unscentedAbove) {
                likelihood = imm.updateUnscented(scratchState, 0, birth, unscented, old.state, 0);
            } else {
                birth.linearise(block[0], block[1], lin, 0);
                likelihood = imm.update(scratchState, 0, lin, 0, old.state, 0);
            }
            updated = !Double.isNaN(likelihood);
            if (updated) {
                imm.combine(old.state, 0, old.combined, 0);
            }
        }
        if (!updated) {
            System.arraycopy(fresh.state, 0, old.state, 0, stateLength);
            System.arraycopy(fresh.combined, 0, old.combined, 0, FlatImm.GAUSSIAN);
        }
        old.time = fresh.time;
        old.timeNanos = fresh.timeNanos;
        // Visible again: at least as likely to exist as either was.
        existence.predictTo(old, fresh.existenceNanos);
        old.pVisible = Math.max(fresh.pVisible, old.existence());
        old.pHidden = 0;
        old.pNone = 1 - old.pVisible;
        old.existenceNanos = fresh.existenceNanos;
        old.consecutiveMisses = 0;
        old.checkedNanos = tn;
        old.status = TrackStatus.CONFIRMED;
        old.adopt(fresh);
        sync(old);
        emit(old, old.status, old.time, old.combined, 0, out);
        delete(fresh, fresh.index, t, fresh.combined, out);
    }

    /**
     * Starts a track on every unassigned observation. The density of not yet tracked targets per
     * sensor in this batch is the unassigned detections beyond the expected clutter count (less two
     * standard deviations of it), over the coverage area, and at least {@link #leastBirthDensity}
     * (at least {@code newTargetDensityPerM2} near a lost track). At start-up, when every target is
     * new, this makes a single detection credible; in steady state it falls back to the least
     * density.
     */
    private void initiateUnassigned(
            Observation[] observations, int m, Instant t, List<EntityTrack> out) {
        int sensors = batchSensors.size();
        if (batchAlone.length < sensors) {
            batchAlone = new int[batchSensorIndex.length];
        }
        Arrays.fill(batchUnassigned, 0, sensors, 0);
        Arrays.fill(batchAlone, 0, sensors, 0);
        int unassigned = 0;
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                unassigned++;
                int s = sensorOf[j];
                batchUnassigned[s]++;
                int k = batchSensorIndex[s];
                if (k != SensorPriors.UNKNOWN && !sensorGrid.coveredByOther(k, ze[j], zn[j])) {
                    batchAlone[s]++;
                }
            }
        }
        if (unassigned == 0) {
            return;
        }
        double floor = leastBirthDensity(TrackRecord.nanos(t));
        double[] beta = new double[sensors];
        double[] betaAlone = new double[sensors];
        for (int s = 0; s < sensors; s++) {
            int k = batchSensorIndex[s];
            if (observed != null && k != SensorPriors.UNKNOWN) {
                double[] part = observedAreas(k);
                if (!Double.isNaN(part[0])) {
                    // part: area, sole area, expected clutter over each, within the observed area
                    double shared = part[0] - part[1];
                    if (part[1] > 0.01 * part[0] && part[1] < 0.99 * part[0]) {
                        beta[s] =
                                partBirthDensity(
                                        batchUnassigned[s] - batchAlone[s],
                                        part[2] - part[3],
                                        shared,
                                        floor);
                        betaAlone[s] = partBirthDensity(batchAlone[s], part[3], part[1], floor);
                    } else {
                        beta[s] = partBirthDensity(batchUnassigned[s], part[2], part[0], floor);
                        betaAlone[s] = beta[s];
                    }
                    continue;
                }
            }
            double area = priors.coverageAreaM2(k);
            double sole = priors.soleAreaM2(k);
            double density = priors.clutterDensity(k);
            if (!Double.isNaN(sole) && sole > 0.01 * area && sole < 0.99 * area) {
                // Where only this sensor looks, every target is new to the tracker: judge the
                // unassigned detections there on their own.
                beta[s] =
                        birthDensity(
                                batchUnassigned[s] - batchAlone[s], density, area - sole, floor);
                betaAlone[s] = birthDensity(batchAlone[s], density, sole, floor);
            } else {
                beta[s] = birthDensity(batchUnassigned[s], density, area, floor);
                betaAlone[s] = beta[s];
            }
        }
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                int s = sensorOf[j];
                int k = batchSensorIndex[s];
                boolean alone =
                        k != SensorPriors.UNKNOWN && !sensorGrid.coveredByOther(k, ze[j], zn[j]);
                double b = alone ? betaAlone[s] : beta[s];
                if (b < parameters.newTargetDensityPerM2() && nearLostTrack(j)) {
                    b = parameters.newTargetDensityPerM2();
                }
                initiate(observations[j], z[j], t, b, clutterAt[j], out);
            }
        }
    }

    /**
     * The least density of new targets per m² in a batch at tn: the rate at which this tracker's
     * own confirmed tracks were born in the last {@code BIRTH_WINDOW_S} (over the area the sensors
     * cover, per {@code BIRTH_BATCH_S}), between a tenth of {@code newTargetDensityPerM2} and that
     * parameter. Where targets are rarely born, a pair of clutter plots is then less credible than
     * a new target; where many are, the parameter holds (the batch's excess of detections over
     * clutter raises it further). A re-identified track keeps its first birth time, so a target
     * found again is not counted as a birth. Computed from the live tracks alone (their birth times
     * are in the snapshot), so a restored tracker continues identically. With no sensor of known
     * coverage it is the parameter. A tracker restricted to a region (a tile's) counts the births
     * of its own tracks over the coverage within its region, over {@link #TILE_BIRTH_WINDOW_S} and
     * less {@link #TILE_BIRTHS_DISCOUNTED}: it cannot see the births elsewhere, which the single
     * tracker averages over.
     *
     * <p>Also lists the lost tracks (confirmed, no update for half of {@code coastAfterS}) with
     * their cheap prediction to tn, for {@link #nearLostTrack}, when the result is below the
     * parameter.
     */
    private double leastBirthDensity(long tn) {
        double parameter = parameters.newTargetDensityPerM2();
        lost.clear();
        if (birthAreaM2 < 0) {
            birthAreaM2 = priors.coveredAreaM2(region);
        }
        if (!(birthAreaM2 > 0)) {
            return parameter;
        }
        double window = region != null ? TILE_BIRTH_WINDOW_S : BIRTH_WINDOW_S;
        long since = tn - (long) (window * 1e9);
        // The live confirmed tracks born after since (a deleted row's birth is Long.MIN_VALUE).
        int births = this.births.after(since);
        if (region != null) {
            births = Math.max(0, births - TILE_BIRTHS_DISCOUNTED);
        }
        double rate = births * BIRTH_BATCH_S / (window * birthAreaM2);
        double floor = Math.min(parameter, Math.max(BIRTH_FLOOR_SHARE * parameter, rate));
        if (floor >= parameter) {
            return floor; // nearLostTrack is not asked: no lost track is predicted
        }
        // Only the lost tracks near the batch's detections can hold one (nearLostTrack's gate on
        // the variance bounds the distance on each axis).
        listLost(
                tn,
                batchBoxStamp == stamp ? batchBox : null,
                gateReach(batchMaxVariance),
                true,
                lost);
        return floor;
    }

    /**
     * How far beyond a lost track's side of the re-identification gate a position of variance
     * {@code variance} (its largest) can match it, m, with a margin over rounding: the track grid's
     * reach covers the lost track's side, so a query widened by this finds every lost track the
     * gate can match ({@code sqrt(a + b) <= sqrt(a) + sqrt(b)}).
     */
    private static double gateReach(double variance) {
        return Math.sqrt(REIDENTIFY_GATE * variance) * (1 + 1e-6) + 1.0;
    }

    /** Makes {@code box} {min e, max e, min n, max n} empty, for {@link #extend}. */
    private static void clearBox(double[] box) {
        box[0] = box[2] = Double.POSITIVE_INFINITY;
        box[1] = box[3] = Double.NEGATIVE_INFINITY;
    }

    /** Widens {@code box} {min e, max e, min n, max n} to hold (e, n). */
    private static void extend(double[] box, double e, double n) {
        box[0] = Math.min(box[0], e);
        box[1] = Math.max(box[1], e);
        box[2] = Math.min(box[2], n);
        box[3] = Math.max(box[3], n);
    }

    /**
     * Lists in {@code into} the lost tracks (confirmed, no update for half of {@code coastAfterS},
     * within the observed area when there is one) with their cheap prediction to tn, widened by the
     * turn margin when {@code turnMargin}: of all rows when {@code box} is null, else of those the
     * track grid can place within {@code extra} m of {@code box} {min e, max e, min n, max n} (its
     * reach covers a lost track's side of the re-identification gate, so with {@code extra} the
     * other side's, the list holds every lost track that gate can match).
     */
    private void listLost(
            long tn, double[] box, double extra, boolean turnMargin, LostTracks into) {
        into.clear();
        long lostAfter = (long) (parameters.coastAfterS() * 0.5e9);
        int size = live.size();
        int found =
                box != null && extra < Double.POSITIVE_INFINITY
                        ? trackGrid.query(rows, rowTime, size, tn, box, extra)
                        : -1;
        int passes = found < 0 ? size : found;
        for (int f = 0; f < passes; f++) {
            int i = found < 0 ? f : trackGrid.found(f);
            long time = rowTime[i];
            if (rowBirth[i] == Long.MIN_VALUE || time == Long.MIN_VALUE || tn - time <= lostAfter) {
                continue;
            }
            TrackRecord track = live.get(i);
            if (observed != null && lostOutside(track)) {
                continue;
            }
            double dt = (tn - track.timeNanos) * 1e-9;
            roughPredict(track, dt, rough);
            double margin = 0;
            if (turnMargin) {
                double speed = Math.sqrt(rough[2] * rough[2] + rough[3] * rough[3]);
                margin = Math.min(0.5 * speed * maxTurnRateRadPerS * dt * dt, 2 * speed * dt);
            }
            into.add(rough, margin * margin);
        }
    }

    /**
     * Whether a track of a tracker fed only part of each scan ({@link #observesOnly}) was lost
     * outside that part: its last estimate, carried on at its velocity for half of {@code
     * coastAfterS} (when it counts as lost), is outside the observed area. Such a track (a tile's
     * replica of a target that went on into a neighbour tile) is lost because the tracker receives
     * nothing there, not because its target went dark, so a new track near it is no re-appearing
     * target: on the sparse scenario of {@code TiledFusionGospaTest} (seed 1, 20 km tiles) the
     * tiles started twice the single tracker's clutter tracks at {@code newTargetDensityPerM2}
     * beside such tracks. A target that dies or goes dark inside the area keeps the exception, as
     * in the single tracker.
     */
    private boolean lostOutside(TrackRecord track) {
        double[] c = track.combined;
        double lostS = parameters.coastAfterS() * 0.5;
        return !observed.contains(c[0] + c[2] * lostS, c[1] + c[3] * lostS);
    }

    /**
     * Whether detection j falls inside a lost track's cheap prediction (with the turn margin and
     * the detection's variance, chi-square 2 dof at {@code REIDENTIFY_GATE}): a lost target may
     * reappear there, so a new track on it starts at least at {@code newTargetDensityPerM2}, as it
     * did before the density followed the births, and is confirmed and re-identified as soon.
     */
    private boolean nearLostTrack(int j) {
        return lost.near(ze[j], zn[j], zVar[j], 0, zVar[j]);
    }

    /**
     * Whether a tentative track that a look has just missed, and whose existence fell below {@code
     * deleteExistence}, is kept for one more look: it was seen once and missed once, lies inside a
     * lost track's cheap prediction ({@code REIDENTIFY_GATE} on both position covariances) and its
     * existence is still above {@link #NEAR_LOST_DELETE_SHARE} of the threshold (on t10's radars
     * one miss leaves a track started at {@code newTargetDensityPerM2}, the lost-track exception of
     * {@link #nearLostTrack}, above it; two misses do not). A dark target that reappears may be
     * missed once more before its new track's second detection (P_D 0.9 per look): deleting the new
     * track there started the count again, and the lost track was re-identified one confirmation
     * later (t10, truth 5, seen by one radar at 466, missed at 470, found at 478 s:
     * docs/benchmarks.md, "`cordon track` on the shared scenarios"). Elsewhere a tentative track is
     * deleted at its first miss as before, so clutter tracks do not live longer. Read from the live
     * tracks alone, so a restored tracker decides the same. {@code track} is {@code touched[k]} of
     * the batch's {@code n} touched tracks.
     */
    private boolean keptNearLostTrack(TrackRecord track, long tn, int k, int n) {
        if (track.status != TrackStatus.TENTATIVE
                || track.updateCount != 1
                || track.consecutiveMisses > 1
                || track.existence() < NEAR_LOST_DELETE_SHARE * parameters.deleteExistence()) {
            return false;
        }
        if (nearLostStamp != stamp) {
            nearLostStamp = stamp;
            collectLost(tn, k, n);
        }
        if (nearLost.isEmpty()) {
            return false;
        }
        double dt = (tn - track.timeNanos) * 1e-9;
        roughPredict(track, dt, rough);
        return nearLost.near(rough[0], rough[1], rough[4], rough[5], rough[8]);
    }

    /**
     * Lists the lost tracks (confirmed, no update for half of {@code coastAfterS}) with their cheap
     * prediction to tn (east, north, P_ee, P_en, P_nn) in {@link #nearLost}: without the turn
     * margin of {@link #nearLostTrack}, which on t100 kept clutter tracks beside dark targets'
     * tracks long enough for a second clutter plot to confirm three of them.
     *
     * <p>Made once per batch, at its first candidate {@code touched[from]}, for it and the later
     * ones: only the rows the track grid can place within the re-identification gate of a touched
     * tentative track seen once, from {@code from} on (the only tracks that can still be
     * candidates; their rough predictions do not change before their turn), are examined. The
     * grid's reach covers a lost track's side of that gate ({@link TrackGrid}: the lost-track test
     * of births, a larger one), the query's margin the candidates' side, so the list holds every
     * lost track a candidate can match: the same decisions as a pass over all rows, which with many
     * sensors (a batch each) made the pass quadratic in the tracks.
     */
    private void collectLost(long tn, int from, int n) {
        double[] box = lostQueryBox;
        clearBox(box);
        double maxVariance = 0;
        for (int c = from; c < n; c++) {
            TrackRecord candidate = touched[c];
            if (candidate.status != TrackStatus.TENTATIVE || candidate.updateCount != 1) {
                continue;
            }
            roughPredict(candidate, (tn - candidate.timeNanos) * 1e-9, rough);
            extend(box, rough[0], rough[1]);
            maxVariance = Math.max(maxVariance, Math.max(rough[4], rough[8]));
        }
        listLost(tn, box, gateReach(maxVariance), false, nearLost);
    }

    private final double[] lostQueryBox = new double[4];

    /** {@link #collectLost}'s list, made at most once per batch ({@link #stamp}). */
    private final LostTracks nearLost = new LostTracks();

    private long nearLostStamp = -1;

    /** Lost tracks' cheap predictions with their turn margin, for {@link #nearLostTrack}. */
    private final LostTracks lost = new LostTracks();

    /**
     * Lost tracks' cheap predictions (east, north, P_ee, P_en, P_nn), and the re-identification
     * gate against them.
     */
    private static final class LostTracks {
        private double[] v = new double[5 * 16];
        private int count;

        void clear() {
            count = 0;
        }

        boolean isEmpty() {
            return count == 0;
        }

        /**
         * Appends rough prediction {@code r} (as {@link #roughPredict} gives it), variances + m2.
         */
        void add(double[] r, double m2) {
            if ((count + 1) * 5 > v.length) {
                v = Arrays.copyOf(v, 2 * v.length);
            }
            int o = 5 * count++;
            v[o] = r[0];
            v[o + 1] = r[1];
            v[o + 2] = r[4] + m2;
            v[o + 3] = r[5];
            v[o + 4] = r[8] + m2;
        }

        /**
         * Whether a position (e, n) with covariance (ee, en, nn) lies within {@code
         * REIDENTIFY_GATE} of one of the lost tracks, on the sum of both covariances.
         */
        boolean near(double e, double n, double ee, double en, double nn) {
            for (int q = 0; q < count; q++) {
                int o = 5 * q;
                double a = v[o + 2] + ee, b = v[o + 3] + en, d = v[o + 4] + nn;
                double de = e - v[o], dn = n - v[o + 1];
                double d2 = (d * de * de - 2 * b * de * dn + a * dn * dn) / (a * d - b * b);
                if (d2 < REIDENTIFY_GATE) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * New-target density from {@code unassigned} detections over {@code area} with clutter {@code
     * density}: the excess over the expected clutter count less two standard deviations of it, at
     * least {@code floor}; the floor alone when the area is unknown.
     */
    private double birthDensity(int unassigned, double density, double area, double floor) {
        if (Double.isNaN(area) || !(area > 0)) {
            return floor;
        }
        double clutter = density * area;
        double excess = unassigned - clutter - 2 * Math.sqrt(clutter);
        return Math.max(floor, excessDensity(excess, clutter, area));
    }

    /**
     * The density of new targets that {@code excess} detections beyond the margin over {@code
     * area}, with {@code clutter} expected there, imply for each unassigned one: excess / area,
     * except where fewer than {@link #FEW_CLUTTER} clutter plots are expected: there each of the
     * {@code unassigned} = excess + clutter + 2 √clutter detections is a target with probability
     * excess / unassigned, which the initiation's β / (β + clutter density) gives with β = excess /
     * area × clutter / (clutter + 2 √clutter). Zero when there is no excess.
     */
    static double excessDensity(double excess, double clutter, double area) {
        if (!(excess > 0)) {
            return 0;
        }
        if (!(clutter > 0) || clutter >= FEW_CLUTTER) {
            return excess / area;
        }
        return excess / area * clutter / (clutter + 2 * Math.sqrt(clutter));
    }

    private int[] batchAlone = new int[4];

    /**
     * Area, sole area and expected clutter over each of sensor k's coverage within {@link
     * #observed}.
     */
    private double[] observedAreas(int k) {
        if (observedAreas == null) {
            observedAreas = new double[k + 1][];
        } else if (observedAreas.length <= k) {
            observedAreas = Arrays.copyOf(observedAreas, k + 1);
        }
        if (observedAreas[k] == null) {
            observedAreas[k] = priors.partWithin(k, observed);
        }
        return observedAreas[k];
    }

    /**
     * New-target density in part of a scan: {@code unassigned} detections over {@code area} with
     * {@code clutter} expected there, beyond two standard deviations and {@link #PART_MARGIN}.
     * Where fewer than {@link #FEW_CLUTTER} clutter plots are expected in the part and the least
     * density {@code floor} is below {@code newTargetDensityPerM2} (the tracker has not seen births
     * at that rate lately), the excess is a probability per detection as in {@link #excessDensity}.
     * A tile cannot see the rest of the scan: a clutter burst in its part (t100, radar R2 at 110 s:
     * 9 clutter plots where 1.5 are expected) is an excess to it and none to the single tracker,
     * which judges the whole scan; at start-up, where its births keep the floor at the parameter,
     * the excess stands, as the single tracker's of a scan full of new targets.
     */
    private double partBirthDensity(int unassigned, double clutter, double area, double floor) {
        if (!(area > 0)) {
            return floor;
        }
        double excess = unassigned - clutter - 2 * Math.sqrt(clutter) - PART_MARGIN;
        if (floor >= parameters.newTargetDensityPerM2()) {
            return Math.max(floor, excess / area);
        }
        return Math.max(floor, excessDensity(excess, clutter, area));
    }

    private void initiate(
            Observation o,
            MeasurementModel mm,
            Instant t,
            double beta,
            double clutter,
            List<EntityTrack> out) {
        String id = TrackIds.derive(o.sensorId(), t, o.observationId());
        if (byId.containsKey(id)) {
            return; // the same observation delivered twice
        }
        double[] c = mm.positionCovarianceM2();
        double[] g = block;
        Arrays.fill(g, 0.0);
        g[0] = mm.eastM();
        g[1] = mm.northM();
        g[4] = c[0];
        g[5] = c[1];
        g[8] = c[2];
        double sv = parameters.initialSpeedSigmaMps();
        g[11] = sv * sv;
        g[13] = sv * sv;
        TrackRecord track = new TrackRecord(id, TrackStatus.TENTATIVE, t, stateLength);
        imm.initialise(g, 0, initialModeProbabilities, track.state, 0);
        imm.combine(track.state, 0, track.combined, 0);
        track.pVisible = beta / (beta + clutter);
        track.pHidden = 0;
        track.pNone = 1 - track.pVisible;
        track.absorb(o);
        track.measureHeight(o, track.timeNanos);
        if (track.existence() >= parameters.confirmExistence()) {
            track.status = TrackStatus.CONFIRMED;
            newlyConfirmed(track, mm);
        }
        add(track);
        emit(track, track.status, t, track.combined, 0, out);
    }

    // ------------------------------------------------------------------ re-identification

    private TrackRecord[] confirmedNow = new TrackRecord[8];
    private MeasurementModel[] confirmedBy = new MeasurementModel[8];
    private int confirmedCount;

    /**
     * Notes a track confirmed in this batch; {@code birth} is the measurement it was started from
     * when it is confirmed at birth (a single detection), else null.
     */
    private void newlyConfirmed(TrackRecord track, MeasurementModel birth) {
        if (confirmedCount == confirmedNow.length) {
            confirmedNow = Arrays.copyOf(confirmedNow, 2 * confirmedCount);
            confirmedBy = Arrays.copyOf(confirmedBy, 2 * confirmedCount);
        }
        confirmedBy[confirmedCount] = birth;
        confirmedNow[confirmedCount++] = track;
    }

    /**
     * A track confirmed in this batch may be a lost target found again: one that went dark, was
     * masked, or left one sensor's view for another's, whose old track is coasting (or missing
     * looks) near where the new one is. When the new track's position falls inside the old track's
     * prediction (chi-square, 2 dof, {@code REIDENTIFY_GATE}, on the sum of both position
     * covariances), the old track takes the new one's estimate and keeps its id and history, and
     * the new track is dropped (reported DELETED): one entity keeps one id. Pairs are taken
     * greedily by distance, each old track at most once, in a deterministic order.
     */
    private void reidentify(long tn, Instant t, List<EntityTrack> out) {
        int count = confirmedCount;
        confirmedCount = 0;
        if (count == 0) {
            return;
        }
        long coastNanos = (long) (parameters.coastAfterS() * 1e9);
        double gateThreshold = REIDENTIFY_GATE;
        double[] fe = new double[count], fn = new double[count];
        double maxFreshVariance = 0;
        double[] box = lostQueryBox;
        clearBox(box);
        for (int k = 0; k < count; k++) {
            fe[k] = confirmedNow[k].combined[0];
            fn[k] = confirmedNow[k].combined[1];
            extend(box, fe[k], fn[k]);
            maxFreshVariance =
                    Math.max(
                            maxFreshVariance,
                            FlatImm.maxPositionVarianceM2(confirmedNow[k].combined, 0));
        }
        UniformGrid freshGrid = new UniformGrid(GRID_CELL_M, fe, fn, count);
        TrackRecord[] bestOld = new TrackRecord[count];
        double[] bestD2 = new double[count];
        Arrays.fill(bestD2, Double.POSITIVE_INFINITY);
        // Only the old tracks the track grid places near the new ones can match (gateReach); in
        // ascending order, as the full pass, so the same old track wins a tie.
        int size = live.size();
        int listed = trackGrid.query(rows, rowTime, size, tn, box, gateReach(maxFreshVariance));
        int passes = listed < 0 ? size : listed;
        for (int p = 0; p < passes; p++) {
            int i = listed < 0 ? p : trackGrid.found(p);
            trackGrid.reidentifyVisits++;
            long time = rowTime[i];
            if (time == Long.MIN_VALUE || tn - time < REIDENTIFY_MIN_GAP_NANOS) {
                continue;
            }
            TrackRecord old = live.get(i);
            if (!old.isConfirmed() || old.timeNanos == tn) {
                continue;
            }
            boolean lost = old.status == TrackStatus.COASTING || tn - time > coastNanos / 2;
            if (!lost) {
                continue;
            }
            double dt = (tn - time) * 1e-9;
            roughPredict(old, dt, rough);
            double speed = Math.sqrt(rough[2] * rough[2] + rough[3] * rough[3]);
            double reach2Base = FlatImm.maxPositionVarianceM2(rough, 0);
            double margin = Math.min(0.5 * speed * maxTurnRateRadPerS * dt * dt, 2 * speed * dt);
            boolean predicted = false;
            double maxReach = Math.sqrt(gateThreshold * (reach2Base + maxFreshVariance)) + margin;
            int found = freshGrid.collect(rough[0], rough[1], maxReach);
            for (int q = 0; q < found; q++) {
                int k = freshGrid.found(q);
                TrackRecord fresh = confirmedNow[k];
                if (fresh == old
                        || fresh.status == TrackStatus.DELETED
                        || fresh.birthNanos <= old.timeNanos) {
                    continue;
                }
                double[] f = fresh.combined;
                double de = f[0] - rough[0], dn = f[1] - rough[1];
                double reach =
                        Math.sqrt(
                                        gateThreshold
                                                * (reach2Base
                                                        + FlatImm.maxPositionVarianceM2(f, 0)))
                                + margin;
                if (de * de + dn * dn > reach * reach) {
                    continue;
                }
                if (!predicted) {
                    predictCombined(old, dt, block);
                    predicted = true;
                }
                double a = block[4] + f[4], b = block[5] + f[5], d = block[8] + f[8];
                double ee = f[0] - block[0], nn = f[1] - block[1];
                double det = a * d - b * b;
                double d2 = (d * ee * ee - 2 * b * ee * nn + a * nn * nn) / det;
                if (d2 < gateThreshold && d2 < bestD2[k]) {
                    bestD2[k] = d2;
                    bestOld[k] = old;
                }
            }
        }
        // Resolve an old track claimed twice: the closer new track wins.
        for (int k = 0; k < count; k++) {
            TrackRecord old = bestOld[k];
            if (old == null) {
                continue;
            }
            boolean best = true;
            for (int other = 0; other < count && best; other++) {
                if (other != k && bestOld[other] == old) {
                    best = bestD2[other] > bestD2[k] || (bestD2[other] == bestD2[k] && other > k);
                }
            }
            if (!best) {
                continue;
            }
            takeOver(old, confirmedNow[k], confirmedBy[k], tn, t, out);
        }
        Arrays.fill(confirmedBy, 0, count, null);
        Arrays.fill(confirmedNow, 0, count, null);
    }

    void emit(
            TrackRecord track,
            TrackStatus status,
            Instant time,
            double[] g,
            int go,
            List<EntityTrack> out) {
        if (status == TrackStatus.TENTATIVE && !reportsTentative) {
            return;
        }
        EntityTrack e = mapper.map(track, status, time, g, go);
        if (track.outputStamp == stamp) {
            out.set(track.outputIndex, e);
        } else {
            track.outputStamp = stamp;
            track.outputIndex = out.size();
            out.add(e);
        }
    }

    private void delete(
            TrackRecord track, int index, Instant t, double[] g, List<EntityTrack> out) {
        // a track still tentative was never reported (unless reportTentative): nor is its end
        boolean reported = reportsTentative || track.status != TrackStatus.TENTATIVE;
        track.status = TrackStatus.DELETED;
        if (reported) {
            emit(track, TrackStatus.DELETED, t, g, 0, out);
        }
        byId.remove(track.id);
        live.set(index, null);
        rowTime[index] = Long.MIN_VALUE;
        if (rowBirth[index] != Long.MIN_VALUE) {
            births.remove(rowBirth[index]);
            rowBirth[index] = Long.MIN_VALUE;
        }
        deletedSinceCompaction++;
    }

    private void compact() {
        // Amortised: tombstones cost a skipped row (one long read) in each pass until a quarter
        // of the rows are tombstones. Compaction writes the new index into every record that moves
        // (a cache miss each with many tracks), so it runs rarely and starts at the first hole.
        if (deletedSinceCompaction > 64 && 4 * deletedSinceCompaction > live.size()) {
            int w = 0;
            int size = live.size();
            while (w < size && rowTime[w] != Long.MIN_VALUE) {
                w++;
            }
            for (int i = w; i < size; i++) {
                if (rowTime[i] != Long.MIN_VALUE) {
                    TrackRecord track = live.get(i);
                    if (w != i) {
                        System.arraycopy(rows, i * ROW, rows, w * ROW, ROW);
                        rowTime[w] = rowTime[i];
                        rowChecked[w] = rowChecked[i];
                        rowBirth[w] = rowBirth[i];
                        rowSensors[w] = rowSensors[i];
                    }
                    track.index = w;
                    live.set(w++, track);
                }
            }
            live.subList(w, live.size()).clear();
            deletedSinceCompaction = 0;
            trackGrid.invalidate();
        }
    }

    private void ensurePredicted(int slots) {
        if (predicted.length < slots * stateLength) {
            int size = Math.max(slots, 2 * predicted.length / Math.max(1, stateLength) + 16);
            predicted = Arrays.copyOf(predicted, size * stateLength);
            predictedCombined = Arrays.copyOf(predictedCombined, size * FlatImm.GAUSSIAN);
        }
    }

    private void growTouched() {
        int size = 2 * touched.length;
        touched = Arrays.copyOf(touched, size);
        touchedE = Arrays.copyOf(touchedE, size);
        touchedN = Arrays.copyOf(touchedN, size);
        touchedDt = Arrays.copyOf(touchedDt, size);
        touchedInView = Arrays.copyOf(touchedInView, size);
        touchedPairs = Arrays.copyOf(touchedPairs, size);
    }

    /**
     * The offset in {@link #pairLin} of the linearisation track k's pair with measurement j was
     * gated with (the same values a new linearisation at the track's prediction would give).
     */
    private int gatedLinearisation(int k, int j) {
        int p = touchedPairs[k] - 1;
        while (pairMeasurement[p] != j) {
            p--;
        }
        return pairRow[p] * FlatImm.LINEARISATION;
    }

    private void growPairs() {
        int size = 2 * pairTrack.length;
        pairLin = Arrays.copyOf(pairLin, size * FlatImm.LINEARISATION);
        pairUnscented = Arrays.copyOf(pairUnscented, size);
        pairRow = Arrays.copyOf(pairRow, size);
        pairTrack = Arrays.copyOf(pairTrack, size);
        pairMeasurement = Arrays.copyOf(pairMeasurement, size);
        pairCost = Arrays.copyOf(pairCost, size);
        pairDetection = Arrays.copyOf(pairDetection, size);
    }

    // ------------------------------------------------------------------ joint association

    /** {@link #assigned} of a track whose update is the JPDA one ({@link #updateJointly}). */
    private static final int JOINT = -2;

    /**
     * JPDA ({@link JointProbabilisticAssociator}) on the clusters it enumerates, global nearest
     * neighbour on the others. A detection that tracks claim with probability at least {@link
     * JointAssociationScratch#CLAIMED} starts no track.
     */
    private void associateJointly(int n, int m, int pairs) {
        JointAssociationScratch s = joint;
        s.ensure(n, pairs);
        s.ensureMeasurements(m);
        for (int k = 0; k < n; k++) {
            s.confirmed[k] = touched[k].isConfirmed();
        }
        int enumerated =
                jointAssociator.associate(
                        n,
                        m,
                        pairs,
                        pairTrack,
                        pairMeasurement,
                        pairCost,
                        pairDetection,
                        s.confirmed,
                        s.beta,
                        s.miss);
        if (enumerated == 0) {
            associator.associate(n, m, pairs, pairTrack, pairMeasurement, pairCost, assigned);
            return;
        }
        int g = 0;
        for (int p = 0; p < pairs; p++) {
            if (Double.isNaN(s.beta[p])) {
                s.gnnTrack[g] = pairTrack[p];
                s.gnnMeasurement[g] = pairMeasurement[p];
                s.gnnCost[g++] = pairCost[p];
            }
        }
        associator.associate(n, m, g, s.gnnTrack, s.gnnMeasurement, s.gnnCost, assigned);
        for (int p = 0; p < pairs; p++) {
            if (!Double.isNaN(s.beta[p])) {
                int k = pairTrack[p];
                if (assigned[k] != JOINT) {
                    assigned[k] = JOINT;
                    s.from[k] = p; // a track's pairs are contiguous
                }
                s.to[k] = p + 1;
                s.claim[pairMeasurement[p]] = 0;
            }
        }
        for (int p = 0; p < pairs; p++) {
            if (!Double.isNaN(s.beta[p])) {
                s.claim[pairMeasurement[p]] += s.beta[p];
            }
        }
        for (int p = 0; p < pairs; p++) {
            if (!Double.isNaN(s.beta[p])
                    && s.claim[pairMeasurement[p]] >= JointAssociationScratch.CLAIMED) {
                used[pairMeasurement[p]] = true;
            }
        }
    }

    /**
     * The JPDA update of touched track k: when the probability that one of its gated detections is
     * its target's, 1 − β_0, reaches {@link JointAssociationScratch#MIN_UPDATE}, the PDA mixture of
     * its IMM updates ({@link ImmPdaMixture}) and the track's time moves to t; below, the track is
     * left at its last update, as a miss. Existence is updated as in integrated PDA: the likelihood
     * ratio that gives the single-track IPDA posterior with the same β_0, L = (1 − β_0) / β_0 × (1
     * − P_D P_G) / P_D, P_D the track's probability of detection. A track counts as detected
     * (misses reset, its most likely detection's sensor and identity absorbed, coasting ends) when
     * 1 − β_0 ≥ 1/2.
     */
    private void updateJointly(
            int k, Observation[] observations, long tn, Instant t, List<EntityTrack> out) {
        JointAssociationScratch s = joint;
        TrackRecord track = touched[k];
        int from = s.from[k], to = s.to[k];
        double miss = s.miss[k];
        double detected = 1 - miss;
        int best = from;
        for (int p = from + 1; p < to; p++) {
            if (s.beta[p] > s.beta[best]) {
                best = p;
            }
        }
        double sensorPd = pd[pairMeasurement[from]];
        double trackPd = pairDetection[from];
        double ratio =
                Math.min(
                        1e12,
                        detected
                                / Math.max(miss, 1e-300)
                                * (1 - trackPd * parameters.gateProbability())
                                / trackPd);
        boolean updated = false;
        if (detected >= JointAssociationScratch.MIN_UPDATE) {
            int slot = track.slot;
            int co = slot * FlatImm.GAUSSIAN;
            int count = to - from;
            s.ensureHypotheses(count, stateLength);
            s.weights[0] = miss;
            for (int p = from; p < to; p++) {
                int a = p - from + 1;
                double likelihood;
                if (pairUnscented[pairRow[p]]) {
                    likelihood =
                            imm.updateUnscented(
                                    predicted,
                                    slot * stateLength,
                                    z[pairMeasurement[p]],
                                    unscented,
                                    s.hypotheses,
                                    (a - 1) * stateLength);
                } else {
                    columns.linearise(
                            pairMeasurement[p],
                            predictedCombined[co],
                            predictedCombined[co + 1],
                            lin,
                            0);
                    likelihood =
                            imm.update(
                                    predicted,
                                    slot * stateLength,
                                    lin,
                                    0,
                                    s.hypotheses,
                                    (a - 1) * stateLength);
                }
                s.weights[a] = Double.isNaN(likelihood) ? 0 : s.beta[p];
            }
            ImmPdaMixture.reduce(
                    imm,
                    predicted,
                    slot * stateLength,
                    s.hypotheses,
                    count,
                    s.weights,
                    track.state,
                    0);
            imm.combine(track.state, 0, track.combined, 0);
            track.height =
                    TrackHeight.pda(
                            track.height, observations, pairMeasurement, s.beta, from, to, tn);
            if (tn > track.timeNanos) {
                track.time = t;
                track.timeNanos = tn;
            }
            sync(track);
            updated = true;
        }
        if (updated || touchedInView[k]) {
            existence.detected(track, sensorPd, ratio);
        }
        if (detected >= 0.5) {
            track.absorb(observations[pairMeasurement[best]]);
            syncSensors(track);
            syncNoise(track);
            track.consecutiveMisses = 0;
            if (track.status == TrackStatus.COASTING) {
                track.status = TrackStatus.CONFIRMED;
            }
        } else if (touchedInView[k]) {
            track.consecutiveMisses++;
        }
        if (track.status == TrackStatus.TENTATIVE
                && track.existence() >= parameters.confirmExistence()) {
            track.status = TrackStatus.CONFIRMED;
            syncBirth(track);
            newlyConfirmed(track, null);
        }
        if (track.existence() < parameters.deleteExistence()) {
            roughPredict(track, updated ? 0 : touchedDt[k], rough);
            delete(track, track.index, t, rough, out);
        } else if (updated) {
            emit(track, track.status, track.time, track.combined, 0, out);
        }
    }

    // ------------------------------------------------------------------ queries and time

    /** Existence probability of a live track (visible or hidden) at the tracker's clock, or NaN. */
    public double existenceProbability(String trackId) {
        TrackRecord t = byId.get(trackId);
        if (t == null) {
            return Double.NaN;
        }
        return clock == null ? t.existence() : existence.existenceAt(t, TrackRecord.nanos(clock));
    }

    @Override
    public List<EntityTrack> advanceTo(Instant t) {
        stamp++;
        List<EntityTrack> changed = new ArrayList<>();
        advance(t, TrackRecord.nanos(t), changed);
        compact();
        return changed;
    }

    /**
     * Moves the clock: confirmed tracks without update for {@code coastAfterS} coast, tracks
     * without update for {@code deleteAfterS} are deleted, and every few seconds each track's cheap
     * prediction is checked against {@code maxPositionSigmaM} and the sensors' coverage.
     */
    private void advance(Instant t, long tn, List<EntityTrack> out) {
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        if (tn <= advancedNanos) {
            return; // ages only grow with the clock: nothing can have expired since
        }
        advancedNanos = tn;
        long deleteAfter = (long) (parameters.deleteAfterS() * 1e9);
        long coastAfter = (long) (parameters.coastAfterS() * 1e9);
        for (int i = 0, size = live.size(); i < size; i++) {
            long time = rowTime[i];
            if (time == Long.MIN_VALUE) {
                continue;
            }
            long age = tn - time;
            boolean due = tn - rowChecked[i] >= CHECK_PERIOD_NANOS;
            if (age <= coastAfter && !due) {
                continue;
            }
            TrackRecord track = live.get(i);
            TrackStatus next = track.status;
            if (age > deleteAfter) {
                next = TrackStatus.DELETED;
            } else if (track.status == TrackStatus.CONFIRMED && age > coastAfter) {
                next = TrackStatus.COASTING;
            }
            if (next != TrackStatus.DELETED && due) {
                track.checkedNanos = tn;
                rowChecked[i] = tn;
                // the row is the track's combined estimate (sync), and at hand
                roughPredict(rows, i * ROW, Math.max(0, age * 1e-9), rows[i * ROW + NOISE], rough);
                if (FlatImm.maxPositionVarianceM2(rough, 0) > maxVariance
                        || !covered(rough[0], rough[1])) {
                    delete(track, i, t, rough, out);
                    continue;
                }
            }
            if (next != track.status) {
                predictCombined(track, Math.max(0, age * 1e-9), block);
                if (next == TrackStatus.DELETED) {
                    delete(track, i, t, block, out);
                } else {
                    track.status = next;
                    emit(track, next, t, block, 0, out);
                }
            }
        }
    }

    /** The moment-matched Gaussian of a track's IMM prediction over dt, into dst. */
    private void predictCombined(TrackRecord track, double dt, double[] dst) {
        imm.predict(track.state, 0, track.combined, 0, dt, track.noiseProfile, scratchState, 0);
        imm.combine(scratchState, 0, dst, 0);
    }

    @Override
    public List<EntityTrack> confirmedTracksAt(Instant t) {
        long tn = TrackRecord.nanos(t);
        List<EntityTrack> out = new ArrayList<>();
        for (TrackRecord track : live) {
            if (track != null && track.isConfirmed()) {
                double dt = Math.max(0.0, (tn - track.timeNanos) * 1e-9);
                predictCombined(track, dt, block);
                out.add(mapper.map(track, track.status, t, block, 0));
            }
        }
        return out;
    }

    /**
     * As {@link #confirmedTracksAt}, without the tracks whose cheap near-constant-velocity
     * prediction already has a position variance (trace) above {@code maxTraceM2}: a reporting
     * policy that never reports those (the benchmark's, bounded by the GOSPA cut-off) need not pay
     * for their full IMM prediction. The cheap prediction's process noise is the largest of the
     * models', so it is not smaller than the IMM's; pass a bound with margin.
     */
    public List<EntityTrack> confirmedTracksAt(Instant t, double maxTraceM2) {
        long tn = TrackRecord.nanos(t);
        List<EntityTrack> out = new ArrayList<>();
        for (TrackRecord track : live) {
            if (track != null && track.isConfirmed()) {
                double dt = Math.max(0.0, (tn - track.timeNanos) * 1e-9);
                roughPredict(track, dt, rough);
                if (rough[4] + rough[8] > maxTraceM2) {
                    continue;
                }
                predictCombined(track, dt, block);
                out.add(mapper.map(track, track.status, t, block, 0));
            }
        }
        return out;
    }

    static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond())
                + (to.getNano() - from.getNano()) * 1e-9;
    }
}
