package io.cordon.pipeline.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.detect.convoy.ConvoyAlertReconciler;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyReconcilerState;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs detectors over a finished list of track updates in one loop, in the order the streaming
 * operators use: a {@link TrackDetector} sees each track's updates in list order; a {@link
 * KeyedTrackDetector} sees, at each of its keys, the updates sorted by (event time, track id), ties
 * in list order, which is the order the keyed operator releases them in on the watermark. The state
 * passes through its bytes between updates, as it does in the operators' state backends.
 *
 * <p>The event-time hooks run as the operators run them, with the end of the list as a watermark
 * past every due time: a per-track detector's {@link TrackDetector#onTime} at its {@link
 * TrackDetector#dueAt} before the track's next update at or after it (with the track's latest
 * update), and after the last; a keyed detector's {@link KeyedTrackDetector#expire} at each {@link
 * KeyedTrackDetector#expiresAt} earlier than the key's next update, and after the last.
 */
public final class DetectorReplay {
    private DetectorReplay() {}

    /** Receives each alert with the update that raised it. */
    @FunctionalInterface
    public interface Sink {
        void raised(EntityTrack by, Alert alert);
    }

    /** The alerts of a per-track detector, in the order it emits them. */
    public static <S> List<Alert> perTrack(TrackDetector<S> detector, List<EntityTrack> updates) {
        List<Alert> alerts = new ArrayList<>();
        perTrack(detector, updates, (by, a) -> alerts.add(a));
        return alerts;
    }

    /**
     * Runs a per-track detector, giving every alert to {@code sink} as it is raised (the alerts of
     * {@link TrackDetector#onTime} with the track's latest update).
     */
    public static <S> void perTrack(
            TrackDetector<S> detector, List<EntityTrack> updates, Sink sink) {
        Map<String, S> states = new LinkedHashMap<>();
        Map<String, EntityTrack> last = new HashMap<>();
        for (EntityTrack t : updates) {
            String id = t.trackId();
            S s = states.get(id);
            s = fire(detector, s, last.get(id), t.time(), sink);
            DetectorResult<S> r = detector.onTrackUpdate(s, t);
            put(detector, states, id, r.newState());
            EntityTrack before = last.get(id);
            if (r.stateCleared()) {
                last.remove(id);
            } else if (before == null || !t.time().isBefore(before.time())) {
                last.put(id, t);
            }
            r.alerts().forEach(a -> sink.raised(t, a));
        }
        // The end of the input: the watermark passes every due time.
        for (String id : new ArrayList<>(states.keySet())) {
            put(detector, states, id, fire(detector, states.get(id), last.get(id), null, sink));
        }
    }

    private static <S> S fire(
            TrackDetector<S> detector, S s, EntityTrack last, Instant upTo, Sink sink) {
        Instant due = s == null ? null : detector.dueAt(s);
        while (s != null && due != null && last != null && (upTo == null || !due.isAfter(upTo))) {
            DetectorResult<S> r = detector.onTime(s, last, due);
            r.alerts().forEach(a -> sink.raised(last, a));
            s = r.newState() == null ? null : roundTrip(detector, r.newState());
            Instant again = s == null ? null : detector.dueAt(s);
            if (again != null && !again.isAfter(due)) {
                break; // as the operator: a hook that does not advance is not set again
            }
            due = again;
        }
        return s;
    }

    private static <S> S roundTrip(TrackDetector<S> detector, S s) {
        return detector.decodeState(detector.encodeState(s));
    }

    private static <S> void put(TrackDetector<S> detector, Map<String, S> states, String id, S s) {
        if (s == null) {
            states.remove(id);
        } else {
            states.put(id, roundTrip(detector, s));
        }
    }

