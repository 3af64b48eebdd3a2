package io.cordon.pipeline.tracker;

import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import io.cordon.pipeline.association.ChiSquareGate;
import io.cordon.pipeline.association.GatedPair;
import io.cordon.pipeline.association.GlobalNearestNeighbourAssociator;
import io.cordon.pipeline.association.UniformGrid;
import io.cordon.pipeline.filter.ConstantVelocityModel;
import io.cordon.pipeline.filter.CoordinatedTurnModel;
import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.filter.ImmState;
import io.cordon.pipeline.filter.Innovation;
import io.cordon.pipeline.filter.InteractingMultipleModel;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.MotionModel;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measurement-level multi-sensor multi-target tracker in an ENU plane at a reference point.
 *
 * <p>Per batch (one sensor, one time): predict every live track to the batch time with an
 * interacting multiple model filter (near-constant velocity and coordinated turns); gate each
 * observation against nearby tracks (uniform grid, then chi-square on the innovation of the
 * observation's own model: EKF for radar plots, linear for position fixes); assign by global
 * nearest neighbour on log-likelihood-ratio costs that include each track's probability of being a
 * visible target; update; and start a track on every unassigned observation (zero velocity, wide
 * velocity prior). Each track carries an existence probability with visibility ({@link
 * ExistenceModel}): hits raise it, misses inside a sensor's coverage lower it. A track is confirmed
 * when it reaches {@code confirmExistence} and deleted when it falls under {@code deleteExistence},
 * when its position uncertainty exceeds {@code maxPositionSigmaM}, when it leaves every known
 * sensor's coverage, or after {@code deleteAfterS} without update. A confirmed track that keeps
 * missing while a neighbour within its gate is being updated is a duplicate and is deleted.
 *
 * <p>Out-of-sequence batches (older than a track's last update) update that track without
 * retrodiction, as if measured at its last update time; the bench and the fusion job feed batches
 * in event-time order.
 *
 * <p>Not thread-safe; Flink calls it from one task thread.
 */
public final class MultiTargetTracker implements Tracker {
    private static final double GRID_CELL_M = 1000.0;
    private static final double IDENTITY_MATCH_BONUS = 10.0;
    private static final int DUPLICATE_MISSES = 3;
    private static final double DUPLICATE_GATE = 9.21; // chi-square 2 dof, 99 %

    final TrackerParameters parameters;
    final LocalTangentPlane plane;
    private final ObservationConverter converter;
    private final EntityTrackMapper mapper;
    private final InteractingMultipleModel imm;
    private final double[] initialModeProbabilities;
    private final ChiSquareGate gate;
    private final SensorPriors priors;
    private final ExistenceModel existence;
    private final MotionModel roughModel;
    private final double maxTurnRateRadPerS;
    private final GlobalNearestNeighbourAssociator associator =
            new GlobalNearestNeighbourAssociator(new JonkerVolgenantSolver());
    final TreeMap<String, TrackRecord> tracks = new TreeMap<>();
    Instant clock;

    public MultiTargetTracker(TrackerParameters parameters, GeoPoint referencePoint) {
        if (parameters == null || referencePoint == null) {
            throw new IllegalArgumentException("parameters and referencePoint are required");
        }
        this.parameters = parameters;
        this.plane = new LocalTangentPlane(referencePoint);
        this.converter = new ObservationConverter(plane);
        this.mapper = new EntityTrackMapper(plane);
        List<MotionModel> models = new ArrayList<>();
        models.add(new ConstantVelocityModel(parameters.velocityNoiseM2PerS3()));
        for (double rate : parameters.turnRatesDegPerS()) {
            double w = Math.toRadians(rate);
            models.add(new CoordinatedTurnModel(w, parameters.turnNoiseM2PerS3()));
            models.add(new CoordinatedTurnModel(-w, parameters.turnNoiseM2PerS3()));
        }
        this.imm = new InteractingMultipleModel(models, parameters.meanSojournS());
        this.initialModeProbabilities = new double[models.size()];
        initialModeProbabilities[0] = models.size() == 1 ? 1.0 : 0.5;
        for (int j = 1; j < models.size(); j++) {
            initialModeProbabilities[j] = 0.5 / (models.size() - 1);
        }
        this.gate = ChiSquareGate.of(parameters.gateProbability(), 2);
        this.roughModel =
                new ConstantVelocityModel(
                        Math.max(parameters.velocityNoiseM2PerS3(), parameters.turnNoiseM2PerS3()));
        double maxRate = 0;
        for (double r : parameters.turnRatesDegPerS()) {
            maxRate = Math.max(maxRate, Math.toRadians(r));
        }
        this.maxTurnRateRadPerS = maxRate;
        this.priors =
                new SensorPriors(
                        parameters.sensors(),
                        parameters.detectionProbability(),
                        parameters.clutterDensityPerM2(),
                        plane);
        this.existence =
                new ExistenceModel(
                        parameters.meanVisibleS(),
                        parameters.meanHiddenS(),
                        parameters.meanTrackLifeS());
    }

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
        return tracks.size();
    }

    int modelCount() {
        return imm.modelCount();
    }

    @Override
    public List<EntityTrack> update(List<Observation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant t = batch.get(0).eventTime();
        for (Observation o : batch) {
            if (!o.eventTime().equals(t)) {
                throw new IllegalArgumentException(
                        "a batch has one event time: " + t + " and " + o.eventTime());
            }
        }
        Map<String, EntityTrack> changed = new TreeMap<>();
        for (EntityTrack e : advanceTo(t)) {
            changed.put(e.trackId(), e);
        }
        List<Observation> observations = new ArrayList<>(batch);
        observations.sort(
                Comparator.comparing(Observation::sensorId)
                        .thenComparing(Observation::observationId));
        int m = observations.size();
        MeasurementModel[] z = new MeasurementModel[m];
        double[] ze = new double[m];
        double[] zn = new double[m];
        double[] pd = new double[m];
        double[] lnFalse = new double[m];
        double maxMeasurementVariance = 0;
        double beta = parameters.newTargetDensityPerM2();
        for (int j = 0; j < m; j++) {
            Observation o = observations.get(j);
            z[j] = converter.convert(o);
            ze[j] = z[j].eastM();
            zn[j] = z[j].northM();
            pd[j] = priors.detectionProbability(o.sensorId());
            lnFalse[j] =
                    Math.log(
                            (priors.clutterDensity(o.sensorId()) + beta)
                                    * z[j].areaToMeasurementDensity());
            double[] c = z[j].positionCovarianceM2();
            maxMeasurementVariance =
                    Math.max(maxMeasurementVariance, maxEigenvalue(c[0], c[1], c[2]));
        }
        TreeSet<String> batchSensors = new TreeSet<>();
        for (Observation o : observations) {
            batchSensors.add(o.sensorId());
        }

        List<TrackRecord> live = new ArrayList<>(tracks.values());
        int n = live.size();
        ImmState[] predicted = new ImmState[n];
        boolean[] dead = new boolean[n];
        UniformGrid grid = new UniformGrid(GRID_CELL_M, ze, zn, m);
        List<GatedPair> pairs = new ArrayList<>();
        double maxVariance = parameters.maxPositionSigmaM() * parameters.maxPositionSigmaM();
        GaussianState[] rough = new GaussianState[n];
        IntList candidates = new IntList();
        for (int i = 0; i < n; i++) {
            TrackRecord track = live.get(i);
            double dt = Math.max(0.0, seconds(track.time, t));
            existence.predict(track, Math.max(0.0, seconds(track.existenceTime, t)));
            if (t.isAfter(track.existenceTime)) {
                track.existenceTime = t;
            }
            // A cheap near-constant velocity prediction of the combined estimate decides which
            // tracks can have a detection in this batch; only those get the full IMM prediction.
            GaussianState posterior = track.state.combined();
            GaussianState r = roughModel.predict(posterior, dt);
            rough[i] = r;
            if (r.maxPositionVarianceM2() > maxVariance
                    || !priors.anyCovers(r.eastM(), r.northM())) {
                dead[i] = true;
                continue;
            }
            double speed = Math.hypot(posterior.velocityEastMps(), posterior.velocityNorthMps());
            double turnMargin =
                    Math.min(0.5 * speed * maxTurnRateRadPerS * dt * dt, 2 * speed * dt);
            double roughRadius =
                    1.2
                                    * Math.sqrt(
                                            gate.threshold()
                                                    * (r.maxPositionVarianceM2()
                                                            + maxMeasurementVariance))
                            + turnMargin
                            + 10.0;
            candidates.clear();
            grid.query(r.eastM(), r.northM(), roughRadius, candidates::add);
            if (candidates.size() == 0) {
                continue;
            }
            ImmState p = imm.predict(track.state, dt);
            predicted[i] = p;
            GaussianState c = p.combined();
            double pVisible = track.pVisible;
            for (int k = 0; k < candidates.size(); k++) {
                int j = candidates.get(k);
                Observation o = observations.get(j);
                if (track.conflictsWith(o.identity())) {
                    continue;
                }
                Innovation innovation = z[j].innovation(c);
                double d2 = innovation.mahalanobisSquared();
                if (!gate.accepts(d2)) {
                    continue;
                }
                double detect = pVisible * pd[j];
                double llr =
                        Math.log(detect)
                                + innovation.logLikelihood()
                                - lnFalse[j]
                                - Math.log1p(-detect);
                if (track.sharesIdentityWith(o.identity())) {
                    llr += IDENTITY_MATCH_BONUS;
                }
                pairs.add(new GatedPair(i, j, -llr));
            }
        }
        int[] assigned = associator.associate(n, m, pairs);
        boolean[] used = new boolean[m];
        List<TrackRecord> hit = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TrackRecord track = live.get(i);
            if (dead[i]) {
                delete(track, t, rough[i], changed);
                continue;
            }
            int j = assigned[i];
            if (j >= 0) {
                used[j] = true;
                InteractingMultipleModel.Update u = imm.update(predicted[i], z[j]);
                track.state = u.posterior();
                if (t.isAfter(track.time)) {
                    track.time = t;
                }
                existence.detected(track, pd[j], u.likelihood() / Math.exp(lnFalse[j]));
                track.absorb(observations.get(j));
                track.consecutiveMisses = 0;
                if (track.status == TrackStatus.TENTATIVE
                        && track.existence() >= parameters.confirmExistence()) {
                    track.status = TrackStatus.CONFIRMED;
                } else if (track.status == TrackStatus.COASTING) {
                    track.status = TrackStatus.CONFIRMED;
                }
                hit.add(track);
                changed.put(
                        track.id,
                        mapper.map(track, track.status, track.time, track.state.combined()));
            } else {
                GaussianState c = rough[i];
                boolean looked = false;
                for (String s : batchSensors) {
                    if (priors.covers(s, c.eastM(), c.northM(), track)) {
                        existence.missed(track, priors.detectionProbability(s));
                        looked = true;
                    }
                }
                if (looked) {
                    track.consecutiveMisses++;
                }
                if (track.existence() < parameters.deleteExistence()) {
                    delete(track, t, rough[i], changed);
                    dead[i] = true;
                }
            }
        }
        removeDuplicates(live, rough, dead, hit, t, changed);
        Map<String, Double> birthDensity = birthDensities(observations, used);
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                Observation o = observations.get(j);
                TrackRecord born = initiate(o, z[j], t, birthDensity.get(o.sensorId()));
                if (born != null) {
                    changed.put(born.id, mapper.map(born, born.status, t, born.state.combined()));
                }
            }
        }
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        return new ArrayList<>(changed.values());
    }

    /**
     * Deletes confirmed tracks that have missed several looks in a row while a track within their
     * gate was updated: two tracks on one target, of which only one gets the detections.
     */
    private void removeDuplicates(
            List<TrackRecord> live,
            GaussianState[] predicted,
            boolean[] dead,
            List<TrackRecord> hit,
            Instant t,
            Map<String, EntityTrack> changed) {
        if (hit.isEmpty()) {
            return;
        }
        double[] he = new double[hit.size()];
        double[] hn = new double[hit.size()];
        for (int k = 0; k < hit.size(); k++) {
            GaussianState s = hit.get(k).state.combined();
            he[k] = s.eastM();
            hn[k] = s.northM();
        }
        UniformGrid grid = new UniformGrid(GRID_CELL_M, he, hn, hit.size());
        for (int i = 0; i < live.size(); i++) {
            TrackRecord track = live.get(i);
            if (dead[i] || track.consecutiveMisses < DUPLICATE_MISSES || track.time.equals(t)) {
                continue;
            }
            GaussianState c = predicted[i];
            boolean[] duplicate = {false};
            grid.query(
                    c.eastM(),
                    c.northM(),
                    Math.sqrt(DUPLICATE_GATE * c.maxPositionVarianceM2()) + 200,
                    k -> {
                        GaussianState o = hit.get(k).state.combined();
                        double de = o.eastM() - c.eastM(), dn = o.northM() - c.northM();
                        double a = c.covariance(0, 0) + o.covariance(0, 0);
                        double b = c.covariance(0, 1) + o.covariance(0, 1);
                        double d = c.covariance(1, 1) + o.covariance(1, 1);
                        double det = a * d - b * b;
                        double d2 = (d * de * de - 2 * b * de * dn + a * dn * dn) / det;
                        if (d2 < DUPLICATE_GATE) {
                            duplicate[0] = true;
                        }
                    });
            if (duplicate[0]) {
                delete(track, t, predicted[i], changed);
                dead[i] = true;
            }
        }
    }

    private void delete(
            TrackRecord track,
            Instant t,
            GaussianState predicted,
            Map<String, EntityTrack> changed) {
        track.status = TrackStatus.DELETED;
        changed.put(track.id, mapper.map(track, TrackStatus.DELETED, t, predicted));
        tracks.remove(track.id);
    }

    /**
     * The density of not yet tracked targets per sensor in this batch: the unassigned detections
     * beyond the expected clutter count (less two standard deviations of it), over the coverage
     * area, and at least {@code newTargetDensityPerM2}. At start-up, when every target is new, this
     * makes a single detection credible; in steady state it falls back to the parameter.
     */
    private Map<String, Double> birthDensities(List<Observation> observations, boolean[] used) {
        Map<String, Integer> unassigned = new TreeMap<>();
        for (int j = 0; j < observations.size(); j++) {
            String s = observations.get(j).sensorId();
            unassigned.merge(s, used[j] ? 0 : 1, Integer::sum);
        }
        Map<String, Double> out = new TreeMap<>();
        double floor = parameters.newTargetDensityPerM2();
        for (var e : unassigned.entrySet()) {
            double area = priors.coverageAreaM2(e.getKey());
            double beta = floor;
            if (!Double.isNaN(area)) {
                double clutter = priors.clutterDensity(e.getKey()) * area;
                double excess = e.getValue() - clutter - 2 * Math.sqrt(clutter);
                beta = Math.max(floor, excess / area);
            }
            out.put(e.getKey(), beta);
        }
        return out;
    }

    /** Existence probability of a live track (visible or hidden), or NaN when unknown. */
    public double existenceProbability(String trackId) {
        TrackRecord t = tracks.get(trackId);
        return t == null ? Double.NaN : t.existence();
    }

    private TrackRecord initiate(Observation o, MeasurementModel z, Instant t, double beta) {
        String id = TrackIds.derive(o.sensorId(), t, o.observationId());
        if (tracks.containsKey(id)) {
            return null; // the same observation delivered twice
        }
        double[] c = z.positionCovarianceM2();
        GaussianState s =
                GaussianState.ofPosition(
                        z.eastM(),
                        z.northM(),
                        c[0],
                        c[1],
                        c[2],
                        0.0,
                        0.0,
                        parameters.initialSpeedSigmaMps());
        TrackRecord track =
                new TrackRecord(
                        id,
                        TrackStatus.TENTATIVE,
                        t,
                        ImmState.uniform(s, initialModeProbabilities));
        double clutter = priors.clutterDensity(o.sensorId());
        track.pVisible = beta / (beta + clutter);
        track.pHidden = 0;
        track.pNone = 1 - track.pVisible;
        track.absorb(o);
        if (track.existence() >= parameters.confirmExistence()) {
            track.status = TrackStatus.CONFIRMED;
        }
        tracks.put(id, track);
        return track;
    }

    @Override
    public List<EntityTrack> advanceTo(Instant t) {
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        List<EntityTrack> changed = new ArrayList<>();
        var it = tracks.values().iterator();
        while (it.hasNext()) {
            TrackRecord track = it.next();
            double age = seconds(track.time, t);
            TrackStatus next = track.status;
            if (age > parameters.deleteAfterS()) {
                next = TrackStatus.DELETED;
            } else if (track.status == TrackStatus.CONFIRMED && age > parameters.coastAfterS()) {
                next = TrackStatus.COASTING;
            }
            if (next != track.status) {
                track.status = next;
                GaussianState s = imm.predict(track.state, Math.max(0, age)).combined();
                changed.add(mapper.map(track, next, t, s));
                if (next == TrackStatus.DELETED) {
                    it.remove();
                }
            }
        }
        return changed;
    }

    @Override
    public List<EntityTrack> confirmedTracksAt(Instant t) {
        List<EntityTrack> out = new ArrayList<>();
        for (TrackRecord track : tracks.values()) {
            if (track.isConfirmed()) {
                double dt = Math.max(0.0, seconds(track.time, t));
                GaussianState s = imm.predict(track.state, dt).combined();
                out.add(mapper.map(track, track.status, t, s));
            }
        }
        return out;
    }

    static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond())
                + (to.getNano() - from.getNano()) * 1e-9;
    }

    private static double maxEigenvalue(double a, double b, double d) {
        double half = 0.5 * (a + d);
        double diff = 0.5 * (a - d);
        return half + Math.sqrt(diff * diff + b * b);
    }
}
