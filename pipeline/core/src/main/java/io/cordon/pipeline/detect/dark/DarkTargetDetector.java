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
 * along the track's (predicted) path, the log-probability that every covering sensor missed it
 * ({@link SensorCoverageModel}). The gap of a track observed at least {@link
 * DarkTargetParameters#minObservations()} times alerts {@code NEW} once it has lasted {@link
 * DarkTargetParameters#minGapS()} and that probability is at most {@link
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
    public static final String VERSION = "1.1.0";

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
            return deleted ? DetectorResult.cleared() : DetectorResult.of(observed(u, false));
        }
        if (u.time().isBefore(prev.lastTime())) {
            if (!deleted) {
                return DetectorResult.of(prev);
            }
            return new DetectorResult<>(
                    null, prev.alerted() ? List.of(alert(prev, u, AlertState.CLOSED)) : List.of());
        }
        boolean confirmed = prev.confirmed() || emits(u.status());
        double dt = Geodesy.secondsBetween(prev.lastTime(), u.time());
        DarkState next =
                new DarkState(
                        prev.lastObservedTime(),
                        prev.lastObservedPosition(),
                        prev.lastUpdateCount(),
                        u.time(),
                        u.position(),
                        prev.logMissProbability() + coverage.logMissProbability(u.position(), dt),
                        confirmed,
                        prev.alerted());
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
            return new DetectorResult<>(observed(u, confirmed), alerts);
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
     * already, not confirmed, observed too few times, or outside every sensor's coverage). When the
     * track has left the coverage by then, {@link #onTime} raises nothing and this gives the next
     * time to look.
     */
    @Override
    public Instant dueAt(DarkState s) {
        if (s == null
                || s.alerted()
                || !s.confirmed()
                || s.lastUpdateCount() < parameters.minObservations()) {
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
                true);
    }

    private static DarkState observed(EntityTrack u, boolean confirmedBefore) {
        return new DarkState(
                u.time(),
                u.position(),
                u.updateCount(),
                u.time(),
                u.position(),
                0,
                confirmedBefore || emits(u.status()),
                false);
    }

    private boolean dark(DarkState s) {
        return s.lastUpdateCount() >= parameters.minObservations()
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
        evidence.put("trackStatus", u.status().name());
        if (state == AlertState.CLOSED) {
            evidence.put("reason", deleted ? "deleted" : "reacquired");
        }
        evidence.put(Evidence.PARAM_PREFIX + "minGapS", Evidence.decimal(parameters.minGapS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxMissProbability",
                String.format(Locale.ROOT, "%.3e", parameters.maxMissProbability()));
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
