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
 * ({@link SensorCoverageModel}). The gap alerts {@code NEW} once it has lasted {@link
 * DarkTargetParameters#minGapS()} and that probability is at most {@link
 * DarkTargetParameters#maxMissProbability()}; the next observation emits {@code CLOSED} with the
 * window from the last observation before the gap to the re-acquisition. A track deleted while dark
 * ends its finding with the {@code NEW} alert alone (there is no re-acquisition to report); the
 * deletion update itself is evaluated, so a tracker that deletes unobserved tracks after the
 * minimum gap still yields the finding.
 *
 * <p>The id is {@code AlertIds.of(DARK_TARGET, "dark-target", [trackId], t)} with {@code t} the
 * last observation before the gap, in epoch milliseconds rounded to the second.
 */
public final class DarkTargetDetector implements TrackDetector<DarkState> {
    public static final String NAME = "dark-target";
    public static final String VERSION = "1.0.0";

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
            return deleted ? DetectorResult.cleared() : DetectorResult.of(prev);
        }
        boolean confirmed = prev.confirmed() || emits(u.status());
        if (!deleted
                && u.status() != TrackStatus.COASTING
                && u.updateCount() > prev.lastUpdateCount()) {
            List<Alert> closed =
                    prev.alerted() ? List.of(alert(prev, u, AlertState.CLOSED)) : List.of();
            return new DetectorResult<>(observed(u, confirmed), closed);
        }
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
        if (!next.alerted() && confirmed && dark(next)) {
            alerts.add(alert(next, u, AlertState.NEW));
            next =
                    new DarkState(
                            next.lastObservedTime(),
                            next.lastObservedPosition(),
                            next.lastUpdateCount(),
                            next.lastTime(),
                            next.lastPosition(),
                            next.logMissProbability(),
                            true,
                            true);
        }
        return new DetectorResult<>(deleted ? null : next, alerts);
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
        return Geodesy.secondsBetween(s.lastObservedTime(), s.lastTime()) >= parameters.minGapS()
                && s.logMissProbability() <= Math.log(parameters.maxMissProbability());
    }

    private static boolean emits(TrackStatus status) {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }

    private Alert alert(DarkState s, EntityTrack u, AlertState state) {
        long key = Math.round(s.lastObservedTime().toEpochMilli() / 1000.0) * 1000;
        Instant end = u.time();
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
                                "Track %s observed again at %s after %.0f s dark.",
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