    /** The alerts of a detector over several tracks, key by key in order of first use. */
    public static <S> List<Alert> keyed(KeyedTrackDetector<S> detector, List<EntityTrack> updates) {
        Map<String, List<Alert>> byKey = new LinkedHashMap<>();
        keyed(
                detector,
                updates,
                (key, by, a) -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a));
        List<Alert> alerts = new ArrayList<>();
        byKey.values().forEach(alerts::addAll);
        return alerts;
    }

    /** Receives each alert with the key and the update that raised it. */
    @FunctionalInterface
    public interface KeyedSink {
        void raised(String key, EntityTrack by, Alert alert);
    }

    /**
     * Runs a keyed detector in event order, giving every alert to {@code sink} as it is raised; as
     * in the detection job, the convoy tiles' alerts pass its {@link ConvoyAlertReconciler} (see
     * {@link #reconciled}).
     */
    public static <S> void keyed(
            KeyedTrackDetector<S> detector, List<EntityTrack> updates, KeyedSink sink) {
        if (detector instanceof ConvoyDetector convoy) {
            reconciled(new ConvoyAlertReconciler(convoy.parameters()), detector, updates, sink);
        } else {
            perKey(detector, updates, sink);
        }
    }

    /**
     * Each key's alerts as the keyed operator raises them, before any stage downstream of it: in
     * event order, every alert to {@code sink} as it is raised.
     */
    public static <S> void perKey(
            KeyedTrackDetector<S> detector, List<EntityTrack> updates, KeyedSink sink) {
        List<EntityTrack> ordered = new ArrayList<>(updates);
        ordered.sort(eventOrder()); // stable: ties keep list order
        Map<String, S> states = new LinkedHashMap<>();
        Map<String, EntityTrack> lastBy = new HashMap<>();
        for (EntityTrack t : ordered) {
            for (String key : detector.keysFor(t)) {
                S s =
                        expire(
                                detector,
                                states.get(key),
                                key,
                                t.time(),
                                false,
                                lastBy.get(key),
                                sink);
                DetectorResult<S> r = detector.onTrackUpdate(s, key, t);
                putKeyed(detector, states, key, r.newState());
                lastBy.put(key, t);
                r.alerts().forEach(a -> sink.raised(key, t, a));
            }
        }
        // The end of the input: the watermark passes every expiry.
        for (String key : new ArrayList<>(states.keySet())) {
            putKeyed(
                    detector,
                    states,
                    key,
                    expire(detector, states.get(key), key, null, true, lastBy.get(key), sink));
        }
    }

    private record Raised(String key, EntityTrack by, Alert alert) {}

    /**
     * The keys' alerts through the convoy reconciler, as its operator in the detection job gets
     * them: sorted (stable: a key's alerts of one time keep their order) by {@link
     * ConvoyAlertReconciler#ORDER}, and the held hand-overs sent as event time passes them and at
     * the end. Each alert goes to {@code sink} with the key and update of the alert it stands for.
     */
    private static <S> void reconciled(
            ConvoyAlertReconciler reconciler,
            KeyedTrackDetector<S> detector,
            List<EntityTrack> updates,
            KeyedSink sink) {
        List<Raised> raised = new ArrayList<>();
        perKey(detector, updates, (key, by, a) -> raised.add(new Raised(key, by, a)));
        raised.sort(Comparator.comparing(Raised::alert, ConvoyAlertReconciler.ORDER));
        Map<String, Raised> byView = new HashMap<>();
        ConvoyReconcilerState s = null;
        for (Raised r : raised) {
            DetectorResult<ConvoyReconcilerState> due =
                    reconciler.advance(s, ConvoyAlertReconciler.raisedAt(r.alert()));
            sendHeld(due.alerts(), byView, sink);
            byView.put(r.alert().alertId(), r);
            DetectorResult<ConvoyReconcilerState> out =
                    reconciler.accept(due.newState(), r.alert());
            out.alerts().forEach(a -> sink.raised(r.key(), r.by(), a));
            s =
                    out.newState() == null
                            ? null
                            : ConvoyReconcilerState.fromBytes(out.newState().toBytes());
        }
        sendHeld(reconciler.advance(s, null).alerts(), byView, sink);
    }

    private static void sendHeld(List<Alert> held, Map<String, Raised> byView, KeyedSink sink) {
        for (Alert a : held) {
            Raised from =
                    byView.get(
                            a.evidence()
                                    .getOrDefault(
                                            ConvoyAlertReconciler.TILE_ALERT_ID, a.alertId()));
            sink.raised(from.key(), from.by(), a);
        }
    }

    /** Expires while the expiry is before {@code before} (null: always), as the operator does. */
    private static <S> S expire(
            KeyedTrackDetector<S> detector,
            S s,
            String key,
            Instant before,
            boolean all,
            EntityTrack by,
            KeyedSink sink) {
        Instant at;
        while (s != null && (at = detector.expiresAt(s)) != null && (all || at.isBefore(before))) {
            DetectorResult<S> r = detector.expire(s, key, at);
            r.alerts().forEach(a -> sink.raised(key, by, a));
            s =
                    r.newState() == null
                            ? null
                            : detector.decodeState(detector.encodeState(r.newState()));
            Instant again = s == null ? null : detector.expiresAt(s);
            if (again != null && !again.isAfter(at)) {
                break;
            }
        }
        return s;
    }

    private static <S> void putKeyed(
            KeyedTrackDetector<S> detector, Map<String, S> states, String key, S s) {
        if (s == null) {
            states.remove(key);
        } else {
            states.put(key, detector.decodeState(detector.encodeState(s)));
        }
    }

    /** Event time, then track id. */
    public static Comparator<EntityTrack> eventOrder() {
        return Comparator.comparing(EntityTrack::time).thenComparing(EntityTrack::trackId);
    }
}
