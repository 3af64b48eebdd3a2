package io.cordon.pipeline.tracker;

import static io.cordon.pipeline.tracker.CrossingScenario.PLANE;
import static io.cordon.pipeline.tracker.CrossingScenario.REF;
import static io.cordon.pipeline.tracker.CrossingScenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tracker restricted to a region ({@link MultiTargetTracker#restrictTo}). */
class RegionTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();

    /** A target heading east at 10 m/s, seen by a drone every second for 30 s, up to e = -100 m. */
    private static MultiTargetTracker tracked(MultiTargetTracker.Region region) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, REF);
        if (region != null) {
            tracker.restrictTo(region);
        }
        for (int t = 0; t <= 30; t++) {
            Observation o =
                    new Observation(
                            "d" + t,
                            "MX",
                            "D1",
                            SensorKind.DRONE,
                            T0.plusSeconds(t),
                            PositionFix.isotropic(PLANE.surfacePoint(-400 + 10.0 * t, 0), 10),
                            null,
                            null,
                            null,
                            Marking.UNRESTRICTED);
            tracker.update(List.of(o));
        }
        assertThat(tracker.confirmedTracksAt(T0.plusSeconds(30))).hasSize(1);
        return tracker;
    }

    @Test
    void aTrackThatLeavesTheRegionIsDeletedAndOneThatStaysCoasts() {
        MultiTargetTracker restricted = tracked((e, n) -> e <= 0);
        MultiTargetTracker free = tracked(null);
        List<EntityTrack> changed = List.of();
        for (int t = 31; t <= 50; t++) {
            changed = restricted.advanceTo(T0.plusSeconds(t));
            if (!changed.isEmpty() && changed.get(0).status() == TrackStatus.DELETED) {
                break;
            }
            free.advanceTo(T0.plusSeconds(t));
        }
        assertThat(changed).extracting(EntityTrack::status).containsExactly(TrackStatus.DELETED);
        assertThat(restricted.liveTrackCount()).isZero();
        assertThat(free.liveTrackCount()).isEqualTo(1);
        assertThat(free.confirmedTracksAt(T0.plusSeconds(50))).hasSize(1);
    }
}
