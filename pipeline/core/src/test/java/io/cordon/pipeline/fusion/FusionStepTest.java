package io.cordon.pipeline.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.Tracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionStepTest {
    private static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();

    @Test
    void aTentativeTrackThatDiesIsNeverPublishedNorIsItsDeletion() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        // a tracker that reports its tentative tracks: the step's own filter is under test
        tracker.reportTentative(true);
        FusionStep fusion = new FusionStep(tracker);
        // one lone detection: a tentative track that never gets a second look
        List<EntityTrack> first = fusion.step(T0, List.of(fixAt("lone", T0, 0, 0)));
        assertThat(first).isEmpty();
        assertThat(tracker.liveTrackCount()).isEqualTo(1);

        Instant later = T0.plusSeconds((long) PARAMS.deleteAfterS() + 600);
        MultiTargetTracker twin = new MultiTargetTracker(PARAMS, REF);
        twin.reportTentative(true);
        FusionStep.changes(twin, T0, List.of(fixAt("lone", T0, 0, 0)));
        // the tracker does report the death of the tentative track ...
        assertThat(FusionStep.changes(twin, later, List.of()))
                .extracting(EntityTrack::status)
                .containsExactly(TrackStatus.DELETED);
        // (by default it reports neither the tentative track nor its death)
        MultiTargetTracker quiet = new MultiTargetTracker(PARAMS, REF);
        assertThat(FusionStep.changes(quiet, T0, List.of(fixAt("lone", T0, 0, 0)))).isEmpty();
        assertThat(quiet.liveTrackCount()).isEqualTo(1);
        assertThat(FusionStep.changes(quiet, later, List.of())).isEmpty();
        assertThat(quiet.liveTrackCount()).isZero();
        // ... but nobody heard of the track, so its deletion is not published
        assertThat(fusion.step(later, List.of())).isEmpty();
        assertThat(tracker.liveTrackCount()).isZero();
        assertThat(fusion.publishedTrackIds()).isEmpty();
    }

    @Test
    void aPublishedTrackIsDeletedOnceAndLeavesThePublishedSet() {
        ScriptedTracker tracker = new ScriptedTracker();
        FusionStep fusion = new FusionStep(tracker);
        tracker.next(List.of(track("A", TrackStatus.TENTATIVE), track("B", TrackStatus.CONFIRMED)));
        assertThat(fusion.step(T0, List.of()))
                .extracting(EntityTrack::trackId)
                .containsExactly("B");
        assertThat(fusion.publishedTrackIds()).containsExactly("B");

        tracker.next(List.of(track("A", TrackStatus.DELETED), track("B", TrackStatus.DELETED)));
        assertThat(fusion.step(T0.plusSeconds(1), List.of()))
                .extracting(EntityTrack::trackId, EntityTrack::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", TrackStatus.DELETED));
        assertThat(fusion.publishedTrackIds()).isEmpty();
    }

    @Test
    void thePublishedIdsAreThosePublishedAndNotDeletedSince() {
        ScriptedTracker tracker = new ScriptedTracker();
        FusionStep fusion = new FusionStep(tracker, List.of("T-9", "T-10"));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(String.format("T-%05x", (i * 7919) % 1021));
        }
        for (int i = 0; i < ids.size(); i += 3) {
            tracker.next(
                    ids.subList(i, Math.min(ids.size(), i + 3)).stream()
                            .map(id -> track(id, TrackStatus.CONFIRMED))
                            .toList());
            fusion.step(T0.plusSeconds(i), List.of());
        }
        tracker.next(List.of(track(ids.get(5), TrackStatus.DELETED)));
        fusion.step(T0.plusSeconds(1_000), List.of());
        java.util.TreeSet<String> expected = new java.util.TreeSet<>(ids);
        expected.add("T-9");
        expected.add("T-10");
        expected.remove(ids.get(5));
        assertThat(fusion.publishedTrackIds()).containsExactlyInAnyOrderElementsOf(expected);
        FusionStep restored = new FusionStep(tracker, fusion.publishedTrackIds());
        assertThat(restored.publishedTrackIds()).containsExactlyInAnyOrderElementsOf(expected);
        assertThatThrownBy(() -> fusion.publishedTrackIds().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRestoredStepRemembersWhatWasPublished() {
        ScriptedTracker tracker = new ScriptedTracker();
        FusionStep restored = new FusionStep(tracker, List.of("C"));
        tracker.next(List.of(track("C", TrackStatus.DELETED), track("D", TrackStatus.DELETED)));
        assertThat(restored.step(T0, List.of()))
                .extracting(EntityTrack::trackId)
                .containsExactly("C");
    }

    @Test
    void theMergeOfTheCallsIsTheLinkedMapOfTheirReportsByTrackId() {
        java.util.Random random = new java.util.Random(11);
        TrackStatus[] statuses = TrackStatus.values();
        for (int round = 0; round < 300; round++) {
            int ids = 1 + random.nextInt(round < 100 ? 5 : 400);
            List<List<EntityTrack>> calls = new ArrayList<>();
            java.util.Map<String, EntityTrack> expected = new java.util.LinkedHashMap<>();
            int calls_ = random.nextInt(6);
            for (int c = 0; c < calls_; c++) {
                List<EntityTrack> call = new ArrayList<>();
                int reports = random.nextInt(2 * ids + 1);
                for (int r = 0; r < reports; r++) {
                    // a fresh String each time: the merge compares ids by content
                    String id = new String("T-" + random.nextInt(ids));
                    EntityTrack t =
                            new EntityTrack(
                                    id,
                                    statuses[random.nextInt(statuses.length)],
                                    T0.plusMillis(round * 1000L + c * 100L + r),
                                    REF,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    r);
                    call.add(t);
                    if (t.status() != TrackStatus.TENTATIVE) {
                        expected.remove(id);
                        expected.put(id, t);
                    }
                }
                calls.add(call);
            }
            assertThat(FusionStep.merge(calls))
                    .as("round %d", round)
                    .containsExactlyElementsOf(expected.values());
        }
    }

    @Test
    void aTrackChangedTwiceInOneStepIsPublishedOnceWithItsLastState() {
        ScriptedTracker tracker = new ScriptedTracker();
        FusionStep fusion = new FusionStep(tracker);
        tracker.next(List.of(track("B", TrackStatus.CONFIRMED)));
        tracker.next(List.of(track("B", TrackStatus.COASTING)));
        List<Observation> two = List.of(fixAt("s1-o", T0, 0, 0), fixAt("s2-o", T0, 100, 0));
        assertThat(fusion.step(T0, two))
                .extracting(EntityTrack::status)
                .containsExactly(TrackStatus.COASTING);
    }

    @Test
    void observationsWithSubMillisecondTimesAreFusedInTheirMillisecond() {
        // ASTERIX times come in 1/128 s: 0.0078125 s is not a whole millisecond. The fusion job
        // batches by millisecond, so the step is at the millisecond and takes the observation at
        // it.
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        FusionStep fusion = new FusionStep(tracker);
        List<EntityTrack> out = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            Instant exact = T0.plusNanos(k * 4_000_000_000L + 7_812_500L);
            Instant ms = exact.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            out.addAll(fusion.step(ms, List.of(fixAt("s1-" + k, exact, 20.0 * k, 0))));
        }
        assertThat(out).isNotEmpty();
        assertThat(out.get(out.size() - 1).status()).isEqualTo(TrackStatus.CONFIRMED);
        assertThat(out).allSatisfy(t -> assertThat(t.time().getNano() % 1_000_000).isZero());
    }

    @Test
    void anObservationOfAnotherMillisecondIsRefused() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        Instant other = T0.plusMillis(1).plusNanos(500_000);
        assertThatThrownBy(() -> FusionStep.changes(tracker, T0, List.of(fixAt("x", other, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the millisecond of " + T0);
    }

    private static Observation fixAt(String id, Instant t, double eastM, double northM) {
        GeoPoint p = new LocalTangentPlane(REF).surfacePoint(eastM, northM);
        String sensor = id.startsWith("s2") ? "sensor-2" : "sensor-1";
        return new Observation(
                id,
                "usa",
                sensor,
                SensorKind.DRONE,
                t,
                PositionFix.isotropic(p, 10),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    private static EntityTrack track(String id, TrackStatus status) {
        return new EntityTrack(id, status, T0, REF, null, null, null, null, null, null, null, 1);
    }

    /** Returns scripted changes: one script per call of update or advanceTo, then nothing. */
    private static final class ScriptedTracker implements Tracker {
        private final Deque<List<EntityTrack>> scripts = new ArrayDeque<>();

        void next(List<EntityTrack> changes) {
            scripts.add(changes);
        }

        private List<EntityTrack> pop() {
            return scripts.isEmpty() ? List.of() : new ArrayList<>(scripts.poll());
        }

        @Override
        public List<EntityTrack> update(List<Observation> batch) {
            return pop();
        }

        @Override
        public List<EntityTrack> advanceTo(Instant t) {
            return pop();
        }

        @Override
        public List<EntityTrack> confirmedTracksAt(Instant t) {
            return List.of();
        }

        @Override
        public int liveTrackCount() {
            return 0;
        }

        @Override
        public byte[] snapshot() {
            return new byte[0];
        }
    }
}
