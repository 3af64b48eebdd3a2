package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MultiTargetTrackerTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();

    private static List<List<EntityTrack>> run(Tracker tracker, List<List<Observation>> batches) {
        List<List<EntityTrack>> outputs = new ArrayList<>();
        for (List<Observation> batch : batches) {
            outputs.add(tracker.update(batch));
            Instant t = batch.isEmpty() ? null : batch.get(0).eventTime();
            if (t != null) {
                outputs.add(tracker.confirmedTracksAt(t.plusSeconds(1)));
            }
        }
        return outputs;
    }

    @Test
    void sameInputGivesSameIdsAndTracks() {
        List<List<Observation>> batches = CrossingScenario.batches(1, 200);
        var a = run(new MultiTargetTracker(PARAMS, CrossingScenario.REF), batches);
        var b = run(new MultiTargetTracker(PARAMS, CrossingScenario.REF), batches);
        assertThat(a).isEqualTo(b);
        assertThat(a.get(a.size() - 1)).isNotEmpty();
        assertThat(a.get(a.size() - 1).get(0).trackId()).matches("T-[0-9a-f]{12}");
    }

    @Test
    void idsDoNotDependOnTheOrderWithinABatch() {
        List<List<Observation>> batches = CrossingScenario.batches(1, 200);
        List<List<Observation>> reversed = new ArrayList<>();
        for (List<Observation> batch : batches) {
            List<Observation> r = new ArrayList<>(batch);
            java.util.Collections.reverse(r);
            reversed.add(r);
        }
        var a = run(new MultiTargetTracker(PARAMS, CrossingScenario.REF), batches);
        var b = run(new MultiTargetTracker(PARAMS, CrossingScenario.REF), reversed);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void snapshotAndRestoreGiveIdenticalSubsequentOutput() {
        List<List<Observation>> batches = CrossingScenario.batches(2, 200);
        int half = batches.size() / 2;
        MultiTargetTracker original = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        run(original, batches.subList(0, half));
        byte[] snapshot = original.snapshot();
        MultiTargetTracker restored = MultiTargetTracker.restore(PARAMS, snapshot);
        assertThat(restored.liveTrackCount()).isEqualTo(original.liveTrackCount());
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        var rest = batches.subList(half, batches.size());
        assertThat(run(restored, rest)).isEqualTo(run(original, rest));
    }

    @Test
    void tentativeTracksAndTheEndOfTracksNeverConfirmedAreReportedOnlyWhenAsked() {
        // counts over all seeds: tentative reports, ends of tracks never confirmed, other ends
        int[] counts = new int[3];
        for (long seed = 1; seed <= 3; seed++) {
            MultiTargetTracker quiet = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
            MultiTargetTracker verbose = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
            verbose.reportTentative(true);
            Set<String> reported = new java.util.HashSet<>();
            Instant last = CrossingScenario.T0;
            for (List<Observation> batch : CrossingScenario.batches(seed, 200)) {
                if (batch.isEmpty()) {
                    continue;
                }
                last = batch.get(0).eventTime().plusMillis(1500);
                compareReports(verbose.update(batch), quiet.update(batch), reported, counts);
                compareReports(verbose.advanceTo(last), quiet.advanceTo(last), reported, counts);
            }
            // the setting changes what is returned, never the tracks
            assertThat(quiet.snapshot()).isEqualTo(verbose.snapshot());
            // every track ends: the confirmed ones are reported deleted by both
            Instant end = last.plusSeconds((long) PARAMS.deleteAfterS() + 600);
            compareReports(verbose.advanceTo(end), quiet.advanceTo(end), reported, counts);
            assertThat(quiet.liveTrackCount()).isZero();
        }
        assertThat(counts[0]).as("tentative reports").isPositive();
        assertThat(counts[1]).as("ends of tracks never confirmed").isPositive();
        assertThat(counts[2]).as("ends of confirmed tracks").isPositive();
    }

    /**
     * Checks what a tracker that does not report tentative tracks returned ({@code qs}) against
     * what one that does returned for the same call ({@code vs}).
     */
    private static void compareReports(
            List<EntityTrack> vs, List<EntityTrack> qs, Set<String> reported, int[] counts) {
        assertThat(qs).extracting(EntityTrack::status).doesNotContain(TrackStatus.TENTATIVE);
        // confirmed and coasting updates: the same, in the same order
        assertThat(qs.stream().filter(e -> e.status() != TrackStatus.DELETED).toList())
                .isEqualTo(
                        vs.stream()
                                .filter(
                                        e ->
                                                e.status() != TrackStatus.TENTATIVE
                                                        && e.status() != TrackStatus.DELETED)
                                .toList());
        Set<String> quietEnds =
                qs.stream()
                        .filter(e -> e.status() == TrackStatus.DELETED)
                        .map(EntityTrack::trackId)
                        .collect(Collectors.toSet());
        Set<String> verboseEnds =
                vs.stream()
                        .filter(e -> e.status() == TrackStatus.DELETED)
                        .map(EntityTrack::trackId)
                        .collect(Collectors.toSet());
        assertThat(verboseEnds).containsAll(quietEnds);
        for (EntityTrack e : vs) {
            if (e.status() == TrackStatus.TENTATIVE) {
                counts[0]++;
            } else if (e.status() != TrackStatus.DELETED) {
                reported.add(e.trackId());
            } else if (reported.contains(e.trackId())) {
                // the end of a track its consumers were told of is always reported, as it is
                assertThat(qs).contains(e);
                counts[2]++;
            } else if (!quietEnds.contains(e.trackId())) {
                counts[1]++;
            }
        }
    }

    @Test
    void restoreRejectsForeignBytes() {
        assertThatThrownBy(() -> MultiTargetTracker.restore(PARAMS, new byte[] {1, 2, 3, 4, 5, 6}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoCrossingTargetsKeepTheirIds() {
        for (long seed = 1; seed <= 5; seed++) {
            MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
            Map<Integer, String> before = new HashMap<>();
            Map<Integer, String> after = new HashMap<>();
            for (List<Observation> batch : CrossingScenario.batches(seed, 200)) {
                tracker.update(batch);
                if (batch.isEmpty()) {
                    continue;
                }
                Instant t = batch.get(0).eventTime();
                double ts = t.getEpochSecond() - CrossingScenario.T0.getEpochSecond();
                if (ts == 60 || ts == 160) {
                    var tracks =
                            tracker.confirmedTracksAt(t).stream()
                                    .filter(e -> e.status() == TrackStatus.CONFIRMED)
                                    .toList();
                    assertThat(tracks).as("seed %d at %s", seed, ts).hasSize(2);
                    for (int k = 0; k < 2; k++) {
                        (ts == 60 ? before : after)
                                .put(k, nearest(tracks, CrossingScenario.truth(k, ts)));
                    }
                }
            }
            assertThat(after).as("seed %d", seed).isEqualTo(before);
            assertThat(before.get(0)).isNotEqualTo(before.get(1));
        }
    }

    private static String nearest(List<EntityTrack> tracks, double[] truth) {
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (EntityTrack track : tracks) {
            EnuPoint p = CrossingScenario.PLANE.toEnu(track.position());
            double d = Math.hypot(p.eastM() - truth[0], p.northM() - truth[1]);
            if (d < bestD) {
                bestD = d;
                best = track.trackId();
            }
        }
        assertThat(bestD).isLessThan(100.0);
        return best;
    }

    @Test
    void tracksCarryProvenanceIdentityAndTheIntersectionOfMarkings() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        for (List<Observation> batch : CrossingScenario.batches(3, 120)) {
            tracker.update(batch);
        }
        List<EntityTrack> tracks = tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(120));
        assertThat(tracks).hasSize(2);
        EntityTrack withMmsi =
                tracks.stream()
                        .filter(t -> !t.identity().mmsi().isEmpty())
                        .findFirst()
                        .orElseThrow();
        assertThat(withMmsi.identity().mmsi()).isEqualTo("367000001");
        for (EntityTrack t : tracks) {
            // Both were seen by the radar (US, MX) and the drone (MX only) near the crossing.
            assertThat(t.sensorIds()).containsExactly("D1", "R1");
            assertThat(t.partnerIds()).containsExactly("MX", "US");
            assertThat(t.marking().releasableTo("MX")).isTrue();
            assertThat(t.marking().releasableTo("US")).isFalse();
            assertThat(t.status()).isEqualTo(TrackStatus.CONFIRMED);
            assertThat(t.velocity().groundSpeedMps()).isBetween(10.0, 14.0);
        }
    }

    @Test
    void confirmedTracksCoastThenAreDeletedExactlyOnce() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        for (List<Observation> batch : CrossingScenario.batches(4, 60)) {
            tracker.update(batch);
        }
        List<EntityTrack> confirmed =
                tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(60));
        assertThat(confirmed).hasSize(2);
        Instant last = CrossingScenario.T0.plusSeconds(60);
        List<String> ids = confirmed.stream().map(EntityTrack::trackId).toList();
        List<EntityTrack> coasting = tracker.advanceTo(last.plusSeconds(30));
        assertThat(coasting)
                .filteredOn(t -> ids.contains(t.trackId()))
                .extracting(EntityTrack::status)
                .containsOnly(TrackStatus.COASTING)
                .hasSize(2);
        // Tentative tracks never coast.
        assertThat(coasting)
                .filteredOn(t -> !ids.contains(t.trackId()))
                .extracting(EntityTrack::status)
                .doesNotContain(TrackStatus.COASTING);
        assertThat(tracker.advanceTo(last.plusSeconds(31))).isEmpty();
        List<EntityTrack> deleted =
                tracker.advanceTo(last.plusSeconds((long) PARAMS.deleteAfterS() + 1));
        assertThat(deleted)
                .filteredOn(t -> t.status() == TrackStatus.DELETED)
                .extracting(EntityTrack::trackId)
                .containsAll(ids);
        assertThat(tracker.advanceTo(last.plusSeconds(500))).isEmpty();
        assertThat(tracker.liveTrackCount()).isZero();
        assertThat(tracker.confirmedTracksAt(last.plusSeconds(500))).isEmpty();
    }

    /**
     * Two targets 80 m apart side by side, moving together, seen only by a radar 25 km away whose
     * cross-range error (109 m) is larger than their separation, with P_D 0.7: detections are often
     * missing, and the plot of one target regularly lies within the other's gate. Both tracks must
     * survive with their ids (a track that misses looks while its neighbour is updated is not a
     * duplicate: two targets may be that close).
     */
    @Test
    void twoTargetsCloserThanTheRadarResolutionKeepTwoTracks() {
        double pd = 0.7;
        GeoPoint radar = CrossingScenario.PLANE.toGeodetic(new EnuPoint(-25000, 0, 30));
        TrackerParameters params =
                PARAMS.withSensors(
                        List.of(
                                new SensorPrior(
                                        "R1", pd, 1e-9, new SensorCoverage.Disc(radar, 40000))));
        LocalTangentPlane radarPlane = new LocalTangentPlane(radar);
        Random random = new Random(11);
        MultiTargetTracker tracker = new MultiTargetTracker(params, CrossingScenario.REF);
        Set<String> idsAt60 = null;
        int id = 0;
        for (int t = 0; t <= 400; t += 4) {
            List<Observation> scan = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                if (random.nextDouble() >= pd) {
                    continue;
                }
                // Side by side across the radar's line of sight, moving towards it at 8 m/s.
                EnuPoint q =
                        radarPlane.toEnu(CrossingScenario.PLANE.surfacePoint(-8.0 * t, 80.0 * k));
                double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
                double az =
                        Math.toDegrees(Math.atan2(q.eastM(), q.northM()))
                                + 0.25 * random.nextGaussian();
                scan.add(
                        new Observation(
                                "p" + id++,
                                "US",
                                "R1",
                                SensorKind.GROUND_RADAR,
                                CrossingScenario.T0.plusSeconds(t),
                                new RadarPlot(radar, range, ((az % 360) + 360) % 360, 15, 0.25),
                                null,
                                null,
                                null,
                                Marking.releasableTo(List.of("US"))));
            }
            tracker.update(scan);
            if (t == 60) {
                idsAt60 =
                        tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(t)).stream()
                                .map(EntityTrack::trackId)
                                .collect(Collectors.toSet());
            }
        }
        assertThat(idsAt60).hasSize(2);
        List<EntityTrack> end = tracker.confirmedTracksAt(CrossingScenario.T0.plusSeconds(400));
        assertThat(end)
                .extracting(EntityTrack::trackId)
                .containsExactlyInAnyOrderElementsOf(idsAt60);
    }

    @Test
    void aBatchMustHaveOneEventTime() {
        var batches = CrossingScenario.batches(1, 8);
        List<Observation> mixed = new ArrayList<>(batches.get(0));
        mixed.addAll(batches.get(batches.size() - 1));
        assertThatThrownBy(() -> new MultiTargetTracker(PARAMS, CrossingScenario.REF).update(mixed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MultiTargetTracker(PARAMS, CrossingScenario.REF).update(List.of()))
                .isEmpty();
    }
}
