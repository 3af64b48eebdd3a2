package io.cordon.pipeline.fusion;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.Tracker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A track's deletion is published only if the track itself was: a tentative track that dies
 * before it is ever confirmed is noise nobody has heard of. An instance remembers which live tracks
 * it has published ({@link #publishedTrackIds()}); that set belongs to the tracker's state and is
 * checkpointed and restored with it. {@link #changes} is the stateless form for callers that keep
 * their own record of what they published (the tile trackers).
 */
public final class FusionStep {
    private final Tracker tracker;
    // A hash set: every update published asks it, and with thousands of live tracks a sorted set
    // walked a dozen ids per update (about a sixth of the step at 10 000 targets). Not sorted when
    // it is checkpointed either: sorting 10 000 ids at each checkpoint took 5 % of the fusion
    // job's tracker thread, and a restore needs only the members.
    private final Set<String> published;

    /** A step for a fresh tracker (nothing published yet). */
    public FusionStep(Tracker tracker) {
        this(tracker, List.of());
    }

    /**
     * A step for a restored tracker.
     *
     * @param published the ids of its live tracks published before ({@link #publishedTrackIds()} at
     *     the time of its snapshot)
     */
    public FusionStep(Tracker tracker, Collection<String> published) {
        this.tracker = tracker;
        this.published = new HashSet<>(published);
    }

    public Tracker tracker() {
        return tracker;
    }

    /**
     * Ids of the live tracks published so far (a deleted track leaves the set), in no particular
     * order (the same for the same history of steps).
     */
    public List<String> publishedTrackIds() {
        return List.copyOf(published);
    }

    /**
     * Fuses the observations of {@code time} and returns what to publish: {@link #changes} without
     * the deletions of tracks that were never published.
     */
    public List<EntityTrack> step(Instant time, List<Observation> observations) {
        List<EntityTrack> changes = changes(tracker, time, observations);
        List<EntityTrack> out = new ArrayList<>(changes.size());
        for (EntityTrack t : changes) {
            if (t.status() == TrackStatus.DELETED) {
                if (published.remove(t.trackId())) {
                    out.add(t);
                }
            } else {
                published.add(t.trackId());
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Fuses the observations of {@code time} and returns every track whose state changed and that
     * is not tentative, including the deletion of tracks that were never published.
     *
     * <p>Fusion runs at millisecond resolution, the resolution of Flink's event time by which the
     * fusion job batches: the step is at {@code time} truncated to the millisecond, and takes every
     * observation of that millisecond at it (ASTERIX times come in 1/128 s, AIS in seconds plus a
     * receive time; less than a millisecond is at most 0.3 m for an airliner, far inside any
     * sensor's error).
     *
     * @throws IllegalArgumentException if an observation is of another millisecond (the caller
     *     batched wrongly)
     */
    public static List<EntityTrack> changes(
            Tracker tracker, Instant time, List<Observation> observations) {
        return changes(tracker, time, observations, List.of());
    }

    /**
     * As {@link #changes(Tracker, Instant, List)}, and every sensor of {@code scanned} without an
     * observation here is passed to the tracker as an empty scan ({@link Tracker#emptyScan}), in
     * its place in the sensor order: how a tile learns that a sensor looked at it when all of the
     * scan's detections were in other tiles.
     */
    public static List<EntityTrack> changes(
            Tracker tracker,
            Instant time,
            List<Observation> observations,
            Collection<String> scanned) {
        Instant ms = time.truncatedTo(ChronoUnit.MILLIS);
        Map<String, List<Observation>> bySensor = new TreeMap<>();
        for (String sensor : scanned) {
            bySensor.put(sensor, new ArrayList<>());
        }
        for (Observation o : observations) {
            Instant t = o.eventTime();
            if (!t.equals(ms)) {
                if (!t.truncatedTo(ChronoUnit.MILLIS).equals(ms)) {
                    throw new IllegalArgumentException(
                            "observation "
                                    + o.observationId()
                                    + " at "
                                    + t
                                    + " is not in the millisecond of "
                                    + ms);
                }
                o = atTime(o, ms);
            }
            bySensor.computeIfAbsent(o.sensorId(), k -> new ArrayList<>()).add(o);
        }
        List<List<EntityTrack>> calls = new ArrayList<>(bySensor.size() + 1);
        for (Map.Entry<String, List<Observation>> e : bySensor.entrySet()) {
            List<Observation> batch = e.getValue();
            if (batch.isEmpty()) {
                calls.add(tracker.emptyScan(e.getKey(), ms));
            } else {
                batch.sort(Comparator.comparing(Observation::observationId));
                calls.add(tracker.update(batch));
            }
        }
        calls.add(tracker.advanceTo(ms));
        return merge(calls);
    }

    /**
     * The tracks the calls changed, tentative ones left out: each once, with the state it was last
     * reported in, in the order of those last reports. The same as putting every report into a
     * {@code LinkedHashMap} by track id after removing the id, without its node per report (at 10
     * 000 tracks that merge was a tenth of the step): an open-addressing table from the id's hash
     * to the position of its latest report, which marks the earlier one superseded.
     */
    static List<EntityTrack> merge(List<List<EntityTrack>> calls) {
        int n = 0;
        for (List<EntityTrack> call : calls) {
            n += call.size();
        }
        EntityTrack[] all = new EntityTrack[n];
        int count = 0;
        for (List<EntityTrack> call : calls) {
            for (EntityTrack t : call) {
                if (t.status() != TrackStatus.TENTATIVE) {
                    all[count++] = t;
                }
            }
        }
        int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(Math.max(1, count)));
        int mask = (1 << bits) - 1;
        int[] latest = new int[mask + 1]; // position + 1 of the id's latest report; 0: empty
        int superseded = 0;
        for (int i = 0; i < count; i++) {
            String id = all[i].trackId();
            int slot = (id.hashCode() * 0x9E3779B9) >>> (32 - bits);
            while (true) {
                int p = latest[slot];
                if (p == 0) {
                    latest[slot] = i + 1;
                    break;
                }
                if (all[p - 1].trackId().equals(id)) {
                    all[p - 1] = null;
                    superseded++;
                    latest[slot] = i + 1;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        List<EntityTrack> out = new ArrayList<>(count - superseded);
        for (int i = 0; i < count; i++) {
            if (all[i] != null) {
                out.add(all[i]);
            }
        }
        return out;
    }

    private static Observation atTime(Observation o, Instant t) {
        return new Observation(
                o.observationId(),
                o.partnerId(),
                o.sensorId(),
                o.sensorKind(),
                t,
                o.measurement(),
                o.velocity(),
                o.identity(),
                o.classification(),
                o.marking());
    }
}
