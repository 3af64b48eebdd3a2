package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dark target, per track (keyed by track id): a confirmed track that goes unobserved while inside
 * the coverage of sensors that should have seen it.
 *
 * <p>An update <i>observes</i> the track when its {@link EntityTrack#updateCount()} grew (a new
 * observation was fused) and it is not {@code COASTING}. Between observations the detector sums,
 * along the path predicted from each update to the next (constant velocity, in steps of at most
 * {@link #MAX_STEP_S}), the log-probability that every covering sensor missed it ({@link
 * SensorCoverageModel}): a track re-acquired or deleted after a long gap is judged by where it was
 * heading, not by the place of that last update. The gap of a track held by at least {@link
 * DarkTargetParameters#minObservations()} observations since it was born or last re-acquired after
 * a gap of {@link DarkTargetParameters#minGapS()} or more alerts {@code NEW} once it has lasted
 * {@link DarkTargetParameters#minGapS()} and that probability is at most {@link
 * DarkTargetParameters#maxMissProbability()}; the next observation emits {@code CLOSED} with the
 * window from the last observation before the gap to the re-acquisition (evidence {@code
 * reason=reacquired}). A track deleted while dark ends its finding with {@code CLOSED} ({@code
 * reason=deleted}, the window up to the deletion); the deletion update itself is evaluated first,
 * so a tracker that deletes unobserved tracks after the minimum gap still yields the finding
 * ({@code NEW} and {@code CLOSED} together).
 *
 * <p>A tracker need not publish anything while a track goes unobserved (the reference tracker sends
 * one coasting update and then nothing until it re-acquires the target): the operator sets an
 * event-time timer at {@link #dueAt} and calls {@link #onTime} when the watermark passes it, which
 * raises the finding on time; without the timer the re-acquisition raises {@code NEW} and {@code
 * CLOSED} together (late).
 *
 * <p>The id is {@code AlertIds.of(DARK_TARGET, "dark-target", [trackId], t)} with {@code t} the
 * last observation before the gap, in epoch milliseconds rounded to the second.
 */
public final class DarkTargetDetector implements TrackDetector<DarkState> {
    public static final String NAME = "dark-target";
    public static final String VERSION = "1.2.0";

    /** Longest step of the predicted path along which a gap's miss probability is summed, s. */
    static final double MAX_STEP_S = 1.0;

    /**
     * Most steps per interval between updates (a longer one takes longer steps): bounds the cost.
     */
    static final int MAX_STEPS = 600;

    private final SensorCoverageModel coverage;
    private final DarkTargetParameters parameters;

    public DarkTargetDetector(SensorCoverageModel coverage, DarkTargetParameters parameters) {
        this.coverage = coverage;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<DarkState> onTrackUpdate(DarkState prev, EntityTrack u) {
        boolean deleted = u.status() == TrackStatus.DELETED;
        if (prev == null) {
            return deleted
                    ? DetectorResult.cleared()
                    : DetectorResult.of(observed(u, false, u.updateCount()));
        }
        if (u.time().isBefore(prev.lastTime())) {
            if (!deleted) {
                return DetectorResult.of(prev);
            }
            return new DetectorResult<>(
                    null, prev.alerted() ? List.of(alert(prev, u, AlertState.CLOSED)) : List.of());
        }
        boolean confirmed = prev.confirmed() || emits(u.status());
        // Summed along the path predicted from the previous update, not at this update's place: a
        // re-acquisition after a long gap says where the target is now, not where it was.
        DarkState next =
                new DarkState(
                        prev.lastObservedTime(),
                        prev.lastObservedPosition(),
                        prev.lastUpdateCount(),
                        u.time(),
                        u.position(),
                        prev.logMissProbability() + accrued(prev, u.time()),
                        confirmed,
                        prev.alerted(),
                        prev.heldObservations(),
                        u.velocity().eastMps(),
                        u.velocity().northMps());
        List<Alert> alerts = new ArrayList<>();
        boolean observes =
                !deleted
                        && u.status() != TrackStatus.COASTING
                        && u.updateCount() > prev.lastUpdateCount();
        if (!next.alerted() && confirmed && dark(next)) {
            // Due now; on a re-acquisition the finding is made late (no update came in the gap and
            // no timer called onTime), and closes at once.
            alerts.add(alert(next, u, AlertState.NEW));
            next = alerted(next);
        }
        if (observes) {
            if (next.alerted()) {
                alerts.add(alert(next, u, AlertState.CLOSED));
            }
            // A re-acquisition after a gap as long as a finding's starts the count again: one stray
            // detection fused into a coasting track does not make it held.
            long fused = u.updateCount() - prev.lastUpdateCount();
            boolean reacquired =
                    Geodesy.secondsBetween(prev.lastObservedTime(), u.time())
                            >= parameters.minGapS();
            long held = reacquired ? fused : prev.heldObservations() + fused;
            return new DetectorResult<>(observed(u, confirmed, held), alerts);
        }
        if (deleted && next.alerted()) {
            // The track ends while dark: close the finding, nothing will re-acquire it.
            alerts.add(alert(next, u, AlertState.CLOSED));
        }
        return new DetectorResult<>(deleted ? null : next, alerts);
    }

    /**
     * No update of the track has come until {@code now} (event time: a timer at {@link #dueAt} when
     * the watermark passes it): the gap is evaluated as if the track had coasted from {@code last},
     * its latest update, to {@code now} at its last velocity, and alerts {@code NEW} if it is due.
     * Without it a tracker that publishes nothing while a track goes unobserved gets the finding
     * only at re-acquisition or deletion.
     */
    @Override
    public DetectorResult<DarkState> onTime(DarkState prev, EntityTrack last, Instant now) {
        if (prev == null || !now.isAfter(prev.lastTime())) {
            return DetectorResult.of(prev);
        }
        double dt = Geodesy.secondsBetween(last.time(), now);
        EntityTrack coast =
                new EntityTrack(
                        last.trackId(),
                        TrackStatus.COASTING,
                        now,
                        Geodesy.predict(last.position(), last.velocity(), dt),
                        last.velocity(),
                        last.covariance(),
                        last.sensorIds(),
                        last.partnerIds(),
                        last.identity(),
                        last.classification(),
                        last.marking(),
                        prev.lastUpdateCount());
        return onTrackUpdate(prev, coast);
    }

    /**
     * When the current gap becomes a finding if nothing is heard of the track (at least {@link
     * DarkTargetParameters#minGapS()} after the last observation and the miss probability, accrued
     * at the last position's coverage, at most the limit), or null when none is pending (alerted
     * already, not confirmed, held by too few observations, or outside every sensor's coverage). A
     * first guess from the coverage at the latest place: when the predicted path has left the
     * coverage by then, {@link #onTime} raises nothing and this gives the next time to look.
     */
    @Override
    public Instant dueAt(DarkState s) {
        if (s == null
                || s.alerted()
                || !s.confirmed()
                || s.heldObservations() < parameters.minObservations()) {
            return null;
        }
        double perSecond = coverage.logMissProbability(s.lastPosition(), 1.0);
        double missing = Math.log(parameters.maxMissProbability()) - s.logMissProbability();
        double byProbability;
        if (missing >= 0) {
            byProbability = 0;
        } else if (perSecond < 0) {
            byProbability = missing / perSecond;
        } else {
            return null;
        }
        double byGap =
                parameters.minGapS() - Geodesy.secondsBetween(s.lastObservedTime(), s.lastTime());
        double after = Math.max(0, Math.max(byGap, byProbability));
        return s.lastTime().plusMillis((long) Math.ceil(after * 1000));
    }

    private static DarkState alerted(DarkState s) {
        return new DarkState(
                s.lastObservedTime(),
                s.lastObservedPosition(),
                s.lastUpdateCount(),
                s.lastTime(),
                s.lastPosition(),
                s.logMissProbability(),
                true,
                true,
                s.heldObservations(),
                s.lastEastMps(),
                s.lastNorthMps());
    }

    private static DarkState observed(EntityTrack u, boolean confirmedBefore, long held) {
        return new DarkState(
                u.time(),
                u.position(),
                u.updateCount(),
                u.time(),
                u.position(),
                0,
                confirmedBefore || emits(u.status()),
                false,
                held,
                u.velocity().eastMps(),
                u.velocity().northMps());
    }

    /**
     * Natural log of the probability that the covering sensors all missed the target from the
     * state's latest update to {@code to}, along the path predicted from that update at its
     * velocity: in steps of at most {@link #MAX_STEP_S} (at most {@link #MAX_STEPS} of them), each
     * taking the coverage at its midpoint.
     */
    private double accrued(DarkState s, Instant to) {
        double total = Geodesy.secondsBetween(s.lastTime(), to);
        if (!(total > 0)) {
            return 0;
        }
        int steps = (int) Math.min(MAX_STEPS, Math.ceil(total / MAX_STEP_S));
        double h = total / steps;
        Velocity v = new Velocity(s.lastEastMps(), s.lastNorthMps(), 0);
        double log = 0;
        for (int k = 0; k < steps; k++) {
            log +=
                    coverage.logMissProbability(
                            Geodesy.predict(s.lastPosition(), v, (k + 0.5) * h), h);
        }
        return log;
    }

    private boolean dark(DarkState s) {
        return s.heldObservations() >= parameters.minObservations()
                && Geodesy.secondsBetween(s.lastObservedTime(), s.lastTime())
                        >= parameters.minGapS()
                && s.logMissProbability() <= Math.log(parameters.maxMissProbability());
    }

    private static boolean emits(TrackStatus status) {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }

    private Alert alert(DarkState s, EntityTrack u, AlertState state) {
        long key = Math.round(s.lastObservedTime().toEpochMilli() / 1000.0) * 1000;
        Instant end = u.time().isBefore(s.lastTime()) ? s.lastTime() : u.time();
        boolean deleted = u.status() == TrackStatus.DELETED;
        double gap = Geodesy.secondsBetween(s.lastObservedTime(), end);
        List<String> covering =
                coverage.covering(s.lastPosition()).stream().map(SensorConfig::id).toList();
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("gapS", Evidence.decimal(gap, 1));
        evidence.put(
                "missProbability",
                String.format(Locale.ROOT, "%.3e", Math.exp(s.logMissProbability())));
        evidence.put("coveringSensors", String.join(",", covering));
        evidence.put("lastObservedAt", s.lastObservedTime().toString());
        evidence.put("heldObservations", Long.toString(s.heldObservations()));
        evidence.put("trackStatus", u.status().name());
        if (state == AlertState.CLOSED) {
            evidence.put("reason", deleted ? "deleted" : "reacquired");
        }
        evidence.put(Evidence.PARAM_PREFIX + "minGapS", Evidence.decimal(parameters.minGapS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxMissProbability",
                String.format(Locale.ROOT, "%.3e", parameters.maxMissProbability()));
        evidence.put(
                Evidence.PARAM_PREFIX + "minObservations",
                Integer.toString(parameters.minObservations()));
        Evidence.addProvenance(evidence, List.of(u));
        String summary =
                state == AlertState.NEW
                        ? String.format(
                                Locale.ROOT,
                                "Track %s unobserved for %.0f s since %s inside the coverage of %s.",
                                u.trackId(),
                                gap,
                                s.lastObservedTime(),
                                covering.isEmpty() ? "no sensor now" : String.join(", ", covering))
                        : String.format(
                                Locale.ROOT,
                                deleted
                                        ? "Track %s deleted at %s after %.0f s dark."
                                        : "Track %s observed again at %s after %.0f s dark.",
                                u.trackId(),
                                end,
                                gap);
        return new Alert(
                AlertIds.of(AlertType.DARK_TARGET, NAME, List.of(u.trackId()), Long.toString(key)),
                AlertType.DARK_TARGET,
                parameters.severity(),
                state,
                s.lastObservedTime(),
                end,
                s.lastObservedPosition(),
                List.of(u.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                u.marking(),
                summary);
    }

    @Override
    public byte[] encodeState(DarkState state) {
        return state.toBytes();
    }

    @Override
    public DarkState decodeState(byte[] bytes) {
        return DarkState.fromBytes(bytes);
    }
}
