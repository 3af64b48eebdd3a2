package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.CellWorld;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.EntityTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The track grid hands each batch's coverage pass the tracks it can concern, not all of them, and
 * changes nothing: a tracker that uses it and one that passes over every track emit the same
 * updates in the same order, batch by batch, and end in the same snapshot.
 */
class TrackGridTest {

    @Test
    void sameOutputAsFullPassesOverEightCellsWithFewerVisits() {
        CellWorld world = CellWorld.generate(7, 800, 60, 1.0);
        MultiTargetTracker[] both =
                sameAsFullPasses(world, world.parameters().sensors().get(3).sensorId());
        MultiTargetTracker indexed = both[0], full = both[1];
        assertThat(indexed.liveTrackCount()).isGreaterThan(TrackGrid.FEW_ROWS);
        // Each batch concerns about a cell's tracks, not the eight cells'.
        assertThat(indexed.trackGrid.visits).isLessThan(full.trackGrid.visits / 2);
    }

    @Test
    void reidentificationsLookAtTheOldTracksNearTheNewOnesOnlyAndFindTheSame() {
        // long enough for targets to go dark (60-180 s) and be found again
        MultiTargetTracker[] both = sameAsFullPasses(CellWorld.generate(11, 600, 300, 1.0), null);
        MultiTargetTracker indexed = both[0], full = both[1];
        assertThat(indexed.reidentifications).isPositive().isEqualTo(full.reidentifications);
        assertThat(indexed.trackGrid.reidentifyVisits)
                .isLessThan(full.trackGrid.reidentifyVisits / 2);
    }

    /**
     * Runs the world's batches through a tracker that uses the grid and one with full passes,
     * checking that they report the same, batch by batch (with an empty scan of {@code quiet} every
     * seventh batch when it is not null), and end in the same snapshot; returns both.
     */
    private static MultiTargetTracker[] sameAsFullPasses(CellWorld world, String quiet) {
        return sameAsFullPasses(world, world.batches(), quiet);
    }

    private static MultiTargetTracker[] sameAsFullPasses(
            CellWorld world, List<List<Observation>> batches, String quiet) {
        MultiTargetTracker indexed =
                new MultiTargetTracker(world.parameters(), world.referencePoint());
        MultiTargetTracker full =
                new MultiTargetTracker(world.parameters(), world.referencePoint());
        full.trackGrid.fullPassesOnly = true;
        int batch = 0;
        for (List<Observation> b : batches) {
            assertThat(text(indexed.update(b)))
                    .as("batch %d", batch)
                    .isEqualTo(text(full.update(b)));
            var t = b.get(0).eventTime();
            if (quiet != null && batch % 7 == 0) {
                // An empty scan of a known sensor: its coverage alone decides.
                assertThat(text(indexed.emptyScan(quiet, t)))
                        .isEqualTo(text(full.emptyScan(quiet, t)));
            }
            assertThat(text(indexed.advanceTo(t))).isEqualTo(text(full.advanceTo(t)));
            batch++;
        }
        assertThat(indexed.snapshot()).isEqualTo(full.snapshot());
        return new MultiTargetTracker[] {indexed, full};
    }

    /**
     * Tracks of a class with far more process noise than the defaults' (q 100 and 400 against 0.01
     * and 0.6) reach further between updates: the grid keys them with their own noise (the row's),
     * so it still hands out every track the full pass would examine. (Keyed with the defaults'
     * noise instead, the grid missed tracks here.)
     */
    @Test
    void classifiedTracksWithMoreNoiseAreFoundAsByFullPasses() {
        CellWorld plain = CellWorld.generate(5, 800, 60, 1.0);
        CellWorld world =
                new CellWorld(
                        plain.referencePoint(),
                        plain.parameters()
                                .withClassNoise(
                                        Map.of(TargetClass.AIRCRAFT, new ProcessNoise(100, 400))),
                        plain.batches(),
                        plain.cells());
        Classification aircraft = new Classification(TargetClass.AIRCRAFT, 0.9);
        List<List<Observation>> batches = new ArrayList<>();
        for (List<Observation> b : world.batches()) {
            List<Observation> classified = new ArrayList<>();
            for (Observation o : b) {
                classified.add(
                        Math.floorMod(o.observationId().hashCode(), 3) == 0
                                ? o
                                : new Observation(
                                        o.observationId(),
                                        o.partnerId(),
                                        o.sensorId(),
                                        o.sensorKind(),
                                        o.eventTime(),
                                        o.measurement(),
                                        o.velocity(),
                                        o.identity(),
                                        aircraft,
                                        o.marking()));
            }
            batches.add(classified);
        }
        MultiTargetTracker[] both =
                sameAsFullPasses(world, batches, world.parameters().sensors().get(3).sensorId());
        assertThat(both[0].liveTrackCount()).isGreaterThan(TrackGrid.FEW_ROWS);
        assertThat(
                        both[0]
                                .confirmedTracksAt(
                                        batches.get(batches.size() - 1).get(0).eventTime())
                                .stream()
                                .filter(
                                        t ->
                                                t.classification().targetClass()
                                                        == TargetClass.AIRCRAFT)
                                .count())
                .isGreaterThan(100);
    }

    @Test
    void aSensorWithoutPriorIsAFullPass() {
        CellWorld world = CellWorld.generate(3, 600, 30, 1.0);
        MultiTargetTracker indexed =
                new MultiTargetTracker(world.parameters(), world.referencePoint());
        MultiTargetTracker full =
                new MultiTargetTracker(world.parameters(), world.referencePoint());
        full.trackGrid.fullPassesOnly = true;
        for (List<Observation> b : world.batches()) {
            // A sensor without prior: in view are the tracks it contributed to, wherever they are.
            List<Observation> renamed = new ArrayList<>();
            for (Observation o : b) {
                renamed.add(
                        o.sensorId().startsWith("D1")
                                ? new Observation(
                                        o.observationId(),
                                        o.partnerId(),
                                        "X" + o.sensorId(),
                                        o.sensorKind(),
                                        o.eventTime(),
                                        o.measurement(),
                                        o.velocity(),
                                        o.identity(),
                                        o.classification(),
                                        o.marking())
                                : o);
            }
            assertThat(text(indexed.update(renamed))).isEqualTo(text(full.update(renamed)));
            var t = b.get(0).eventTime();
            assertThat(text(indexed.advanceTo(t))).isEqualTo(text(full.advanceTo(t)));
        }
        assertThat(indexed.snapshot()).isEqualTo(full.snapshot());
    }

    private static List<String> text(List<EntityTrack> tracks) {
        List<String> out = new ArrayList<>(tracks.size());
        for (EntityTrack e : tracks) {
            out.add(e.toString());
        }
        return out;
    }
}
