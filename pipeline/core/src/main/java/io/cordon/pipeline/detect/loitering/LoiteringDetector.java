package io.cordon.pipeline.detect.loitering;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loitering near the border, per track (keyed by track id).
 *
 * <p>An <i>episode</i> starts at an update within {@link
 * LoiteringParameters#maxDistanceToBorderM()} of a border line and lasts while the track stays
 * within {@link LoiteringParameters#radiusM()} of where it started and near the border. It alerts
 * ({@code NEW}) at the first {@code CONFIRMED} or {@code COASTING} update at which it has lasted
 * {@link LoiteringParameters#minDurationS()} and the time-weighted mean of the track's estimated
 * speed over it, each sample less {@link LoiteringParameters#speedSigmas()} standard deviations of
 * it (not below 0), is at most {@link LoiteringParameters#maxMeanSpeedMps()}; when an alerted
 * episode ends (the track moves away, leaves the border area or is deleted) the same alert id is
 * emitted {@code CLOSED}, with the window from the episode's start to its last update. A new
 * episode then starts where the track is. While the alert is open it is sent again as {@code
 * UPDATE} (same id) at the first update at which the episode has lasted {@link
 * LoiteringParameters#nextUpdateAtS} (2×, 4×, 8× ... minDurationS by default); the evidence {@code
 * revision} counts the messages (0 for {@code NEW}).
 *
 * <p>The evidence's {@code meanSpeedMps} is the mean the test used (each sample less {@code
 * speedSigmas} σ).
 *
 * <p>The id is {@code AlertIds.of(LOITERING, "loitering", [trackId], start)} with the start in
 * epoch milliseconds rounded to the second.
 */
public final class LoiteringDetector implements TrackDetector<LoiteringState> {
    public static final String NAME = "loitering";
    public static final String VERSION = "1.1.0";

    private final BorderMap borders;
    private final LoiteringParameters parameters;

    public LoiteringDetector(BorderMap borders, LoiteringParameters parameters) {
        this.borders = borders;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<LoiteringState> onTrackUpdate(LoiteringState prev, EntityTrack u) {
        if (u.status() == TrackStatus.DELETED) {
            return new DetectorResult<>(
                    null,
                    prev != null && prev.alerted()
                            ? List.of(
                                    alert(
                                            prev,
                                            u,
                                            AlertState.CLOSED,
                                            prev.lastTime(),
                                            prev.revision() + 1))
                            : List.of());
        }
        double speed = slowSpeed(u);
        if (prev == null) {
            return DetectorResult.of(startOrNone(u, speed));
        }
        if (u.time().isBefore(prev.lastTime())) {
            return DetectorResult.of(prev);
        }
        if (!prev.inEpisode()) {
            return DetectorResult.of(startOrNone(u, speed));
        }
        boolean stays =
                Geodesy.distanceM(prev.anchor(), u.position()) <= parameters.radiusM()
                        && nearBorder(u);
        if (!stays) {
            List<Alert> closed =
                    prev.alerted()
                            ? List.of(
                                    alert(
                                            prev,
                                            u,
                                            AlertState.CLOSED,
                                            prev.lastTime(),
                                            prev.revision() + 1))
                            : List.of();
            return new DetectorResult<>(startOrNone(u, speed), closed);
        }
        double dt = Geodesy.secondsBetween(prev.lastTime(), u.time());
        LoiteringState next =
                new LoiteringState(
                        prev.anchor(),
                        prev.start(),
                        u.time(),
                        speed,
                        prev.speedSecondsM() + dt * (prev.lastSpeedMps() + speed) / 2,
                        prev.alerted(),
                        u.position(),
                        prev.revision());
        if (next.alerted()) {
            if (emits(u.status())
                    && Geodesy.secondsBetween(next.start(), next.lastTime())
                            >= parameters.nextUpdateAtS(next.revision())) {
                LoiteringState updated =
                        new LoiteringState(
                                next.anchor(),
                                next.start(),
                                next.lastTime(),
                                next.lastSpeedMps(),
                                next.speedSecondsM(),
                                true,
                                next.lastPosition(),
                                next.revision() + 1);
                return new DetectorResult<>(
                        updated,
                        List.of(
                                alert(
                                        updated,
                                        u,
                                        AlertState.UPDATE,
                                        u.time(),
                                        updated.revision())));
            }
            return DetectorResult.of(next);
        }
        if (!emits(u.status()) || !loitering(next)) {
            return DetectorResult.of(next);
        }
        LoiteringState alerted =
                new LoiteringState(
                        next.anchor(),
                        next.start(),
                        next.lastTime(),
                        next.lastSpeedMps(),
                        next.speedSecondsM(),
                        true,
                        next.lastPosition(),
                        0);
        return new DetectorResult<>(
                alerted, List.of(alert(alerted, u, AlertState.NEW, u.time(), 0)));
    }

    /**
     * The estimated speed less {@code speedSigmas} standard deviations along the velocity (from the
     * track's velocity covariance; none when it has no covariance), not below 0.
     */
    private double slowSpeed(EntityTrack u) {
        double ve = u.velocity().eastMps();
        double vn = u.velocity().northMps();
        double speed = Math.hypot(ve, vn);
        StateCovariance c = u.covariance();
        if (speed == 0 || c == null || parameters.speedSigmas() == 0) {
            return speed;
        }
        double we = ve / speed;
        double wn = vn / speed;
        double var = we * we * c.get(2, 2) + 2 * we * wn * c.get(2, 3) + wn * wn * c.get(3, 3);
        return Math.max(0, speed - parameters.speedSigmas() * Math.sqrt(Math.max(var, 0)));
    }

    private LoiteringState startOrNone(EntityTrack u, double speed) {
        boolean start = nearBorder(u);
        return new LoiteringState(
                start ? u.position() : null,
                start ? u.time() : null,
                u.time(),
                speed,
                0,
                false,
                u.position(),
                0);
    }

    private boolean nearBorder(EntityTrack u) {
        return borders.distanceToBorderM(u.position(), parameters.maxDistanceToBorderM())
                <= parameters.maxDistanceToBorderM();
    }

    private boolean loitering(LoiteringState s) {
        double duration = Geodesy.secondsBetween(s.start(), s.lastTime());
        return duration >= parameters.minDurationS()
                && s.speedSecondsM() / duration <= parameters.maxMeanSpeedMps();
    }

    private static boolean emits(TrackStatus status) {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }

    private Alert alert(
            LoiteringState s, EntityTrack u, AlertState state, Instant end, int revision) {
        double duration = Geodesy.secondsBetween(s.start(), end);
        double mean = duration > 0 ? s.speedSecondsM() / duration : 0;
        long startKey = Math.round(s.start().toEpochMilli() / 1000.0) * 1000;
        double toBorder =
                borders.distanceToBorderM(s.anchor(), parameters.maxDistanceToBorderM() * 2);
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("durationS", Evidence.decimal(duration, 1));
        evidence.put("meanSpeedMps", Evidence.decimal(mean, 2));
        evidence.put(
                "netDisplacementM",
                Evidence.decimal(Geodesy.distanceM(s.anchor(), s.lastPosition()), 1));
        evidence.put("distanceToBorderM", Evidence.decimal(toBorder, 1));
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        evidence.put("anchorLatDeg", Evidence.decimal(s.anchor().latDeg(), 6));
        evidence.put("anchorLonDeg", Evidence.decimal(s.anchor().lonDeg(), 6));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxMeanSpeedMps",
                Evidence.decimal(parameters.maxMeanSpeedMps(), 2));
        evidence.put(Evidence.PARAM_PREFIX + "radiusM", Evidence.decimal(parameters.radiusM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "minDurationS",
                Evidence.decimal(parameters.minDurationS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "speedSigmas",
                Evidence.decimal(parameters.speedSigmas(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "updateFactor",
                Evidence.decimal(parameters.updateFactor(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxDistanceToBorderM",
                Evidence.decimal(parameters.maxDistanceToBorderM(), 1));
        Evidence.addProvenance(evidence, List.of(u));
        String summary =
                String.format(
                        Locale.ROOT,
                        "Track %s %s within %.0f m of %.5f, %.5f for %.0f s at a mean %.2f m/s, %.0f m"
                                + " from the border.",
                        u.trackId(),
                        state == AlertState.CLOSED
                                ? "stopped loitering after staying"
                                : state == AlertState.UPDATE
                                        ? "is still loitering"
                                        : "is loitering",
                        parameters.radiusM(),
                        s.anchor().latDeg(),
                        s.anchor().lonDeg(),
                        duration,
                        mean,
                        toBorder);
        return new Alert(
                AlertIds.of(
                        AlertType.LOITERING, NAME, List.of(u.trackId()), Long.toString(startKey)),
                AlertType.LOITERING,
                parameters.severity(),
                state,
                s.start(),
                end,
                s.anchor(),
                List.of(u.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                u.marking(),
                summary);
    }

    @Override
    public byte[] encodeState(LoiteringState state) {
        return state.toBytes();
    }

    @Override
    public LoiteringState decodeState(byte[] bytes) {
        return LoiteringState.fromBytes(bytes);
    }
}
