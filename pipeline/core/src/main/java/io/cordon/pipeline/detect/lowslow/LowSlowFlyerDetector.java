package io.cordon.pipeline.detect.lowslow;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Low-slow flyer, per track: an air track (classified {@code AIRCRAFT} or {@code DRONE}) with no
 * ADS-B address, at most {@link LowSlowFlyerParameters#maxAltitudeM()} high and {@link
 * LowSlowFlyerParameters#maxSpeedMps()} fast, within {@link
 * LowSlowFlyerParameters#maxDistanceToBorderM()} of a border line and heading for it (the distance
 * predicted {@link LowSlowFlyerParameters#lookAheadS()} ahead shrinks by at least {@link
 * LowSlowFlyerParameters#minClosingFraction()} of the distance flown).
 *
 * <p>An episode starts at the first {@code CONFIRMED}/{@code COASTING} update meeting every
 * condition and alerts {@code NEW} once they have held {@link
 * LowSlowFlyerParameters#minDurationS()} (an episode that has not alerted restarts at an update
 * that comes more than {@code minDurationS} after the previous one: the conditions were not seen to
 * hold in between, as when a track coasting for minutes is found again); it ends at the first
 * update that fails one, or at the track's deletion, which emit {@code CLOSED} for an alerted
 * episode. While the alert is open, an update at least {@link
 * LowSlowFlyerParameters#updateDistanceM()} from where the previous message placed the track
 * re-sends it as {@code UPDATE} (same id, the track's position, evidence {@code revision} one
 * more). {@code TENTATIVE} updates and updates older than the last are ignored; {@code DELETED}
 * clears the state. The id is {@code AlertIds.of(LOW_SLOW_FLYER, "low-slow-flyer", [trackId], t)}
 * with {@code t} the episode's start in epoch milliseconds rounded to the second.
 */
public final class LowSlowFlyerDetector implements TrackDetector<LowSlowFlyerState> {
    public static final String NAME = "low-slow-flyer";
    public static final String VERSION = "1.1.0";

    private final BorderMap borders;
    private final LowSlowFlyerParameters parameters;

    public LowSlowFlyerDetector(BorderMap borders, LowSlowFlyerParameters parameters) {
        this.borders = borders;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<LowSlowFlyerState> onTrackUpdate(LowSlowFlyerState prev, EntityTrack u) {
        if (prev != null && u.time().isBefore(prev.lastTime())) {
            return u.status() == TrackStatus.DELETED
                    ? DetectorResult.cleared()
                    : DetectorResult.of(prev);
        }
        if (u.status() == TrackStatus.DELETED) {
            if (prev != null && prev.alerted()) {
                return new DetectorResult<>(
                        null, List.of(alert(prev, u, AlertState.CLOSED, prev.revision() + 1)));
            }
            return DetectorResult.cleared();
        }
        if (u.status() == TrackStatus.TENTATIVE) {
            return prev == null
                    ? DetectorResult.of(new LowSlowFlyerState(u.time(), null, null, false))
                    : DetectorResult.of(
                            new LowSlowFlyerState(
                                    u.time(),
                                    prev.since(),
                                    prev.sincePlace(),
                                    prev.alerted(),
                                    prev.reportedPlace(),
                                    prev.revision()));
        }
        boolean holds = holds(u);
        if (!holds) {
            LowSlowFlyerState idle = new LowSlowFlyerState(u.time(), null, null, false);
            if (prev != null && prev.alerted()) {
                return new DetectorResult<>(
                        idle, List.of(alert(prev, u, AlertState.CLOSED, prev.revision() + 1)));
            }
            return DetectorResult.of(idle);
        }
        boolean alerted = prev != null && prev.since() != null && prev.alerted();
        boolean continues =
                prev != null
                        && prev.since() != null
                        && (alerted
                                || Geodesy.secondsBetween(prev.lastTime(), u.time())
                                        <= parameters.minDurationS());
        Instant since = continues ? prev.since() : u.time();
        GeoPoint place = continues && prev.sincePlace() != null ? prev.sincePlace() : u.position();
        if (alerted) {
            GeoPoint reported = prev.reportedPlace() == null ? place : prev.reportedPlace();
            if (parameters.updateDistanceM() > 0
                    && Geodesy.distanceM(reported, u.position()) >= parameters.updateDistanceM()) {
                LowSlowFlyerState updated =
                        new LowSlowFlyerState(
                                u.time(), since, place, true, u.position(), prev.revision() + 1);
                return new DetectorResult<>(
                        updated, List.of(alert(updated, u, AlertState.UPDATE, updated.revision())));
            }
            return DetectorResult.of(
                    new LowSlowFlyerState(u.time(), since, place, true, reported, prev.revision()));
        }
        if (Geodesy.secondsBetween(since, u.time()) >= parameters.minDurationS()) {
            LowSlowFlyerState done =
                    new LowSlowFlyerState(u.time(), since, place, true, u.position(), 0);
            return new DetectorResult<>(done, List.of(alert(done, u, AlertState.NEW, 0)));
        }
        return DetectorResult.of(new LowSlowFlyerState(u.time(), since, place, false));
    }

    /** Whether this update meets every condition. */
    boolean holds(EntityTrack u) {
        TargetClass c = u.classification().targetClass();
        if (c != TargetClass.AIRCRAFT && c != TargetClass.DRONE) {
            return false;
        }
        if (!u.identity().icao24().isBlank()) {
            return false; // cooperative: ADS-B correlated
        }
        double speed = u.velocity().groundSpeedMps();
        if (u.position().altM() > parameters.maxAltitudeM()
                || speed > parameters.maxSpeedMps()
                || speed <= 0) {
            return false;
        }
        double limit = parameters.maxDistanceToBorderM();
        double now = borders.distanceToBorderM(u.position(), limit);
        if (now > limit) {
            return false;
        }
        double flown = speed * parameters.lookAheadS();
        double ahead =
                borders.distanceToBorderM(
                        Geodesy.predict(u.position(), u.velocity(), parameters.lookAheadS()),
                        limit + flown);
        return now - ahead >= parameters.minClosingFraction() * Math.min(flown, now);
    }

    private Alert alert(LowSlowFlyerState s, EntityTrack u, AlertState state, int revision) {
        long key = Math.round(s.since().toEpochMilli() / 1000.0) * 1000;
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("altitudeM", Evidence.decimal(u.position().altM(), 1));
        evidence.put("speedMps", Evidence.decimal(u.velocity().groundSpeedMps(), 2));
        evidence.put("courseDeg", Evidence.decimal(u.velocity().courseDeg(), 1));
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        evidence.put("startLatDeg", Evidence.decimal(s.sincePlace().latDeg(), 6));
        evidence.put("startLonDeg", Evidence.decimal(s.sincePlace().lonDeg(), 6));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxAltitudeM",
                Evidence.decimal(parameters.maxAltitudeM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxSpeedMps",
                Evidence.decimal(parameters.maxSpeedMps(), 2));
        evidence.put(
                Evidence.PARAM_PREFIX + "maxDistanceToBorderM",
                Evidence.decimal(parameters.maxDistanceToBorderM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "minDurationS",
                Evidence.decimal(parameters.minDurationS(), 1));
        Evidence.addProvenance(evidence, List.of(u));
        evidence.put(
                Evidence.PARAM_PREFIX + "updateDistanceM",
                Evidence.decimal(parameters.updateDistanceM(), 1));
        boolean open = state != AlertState.CLOSED;
        Instant end = open ? u.time() : s.lastTime();
        String summary =
                String.format(
                        Locale.ROOT,
                        "Track %s %s low (%.0f m) and slow (%.0f m/s) without ADS-B towards the"
                                + " border since %s.",
                        u.trackId(),
                        open ? "is flying" : "flew",
                        u.position().altM(),
                        u.velocity().groundSpeedMps(),
                        s.since());
        return new Alert(
                AlertIds.of(
                        AlertType.LOW_SLOW_FLYER, NAME, List.of(u.trackId()), Long.toString(key)),
                AlertType.LOW_SLOW_FLYER,
                parameters.severity(),
                state,
                s.since(),
                end.isBefore(s.since()) ? s.since() : end,
                open ? u.position() : s.sincePlace(),
                List.of(u.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                u.marking(),
                summary);
    }

    @Override
    public byte[] encodeState(LowSlowFlyerState state) {
        return state.toBytes();
    }

    @Override
    public LowSlowFlyerState decodeState(byte[] bytes) {
        return LowSlowFlyerState.fromBytes(bytes);
    }
}
