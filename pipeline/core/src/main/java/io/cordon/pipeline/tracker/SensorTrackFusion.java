package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.CovarianceIntersection;
import io.cordon.pipeline.filter.FlatImm;
import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Track-to-track fusion of sensor tracks ({@link SensorTrackUpdate}: ASTERIX CAT062, partner CoT or
 * SAPIENT tracks, drone tracker output) into the tracker's entity tracks, with a persistent
 * association of each (sensor, local track) to one entity.
 *
 * <ul>
 *   <li><b>First report</b> of a local track (or after its association was released): the entity
 *       whose IMM prediction is closest by the chi-square distance of the two position estimates on
 *       the sum of their covariances (2 dof, the tracker's gate), among entities no other live
 *       local track of the same sensor holds; ties by birth order. None in the gate: a new entity,
 *       confirmed at once (the sensor's own tracker has confirmed its track; its existence starts
 *       at {@code confirmExistence} and takes the report as a detection), with the reported
 *       velocity when there is one (its spread the tracker's velocity prior: reports carry no
 *       velocity covariance, so later reported velocities are not fused).
 *   <li><b>Later reports</b> go to the same entity while they stay compatible: a report beyond the
 *       keep gate ({@value #KEEP_GATE}, chi-square 2 dof at 1 − 10⁻⁶, wider than the first gate:
 *       hysteresis) is skipped; {@value #RELEASE_AFTER_FAILURES} such reports in a row, or one
 *       beyond {@value #CLEAR_FAILURE} (1 − 10⁻¹²: a track number the sensor reused for another
 *       target), release the association and the report is associated afresh.
 *   <li>An association is released when its local track has not reported for {@code 3 ×
 *       coastAfterS} (the local track ended) or its entity was deleted.
 *   <li><b>Update</b>: covariance intersection of the entity's IMM prediction with the reported
 *       estimate, every model with the ω that minimises the fused position covariance's determinant
 *       on the combined prediction ({@link CovarianceIntersection}), so a sensor track reported
 *       every second never becomes more certain than the sensor says, and two trackers' estimates
 *       of one target are never counted as independent. The report counts as a detection for the
 *       entity's existence (the sensor's P_D, likelihood against its clutter and new-target
 *       density) and adds the sensor to the entity's provenance.
 * </ul>
 *
 * <p>Plots and position fixes keep updating the same entities through the measurement-level path of
 * {@link MultiTargetTracker}. Reports of one batch are taken by sensor, local track, observation
 * id: deterministic. The associations are part of the tracker's snapshot.
 */
final class SensorTrackFusion {
    static final double KEEP_GATE = 27.63;
    static final double CLEAR_FAILURE = 55.26;
    static final int RELEASE_AFTER_FAILURES = 3;
    private static final Comparator<Observation> ORDER =
            Comparator.comparing(Observation::sensorId)
                    .thenComparing(o -> ((SensorTrackUpdate) o.measurement()).localTrackId())
                    .thenComparing(Observation::observationId);

    private final MultiTargetTracker tracker;
    private final CovarianceIntersection intersection;
    private final long timeoutNanos;
    final TreeMap<String, SensorTrackLink> links = new TreeMap<>();
    private final double[] predicted;
    private final double[] combined = new double[FlatImm.GAUSSIAN];
    private final double[] rough = new double[FlatImm.GAUSSIAN];
    private final double[] velocity = new double[2];
    private int reportsSincePrune;

    SensorTrackFusion(MultiTargetTracker tracker) {
        this.tracker = tracker;
        this.intersection = new CovarianceIntersection(tracker.imm);
        this.timeoutNanos = (long) (3 * tracker.parameters.coastAfterS() * 1e9);
        this.predicted = new double[tracker.imm.stateLength()];
    }

    /** The entity a sensor's local track is associated with at {@code t}, or null. */
    String entityOf(String sensorId, String localTrackId, Instant t) {
        SensorTrackLink link = links.get(SensorTrackLink.key(sensorId, localTrackId));
        return link != null && valid(link, TrackRecord.nanos(t)) ? link.entityId : null;
    }

    /** Associations still in force at {@code nanos} (for snapshots), in key order. */
    List<SensorTrackLink> liveLinks(long nanos) {
        List<SensorTrackLink> out = new ArrayList<>();
        for (SensorTrackLink link : links.values()) {
            if (valid(link, nanos)) {
                out.add(link);
            }
        }
        return out;
    }

    void restore(Collection<SensorTrackLink> restored) {
        for (SensorTrackLink link : restored) {
            links.put(SensorTrackLink.key(link.sensorId, link.localTrackId), link);
        }
    }

    private boolean valid(SensorTrackLink link, long nanos) {
        return nanos - link.lastReportNanos <= timeoutNanos
                && tracker.byId.containsKey(link.entityId);
    }

    /** Fuses the sensor-track reports of one batch (event time t) into the entities. */
    void fuse(List<Observation> reports, Instant t, long tn, List<EntityTrack> out) {
        Observation[] ordered = reports.toArray(new Observation[0]);
        Arrays.sort(ordered, ORDER);
        for (Observation o : ordered) {
            fuseOne(o, t, tn, out);
        }
        reportsSincePrune += ordered.length;
        if (reportsSincePrune > Math.max(1024, 2 * links.size())) {
            reportsSincePrune = 0;
            links.values().removeIf(link -> !valid(link, tn));
        }
    }

    private void fuseOne(Observation o, Instant t, long tn, List<EntityTrack> out) {
        String local = ((SensorTrackUpdate) o.measurement()).localTrackId();
        String key = SensorTrackLink.key(o.sensorId(), local);
        MeasurementModel z = tracker.converter.convert(o);
        double[] r = z.positionCovarianceM2();
        double ze = z.eastM(), zn = z.northM();
        SensorTrackLink link = links.get(key);
        if (link != null && !valid(link, tn)) {
            links.remove(key);
            link = null;
        }
        if (link != null) {
            TrackRecord entity = tracker.byId.get(link.entityId);
            predict(entity, tn);
            double d2 =
                    CovarianceIntersection.distanceSquared(combined, 0, ze, zn, r[0], r[1], r[2]);
            link.lastReportNanos = Math.max(link.lastReportNanos, tn);
            if (d2 <= KEEP_GATE) {
                link.failures = 0;
                update(entity, o, z, t, tn, out);
                return;
            }
            if (d2 <= CLEAR_FAILURE && ++link.failures < RELEASE_AFTER_FAILURES) {
                return; // one odd report does not move the association
            }
            links.remove(key);
        }
        TrackRecord entity = nearest(o.sensorId(), ze, zn, r, z.maxPositionVarianceM2(), tn);
        if (entity == null) {
            entity = start(o, z, t, out);
            if (entity == null) {
                return;
            }
        } else {
            predict(entity, tn);
            update(entity, o, z, t, tn, out);
        }
        links.put(key, new SensorTrackLink(o.sensorId(), local, entity.id, tn));
    }

    /** The entity's IMM prediction to tn (none when tn is not later) into predicted, combined. */
    private void predict(TrackRecord entity, long tn) {
        double dt = Math.max(0.0, (tn - entity.timeNanos) * 1e-9);
        tracker.imm.predict(
                entity.state, 0, entity.combined, 0, dt, entity.noiseProfile, predicted, 0);
        tracker.imm.combine(predicted, 0, combined, 0);
    }

    /**
     * The live entity in the gate of the estimate (ze, zn, r) with the smallest distance, not held
     * by another live local track of the same sensor; null when none. Leaves its prediction in
     * predicted, combined when found.
     */
    private TrackRecord nearest(
            String sensorId, double ze, double zn, double[] r, double zVar, long tn) {
        Set<String> held = new HashSet<>();
        for (Map.Entry<String, SensorTrackLink> e :
                links.subMap(sensorId + '\u0000', sensorId + '\u0001').entrySet()) {
            if (valid(e.getValue(), tn)) {
                held.add(e.getValue().entityId);
            }
        }
        double gate = tracker.gateThreshold();
        TrackRecord best = null;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (TrackRecord candidate : tracker.live) {
            if (candidate == null
                    || candidate.status == TrackStatus.DELETED
                    || held.contains(candidate.id)) {
                continue;
            }
            double dt = Math.max(0.0, (tn - candidate.timeNanos) * 1e-9);
            tracker.roughPredict(candidate, dt, rough);
            double speed = Math.hypot(rough[2], rough[3]);
            double margin =
                    Math.min(0.5 * speed * tracker.maxTurnRateRadPerS * dt * dt, 2 * speed * dt);
            double reach =
                    1.2 * Math.sqrt(gate * (FlatImm.maxPositionVarianceM2(rough, 0) + zVar))
                            + margin
                            + 10.0;
            double de = rough[0] - ze, dn = rough[1] - zn;
            if (de * de + dn * dn > reach * reach) {
                continue;
            }
            predict(candidate, tn);
            double d2 =
                    CovarianceIntersection.distanceSquared(combined, 0, ze, zn, r[0], r[1], r[2]);
            if (d2 <= gate && d2 < bestD2) {
                bestD2 = d2;
                best = candidate;
            }
        }
        if (best != null) {
            predict(best, tn);
        }
        return best;
    }

    /** Covariance intersection of the prediction in predicted/combined with the report. */
    private void update(
            TrackRecord entity,
            Observation o,
            MeasurementModel z,
            Instant t,
            long tn,
            List<EntityTrack> out) {
        double[] r = z.positionCovarianceM2();
        double omega = CovarianceIntersection.omega(combined, 0, r[0], r[1], r[2]);
        double likelihood =
                intersection.fuse(
                        predicted,
                        0,
                        omega,
                        z.eastM(),
                        z.northM(),
                        r[0],
                        r[1],
                        r[2],
                        entity.state,
                        0);
        if (Double.isNaN(likelihood)) {
            return;
        }
        tracker.imm.combine(entity.state, 0, entity.combined, 0);
        if (tn > entity.timeNanos) {
            entity.time = t;
            entity.timeNanos = tn;
        }
        entity.checkedNanos = Math.max(entity.checkedNanos, tn);
        int k = tracker.priors.indexOf(o.sensorId());
        double density =
                tracker.priors.clutterDensityAt(k, z) + tracker.parameters.newTargetDensityPerM2();
        tracker.existence.predictTo(entity, tn);
        tracker.existence.detected(
                entity,
                tracker.priors.detectionProbability(k),
                likelihood / (density * z.areaToMeasurementDensity()));
        entity.absorb(o);
        entity.measureHeight(o, tn);
        entity.consecutiveMisses = 0;
        if (entity.status == TrackStatus.COASTING
                || (entity.status == TrackStatus.TENTATIVE
                        && entity.existence() >= tracker.parameters.confirmExistence())) {
            entity.status = TrackStatus.CONFIRMED;
        }
        tracker.sync(entity);
        tracker.emit(entity, entity.status, entity.time, entity.combined, 0, out);
    }

    /** A new confirmed entity from a report; null when its id is taken (a duplicate delivery). */
    private TrackRecord start(Observation o, MeasurementModel z, Instant t, List<EntityTrack> out) {
        String id = TrackIds.derive(o.sensorId(), t, o.observationId());
        if (tracker.byId.containsKey(id)) {
            return null;
        }
        double[] c = z.positionCovarianceM2();
        double[] g = combined;
        Arrays.fill(g, 0.0);
        g[0] = z.eastM();
        g[1] = z.northM();
        if (o.velocity() != null) {
            tracker.converter.velocityInPlane(
                    ((SensorTrackUpdate) o.measurement()).fix(), o.velocity(), velocity);
            g[2] = velocity[0];
            g[3] = velocity[1];
        }
        g[4] = c[0];
        g[5] = c[1];
        g[8] = c[2];
        double sv = tracker.parameters.initialSpeedSigmaMps();
        g[11] = sv * sv;
        g[13] = sv * sv;
        TrackRecord entity =
                new TrackRecord(id, TrackStatus.CONFIRMED, t, tracker.imm.stateLength());
        tracker.imm.initialise(g, 0, tracker.initialModeProbabilities, entity.state, 0);
        tracker.imm.combine(entity.state, 0, entity.combined, 0);
        entity.pVisible = tracker.parameters.confirmExistence();
        entity.pHidden = 0;
        entity.pNone = 1 - entity.pVisible;
        // The report is a detection too: at the estimate itself, N(z; z, R) against the density
        // of clutter and new targets.
        int k = tracker.priors.indexOf(o.sensorId());
        double density =
                tracker.priors.clutterDensityAt(k, z) + tracker.parameters.newTargetDensityPerM2();
        double peak = 1 / (2 * Math.PI * Math.sqrt(c[0] * c[2] - c[1] * c[1]));
        tracker.existence.detected(
                entity,
                tracker.priors.detectionProbability(k),
                peak / (density * z.areaToMeasurementDensity()));
        entity.absorb(o);
        entity.measureHeight(o, entity.timeNanos);
        tracker.add(entity);
        tracker.emit(entity, entity.status, t, entity.combined, 0, out);
        return entity;
    }
}
