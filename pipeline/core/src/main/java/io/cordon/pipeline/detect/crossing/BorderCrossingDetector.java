package io.cordon.pipeline.detect.crossing;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.border.BorderCrossing;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Border crossing away from a port of entry, per track (keyed by track id).
 *
 * <p>Each update's move from the previous position is tested with {@link BorderMap#crossing}; the
 * crossing time is interpolated linearly along the move. A crossing is <i>pending</i> until the
 * track is at least {@link BorderCrossingParameters#hysteresisM()} from every border line; a
 * crossing back to where the pending one came from cancels it. So a track that jitters on the line
 * alerts at most once, when it finally moves clear, with the time and place of its last crossing.
 *
 * <p>Only {@code CONFIRMED} and {@code COASTING} updates emit; a crossing made while the track was
 * {@code TENTATIVE} stays pending and alerts at the first confirmed update. {@code DELETED} clears
 * the state; its own position still counts, so a track confirmed at some time whose deletion update
 * is the one that puts it past the hysteresis distance still alerts. A crossing at a port of entry
 * alerts only when {@link BorderCrossingParameters#alertAtPortsOfEntry()} is set. Maritime control
 * lines ({@link BorderMap} class doc) are crossed the same way, with the same hysteresis from the
 * line and ports of entry at sea; their alerts carry the line's name as evidence {@code
 * controlLine}.
 *
 * <p>The alert id is {@code AlertIds.of(BORDER_CROSSING, "border-crossing", [trackId], t)} with
 * {@code t} the crossing time in epoch milliseconds rounded to the second, so replays give the same
 * id.
 */
public final class BorderCrossingDetector implements TrackDetector<CrossingState> {
    public static final String NAME = "border-crossing";
    public static final String VERSION = "1.0.0";

    private final BorderMap borders;
    private final BorderCrossingParameters parameters;

    public BorderCrossingDetector(BorderMap borders, BorderCrossingParameters parameters) {
        this.borders = borders;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<CrossingState> onTrackUpdate(CrossingState previous, EntityTrack update) {
        boolean deleted = update.status() == TrackStatus.DELETED;
        if (previous == null) {
            return deleted
                    ? DetectorResult.cleared()
                    : DetectorResult.of(
                            CrossingState.at(
                                    update.position(),
                                    update.time(),
                                    borders.countryAt(update.position()).orElse(""),
                                    emits(update.status())));
        }
        if (update.time().isBefore(previous.lastTime())) {
            // out of order: the tracker's job, not ours
            return deleted ? DetectorResult.cleared() : DetectorResult.of(previous);
        }
        CrossingState state = afterMove(previous, update);
        boolean mayAlert = emits(update.status()) || (deleted && state.confirmed());
        if (!state.hasPending()
                || !mayAlert
                || borders.distanceToAnyLineM(update.position(), parameters.hysteresisM())
                        < parameters.hysteresisM()) {
            return deleted ? DetectorResult.cleared() : DetectorResult.of(state);
        }
        CrossingState settled =
                deleted
                        ? null
                        : CrossingState.at(
                                state.lastPosition(), state.lastTime(), state.lastCountry(), true);
        if (state.pendingAtPort() && !parameters.alertAtPortsOfEntry()) {
            return DetectorResult.of(settled);
        }
        return new DetectorResult<>(settled, List.of(alert(state, update)));
    }

    private CrossingState afterMove(CrossingState previous, EntityTrack update) {
        boolean confirmed = previous.confirmed() || emits(update.status());
        var crossing = borders.crossing(previous.lastPosition(), update.position());
        if (crossing.isEmpty()) {
            return new CrossingState(
                    update.position(),
                    update.time(),
                    previous.lastCountry(),
                    previous.pendingPlace(),
                    previous.pendingTime(),
                    previous.pendingFrom(),
                    previous.pendingTo(),
                    previous.pendingAtPort(),
                    previous.pendingPortName(),
                    confirmed,
                    previous.pendingControlLine());
        }
        BorderCrossing c = crossing.get();
        if (previous.hasPending()
                && c.toCountry().equals(previous.pendingFrom())
                && c.controlLine().equals(previous.pendingControlLine())) {
            // went back
            return CrossingState.at(update.position(), update.time(), c.toCountry(), confirmed);
        }
        String from = previous.hasPending() ? previous.pendingFrom() : c.fromCountry();
        return new CrossingState(
                update.position(),
                update.time(),
                c.toCountry(),
                c.place(),
                interpolate(previous.lastTime(), update.time(), c.fraction()),
                from,
                c.toCountry(),
                c.atPortOfEntry(),
                c.portName(),
                confirmed,
                c.controlLine());
    }

    private static boolean emits(TrackStatus status) {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }

    private Alert alert(CrossingState s, EntityTrack update) {
        Instant when = s.pendingTime();
        long roundedMs = Math.round(when.toEpochMilli() / 1000.0) * 1000;
        Severity severity =
                s.pendingAtPort() ? parameters.portOfEntrySeverity() : parameters.severity();
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("fromCountry", s.pendingFrom());
        evidence.put("toCountry", s.pendingTo());
        evidence.put("atPortOfEntry", Boolean.toString(s.pendingAtPort()));
        evidence.put("portOfEntry", s.pendingPortName());
        if (!s.pendingControlLine().isEmpty()) {
            evidence.put("controlLine", s.pendingControlLine());
        }
        evidence.put("crossingLatDeg", Evidence.decimal(s.pendingPlace().latDeg(), 6));
        evidence.put("crossingLonDeg", Evidence.decimal(s.pendingPlace().lonDeg(), 6));
        evidence.put("confirmedAt", update.time().toString());
        evidence.put("speedMps", Evidence.decimal(update.velocity().groundSpeedMps(), 2));
        evidence.put("courseDeg", Evidence.decimal(update.velocity().courseDeg(), 1));
        evidence.put("trackStatus", update.status().name());
        evidence.put(
                Evidence.PARAM_PREFIX + "hysteresisM",
                Evidence.decimal(parameters.hysteresisM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "alertAtPortsOfEntry",
                Boolean.toString(parameters.alertAtPortsOfEntry()));
        Evidence.addProvenance(evidence, List.of(update));
        String where =
                s.pendingAtPort()
                        ? "at the " + s.pendingPortName() + " port of entry"
                        : "away from any port of entry";
        String summary =
                String.format(
                        java.util.Locale.ROOT,
                        "Track %s crossed from %s into %s %s at %.5f, %.5f at %s, moving %.1f m/s"
                                + " on course %03.0f°.",
                        update.trackId(),
                        s.pendingFrom(),
                        s.pendingTo(),
                        where,
                        s.pendingPlace().latDeg(),
                        s.pendingPlace().lonDeg(),
                        when,
                        update.velocity().groundSpeedMps(),
                        update.velocity().courseDeg());
        return new Alert(
                AlertIds.of(
                        AlertType.BORDER_CROSSING,
                        NAME,
                        List.of(update.trackId()),
                        Long.toString(roundedMs)),
                AlertType.BORDER_CROSSING,
                severity,
                AlertState.NEW,
                when,
                when,
                s.pendingPlace(),
                List.of(update.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                update.marking(),
                summary);
    }

    private static Instant interpolate(Instant a, Instant b, double fraction) {
        long spanNanos = Duration.between(a, b).toNanos();
        long offsetMs = Math.round(spanNanos * fraction / 1e6);
        return a.plusMillis(offsetMs);
    }

    @Override
    public byte[] encodeState(CrossingState state) {
        return state.toBytes();
    }

    @Override
    public CrossingState decodeState(byte[] bytes) {
        return CrossingState.fromBytes(bytes);
    }
}
