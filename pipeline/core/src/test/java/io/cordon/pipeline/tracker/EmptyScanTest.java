package io.cordon.pipeline.tracker;

import static io.cordon.pipeline.tracker.CrossingScenario.PLANE;
import static io.cordon.pipeline.tracker.CrossingScenario.REF;
import static io.cordon.pipeline.tracker.CrossingScenario.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scan with no detection for the tracker ({@link Tracker#emptyScan}). */
class EmptyScanTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();

    /** The crossing scenario's first 60 s: two confirmed tracks seen by radar R1 and drone D1. */
    private static MultiTargetTracker tracked() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        for (List<Observation> batch : CrossingScenario.batches(4, 60)) {
            tracker.update(batch);
        }
        return tracker;
    }

    private static Observation droneFixFarAway(Instant t) {
        return new Observation(
                "far",
                "MX",
                "D1",
                SensorKind.DRONE,
                t,
                PositionFix.isotropic(PLANE.surfacePoint(40000, -40000), 10),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    @Test
    void anEmptyScanMissesTheTracksInViewAsAScanWithDetectionsElsewhere() {
        Instant t = T0.plusSeconds(61);
        MultiTargetTracker empty = tracked();
        MultiTargetTracker elsewhere = tracked();
        MultiTargetTracker untold = tracked();
        List<EntityTrack> confirmed = empty.confirmedTracksAt(t);
        assertThat(confirmed).hasSize(2);

        empty.emptyScan("D1", t);
        elsewhere.update(List.of(droneFixFarAway(t)));
        untold.advanceTo(t);
        for (EntityTrack track : confirmed) {
            String id = track.trackId();
            double missed = empty.existenceProbability(id);
            assertThat(missed).isCloseTo(elsewhere.existenceProbability(id), within(1e-12));
            assertThat(missed).isLessThan(untold.existenceProbability(id));
        }
    }

    @Test
    void anEmptyScanOfASensorThatNeverSawTheTracksChangesNothing() {
        Instant t = T0.plusSeconds(61);
        MultiTargetTracker told = tracked();
        MultiTargetTracker untold = tracked();
        // No prior for "D7" and it has never contributed: its view is unknown, no track is in it.
        assertThat(told.emptyScan("D7", t)).isEmpty();
        untold.advanceTo(t);
        assertThat(told.snapshot()).isEqualTo(untold.snapshot());
    }

    @Test
    void anEmptyScanNeedsASensorAndATime() {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        assertThatThrownBy(() -> tracker.emptyScan(" ", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tracker.emptyScan("R1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
