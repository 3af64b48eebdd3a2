package io.cordon.pipeline.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.track.EntityTrack;
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

    /** Runs a per-track detector, giving every alert to {@code sink} as it is raised. */
    public static <S> void perTrack(
            TrackDetector<S> detector, List<EntityTrack> updates, Sink sink) {
        Map<String, S> states = new HashMap<>();
        for (EntityTrack t : updates) {
            DetectorResult<S> r = detector.onTrackUpdate(states.get(t.trackId()), t);
            if (r.stateCleared()) {
                states.remove(t.trackId());
            } else {
                states.put(t.trackId(), detector.decodeState(detector.encodeState(r.newState())));
            }
            r.alerts().forEach(a -> sink.raised(t, a));
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

    /** Runs a keyed detector in event order, giving every alert to {@code sink} as it is raised. */
    public static <S> void keyed(
            KeyedTrackDetector<S> detector, List<EntityTrack> updates, KeyedSink sink) {
        List<EntityTrack> ordered = new ArrayList<>(updates);
        ordered.sort(eventOrder()); // stable: ties keep list order
        Map<String, S> states = new HashMap<>();
        for (EntityTrack t : ordered) {
            for (String key : detector.keysFor(t)) {
                DetectorResult<S> r = detector.onTrackUpdate(states.get(key), key, t);
                if (r.stateCleared()) {
                    states.remove(key);
                } else {
                    states.put(key, detector.decodeState(detector.encodeState(r.newState())));
                }
                r.alerts().forEach(a -> sink.raised(key, t, a));
            }
        }
    }

    /** Event time, then track id. */
    public static Comparator<EntityTrack> eventOrder() {
        return Comparator.comparing(EntityTrack::time).thenComparing(EntityTrack::trackId);
    }
}
