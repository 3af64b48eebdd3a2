package io.cordon.pipeline.tracker;

import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import io.cordon.pipeline.association.ChiSquareGate;
import io.cordon.pipeline.association.GatedPair;
import io.cordon.pipeline.association.GlobalNearestNeighbourAssociator;
import io.cordon.pipeline.association.UniformGrid;
import io.cordon.pipeline.filter.ConstantVelocityModel;
import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.filter.Innovation;
import io.cordon.pipeline.filter.KalmanUpdater;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.MotionModel;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Duration;
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
 * <p>Per batch: predict every live track to the batch time (near-constant velocity), gate each
 * observation against each nearby track (spatial grid, then chi-square on the innovation of the
 * observation's own model: EKF for radar plots, linear for position fixes), assign by global
 * nearest neighbour on log-likelihood-ratio costs, update, and start a tentative track on every
 * unassigned observation (zero velocity, wide velocity prior). Tentative tracks are confirmed by
 * M hits in the last N opportunities; confirmed tracks coast, then are deleted, by time since
 * their last update.
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

    final TrackerParameters parameters;
    final LocalTangentPlane plane;
    private final ObservationConverter converter;
    private final EntityTrackMapper mapper;
    private final MotionModel motion;
    private final ChiSquareGate gate;
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
        this.motion = new ConstantVelocityModel(parameters.processNoiseM2PerS3());
        this.gate = ChiSquareGate.of(parameters.gateProbability(), 2);
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
        double maxMeasurementVariance = 0;
        for (int j = 0; j < m; j++) {
            z[j] = converter.convert(observations.get(j));
            ze[j] = z[j].eastM();
            zn[j] = z[j].northM();
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
        GaussianState[] predicted = new GaussianState[n];
        UniformGrid grid = new UniformGrid(GRID_CELL_M, ze, zn, m);
        List<GatedPair> pairs = new ArrayList<>();
        double pd = parameters.detectionProbability();
        double missTerm = Math.log(pd) - Math.log1p(-pd);
        double lnClutter = Math.log(parameters.clutterDensityPerM2());
        for (int i = 0; i < n; i++) {
            TrackRecord track = live.get(i);
            double dt = Math.max(0.0, seconds(track.time, t));
            GaussianState p = motion.predict(track.state, dt);
            predicted[i] = p;
            double radius =
                    1.05
                            * Math.sqrt(
                                    gate.threshold()
                                            * (p.maxPositionVarianceM2() + maxMeasurementVariance));
            final int ti = i;
            grid.query(
                    p.eastM(),
                    p.northM(),
                    radius,
                    j -> {
                        Observation o = observations.get(j);
                        if (track.conflictsWith(o.identity())) {
                            return;
                        }
                        Innovation innovation = z[j].innovation(p);
                        double d2 = innovation.mahalanobisSquared();
                        if (!gate.accepts(d2)) {
                            return;
                        }
                        double llr =
                                missTerm
                                        + innovation.logLikelihood()
                                        - lnClutter
                                        - Math.log(z[j].areaToMeasurementDensity());
                        if (track.sharesIdentityWith(o.identity())) {
                            llr += IDENTITY_MATCH_BONUS;
                        }
                        pairs.add(new GatedPair(ti, j, -llr));
                    });
        }
        int[] assigned = associator.associate(n, m, pairs);
        boolean[] used = new boolean[m];
        for (int i = 0; i < n; i++) {
            TrackRecord track = live.get(i);
            int j = assigned[i];
            boolean opportunity = !track.sensorIds.isEmpty()
                    && !java.util.Collections.disjoint(track.sensorIds, batchSensors);
            if (j >= 0) {
                used[j] = true;
                GaussianState p = predicted[i];
                track.state = KalmanUpdater.update(p, z[j].innovation(p));
                if (t.isAfter(track.time)) {
                    track.time = t;
                }
                track.absorb(observations.get(j));
                track.history = (track.history << 1) | 1;
                if (track.status == TrackStatus.TENTATIVE) {
                    if (Integer.bitCount(track.history & windowMask()) >= parameters.confirmHits()) {
                        track.status = TrackStatus.CONFIRMED;
                    }
                } else {
                    track.status = TrackStatus.CONFIRMED;
                }
                changed.put(track.id, mapper.map(track, track.status, track.time, track.state));
            } else if (opportunity) {
                track.history = track.history << 1;
            }
        }
        for (int j = 0; j < m; j++) {
            if (!used[j]) {
                TrackRecord born = initiate(observations.get(j), z[j], t);
                if (born != null) {
                    changed.put(born.id, mapper.map(born, born.status, t, born.state));
                }
            }
        }
        if (clock == null || t.isAfter(clock)) {
            clock = t;
        }
        return new ArrayList<>(changed.values());
    }

    private TrackRecord initiate(Observation o, MeasurementModel z, Instant t) {
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
        TrackRecord track = new TrackRecord(id, TrackStatus.TENTATIVE, t, s);
        track.absorb(o);
        track.history = 1;
        if (parameters.confirmHits() == 1) {
            track.status = TrackStatus.CONFIRMED;
        }
        tracks.put(id, track);
        return track;
    }

    private int windowMask() {
        return (1 << parameters.confirmWindow()) - 1;
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
            switch (track.status) {
                case TENTATIVE -> {
                    if (age > parameters.tentativeTimeoutS()) {
                        next = TrackStatus.DELETED;
                    }
                }
                case CONFIRMED, COASTING -> {
                    if (age > parameters.deleteAfterS()) {
                        next = TrackStatus.DELETED;
                    } else if (age > parameters.coastAfterS()) {
                        next = TrackStatus.COASTING;
                    }
                }
                case DELETED -> next = TrackStatus.DELETED;
            }
            if (next != track.status) {
                track.status = next;
                changed.add(
                        mapper.map(track, next, t, motion.predict(track.state, Math.max(0, age))));
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
                out.add(mapper.map(track, track.status, t, motion.predict(track.state, dt)));
            }
        }
        return out;
    }

    static double seconds(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.getSeconds() + d.getNano() * 1e-9;
    }

    private static double maxEigenvalue(double a, double b, double d) {
        double half = 0.5 * (a + d);
        double diff = 0.5 * (a - d);
        return half + Math.sqrt(diff * diff + b * b);
    }
}
