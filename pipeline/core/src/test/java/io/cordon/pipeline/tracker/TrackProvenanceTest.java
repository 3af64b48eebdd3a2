package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The last cooperative and non-cooperative times on tracks, and their snapshot versions. */
class TrackProvenanceTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();
    private static final Instant T0 = CrossingScenario.T0;

    /** AIS reports every 10 s until {@code aisUntilS}, radar fixes every 2 s until 200 s. */
    private static List<List<Observation>> vesselBatches(long seed, int aisUntilS) {
        Random random = new Random(seed);
        List<List<Observation>> batches = new ArrayList<>();
        for (int t = 0; t <= 200; t += 2) {
            double e = 3.0 * t;
            double n = 1000 + 1.0 * t;
            batches.add(List.of(fix("r" + t, "R1", SensorKind.GROUND_RADAR, t, e, n, random)));
            if (t % 10 == 0 && t <= aisUntilS) {
                batches.add(List.of(fix("a" + t, "AIS1", SensorKind.AIS, t, e, n, random)));
            }
        }
        return batches;
    }

    private static Observation fix(
            String id, String sensor, SensorKind kind, int t, double e, double n, Random random) {
        GeoPoint g =
                CrossingScenario.PLANE.surfacePoint(
                        e + 8 * random.nextGaussian(), n + 8 * random.nextGaussian());
        return new Observation(
                id,
                "US",
                sensor,
                kind,
                T0.plusSeconds(t),
                PositionFix.isotropic(g, 8),
                null,
                kind.cooperative() ? new CooperativeIdentity("367000002", "", "", "") : null,
                null,
                Marking.UNRESTRICTED);
    }

    private static MultiTargetTracker run(List<List<Observation>> batches) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        return tracker;
    }

    private static EntityTrack longest(MultiTargetTracker tracker, Instant t) {
        return tracker.confirmedTracksAt(t).stream()
                .max(Comparator.comparingLong(EntityTrack::updateCount))
                .orElseThrow();
    }

    @Test
    void trackCarriesTheLastCooperativeAndNonCooperativeTimes() {
        MultiTargetTracker tracker = run(vesselBatches(1, 100));

        EntityTrack track = longest(tracker, T0.plusSeconds(200));

        assertThat(track.identity().mmsi()).isEqualTo("367000002");
        assertThat(track.lastCooperativeTime()).isEqualTo(T0.plusSeconds(100));
        assertThat(track.lastNonCooperativeTime()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void aTrackWithoutCooperativeReportsHasNoCooperativeTime() {
        MultiTargetTracker tracker = run(vesselBatches(2, -1));

        EntityTrack track = longest(tracker, T0.plusSeconds(200));

        assertThat(track.lastCooperativeTime()).isNull();
        assertThat(track.lastNonCooperativeTime()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void currentSnapshotKeepsTheTimes() {
        MultiTargetTracker original = run(vesselBatches(3, 100));

        MultiTargetTracker restored = MultiTargetTracker.restore(PARAMS, original.snapshot());

        EntityTrack track = longest(restored, T0.plusSeconds(200));
        assertThat(track.lastCooperativeTime()).isEqualTo(T0.plusSeconds(100));
        assertThat(track.lastNonCooperativeTime()).isEqualTo(T0.plusSeconds(200));
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void version4SnapshotIsReadWithUnknownTimesAndTheSameEstimates() {
        List<List<Observation>> batches = vesselBatches(4, 60);
        int half = batches.size() / 2;
        MultiTargetTracker original = run(batches.subList(0, half));
        byte[] v4 = TrackerSnapshot.write(original, (short) 4);
        assertThat(v4[4] * 256 + v4[5]).isEqualTo(4);

        MultiTargetTracker restored = MultiTargetTracker.restore(PARAMS, v4);

        Instant mid = batches.get(half - 1).get(0).eventTime();
        EntityTrack before = longest(original, mid);
        EntityTrack after = longest(restored, mid);
        assertThat(before.lastCooperativeTime()).isNotNull();
        assertThat(after.lastCooperativeTime()).isNull();
        assertThat(after.lastNonCooperativeTime()).isNull();
        assertThat(after.position()).isEqualTo(before.position());
        assertThat(after.identity()).isEqualTo(before.identity());
        // The next fused observations set the times again.
        for (List<Observation> batch : batches.subList(half, batches.size())) {
            restored.update(batch);
            original.update(batch);
        }
        EntityTrack end = longest(restored, T0.plusSeconds(200));
        assertThat(end.lastNonCooperativeTime()).isEqualTo(T0.plusSeconds(200));
        assertThat(end.lastCooperativeTime()).isNull();
        assertThat(end.position()).isEqualTo(longest(original, T0.plusSeconds(200)).position());
    }
}
