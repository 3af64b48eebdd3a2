package io.cordon.pipeline.fusion;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.Tracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feeds the observations of one event time to a {@link Tracker} in a deterministic order and
 * returns the track updates worth publishing.
 *
 * <p>Order: observations are grouped by sensor id (sorted), and within a sensor by observation id,
 * so the result does not depend on arrival order. After the batches the tracker's clock advances to
 * the event time, which coasts and deletes stale tracks. Tentative tracks are not published; every
 * other status change is, and a track updated several times in one step is published once, with its
 * last state.
 */
public final class FusionStep {
    private FusionStep() {}

    public static List<EntityTrack> run(
            Tracker tracker, Instant time, List<Observation> observations) {
        Map<String, List<Observation>> bySensor = new TreeMap<>();
        for (Observation o : observations) {
            if (!o.eventTime().equals(time)) {
                throw new IllegalArgumentException(
                        "observation "
                                + o.observationId()
                                + " at "
                                + o.eventTime()
                                + " is not at "
                                + time);
            }
            bySensor.computeIfAbsent(o.sensorId(), k -> new ArrayList<>()).add(o);
        }
        Map<String, EntityTrack> published = new LinkedHashMap<>();
        for (List<Observation> batch : bySensor.values()) {
            batch.sort(Comparator.comparing(Observation::observationId));
            collect(tracker.update(batch), published);
        }
        collect(tracker.advanceTo(time), published);
        return new ArrayList<>(published.values());
    }

    private static void collect(List<EntityTrack> changed, Map<String, EntityTrack> published) {
        for (EntityTrack t : changed) {
            if (t.status() != TrackStatus.TENTATIVE) {
                published.remove(t.trackId());
                published.put(t.trackId(), t);
            }
        }
    }
}
