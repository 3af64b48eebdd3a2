package io.cordon.pipeline.flink.detect;

import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.MEETING;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.T0;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.alerts;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.keyed;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.moved;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.ms;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.identity.IdentityConflictDetector;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.Test;

/**
 * The identity-conflict detector (keyed by cooperative identity) in Flink's keyed harness, with its
 * default parameters: the conflict alerts on the watermark that reaches the second claim, whatever
 * the arrival order; the tracks' deletions close it after the takeover window and leave no keyed
 * state and no timer; a side's track re-created by the tracker continues it (same id), in any
 * arrival order; two claims closer than the minimum separation stay silent.
 */
class IdentityConflictOperatorTest {
    static final IdentityConflictDetector DETECTOR =
            new IdentityConflictDetector(IdentityConflictParameters.DEFAULTS);
    static final CooperativeIdentity MMSI = new CooperativeIdentity("367000001", "", "", "");

    @Test
    void twoTracksWithOneMmsi5KmApartAlertOnTheWatermarkOfTheSecondClaimAndDeletionsClear()
            throws Exception {
        var h = keyed(KeyedDetectorFactory.identityConflict());
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 20; s += 2) {
            updates.add(vessel("S-1", s, MEETING));
            if (s >= 10) { // a second track claims the MMSI from 10 s on, 5 km east
                updates.add(vessel("S-2", s, moved(MEETING, 90, 5_000)));
            }
        }
        // arrival in reverse order: the watermark decides
        for (int i = updates.size() - 1; i >= 0; i--) {
            route(h, DETECTOR, updates.get(i));
        }
        assertThat(h.extractOutputValues()).as("nothing before the watermark").isEmpty();
        h.processWatermark(new Watermark(ms(10) - 1));
        assertThat(h.extractOutputValues()).as("before the second claim").isEmpty();
        h.processWatermark(new Watermark(ms(10)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).type()).isEqualTo(AlertType.IDENTITY_CONFLICT);
        assertThat(raised.get(0).trackIds()).containsExactly("S-1", "S-2");
        assertThat(raised.get(0).windowStart()).isEqualTo(T0.plusSeconds(10));
        // the same alert, id and all, as the offline replay in event order
        assertThat(DetectorReplay.keyed(DETECTOR, updates).get(0).alertId())
                .isEqualTo(raised.get(0).alertId());
        h.processWatermark(new Watermark(ms(20)));
        assertThat(alerts(h)).hasSize(1);

        route(h, DETECTOR, deleted(vessel("S-1", 22, MEETING)));
        route(h, DETECTOR, deleted(vessel("S-2", 22, moved(MEETING, 90, 5_000))));
        h.processWatermark(new Watermark(ms(22)));
        assertThat(alerts(h)).as("open for a track to take a side over").hasSize(1);
        double window = IdentityConflictParameters.DEFAULTS.takeoverWindowS();
        h.processWatermark(new Watermark(ms(22 + window)));
        assertThat(alerts(h)).hasSize(1);
        h.processWatermark(new Watermark(ms(22 + window) + 1));
        List<Alert> all = DetectorOperatorsTest.assertClosedAndCleared(h);
        assertThat(all.get(1).windowEnd())
                .as("ended at the deletions")
                .isEqualTo(T0.plusSeconds(22));
        h.close();
    }

    @Test
    void aSideReCreatedByTheTrackerIsAnUpdateOfTheSameAlertWhateverTheArrivalOrder()
            throws Exception {
        var h = keyed(KeyedDetectorFactory.identityConflict());
        GeoPoint far = moved(MEETING, 90, 5_000);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 80; s += 2) {
            updates.add(vessel("S-1", s, MEETING));
            if (s <= 30) {
                updates.add(vessel("S-2", s, far));
            } else if (s == 32) {
                updates.add(deleted(vessel("S-2", s, far)));
            } else if (s >= 40) { // the tracker's new track of the far side, 100 m on
                updates.add(vessel("S-9", s, moved(far, 0, 100)));
            }
        }
        // one watermark over everything, arrival shuffled
        List<EntityTrack> arrival = new ArrayList<>(updates);
        Collections.shuffle(arrival, new Random(7));
        for (EntityTrack u : arrival) {
            route(h, DETECTOR, u);
        }
        h.processWatermark(new Watermark(ms(80)));

        List<Alert> raised = alerts(h);
        assertThat(raised)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE);
        assertThat(raised).extracting(Alert::alertId).containsOnly(raised.get(0).alertId());
        assertThat(raised.get(1).trackIds()).containsExactly("S-1", "S-9");
        assertThat(raised.get(1).windowEnd()).isEqualTo(T0.plusSeconds(40));
        assertThat(raised.get(1).evidence()).containsEntry("reason", "trackReplaced");
        // the same messages as the offline replay in event order
        assertThat(
                        DetectorReplay.keyed(DETECTOR, updates).subList(0, 2).stream()
                                .map(IdentityConflictOperatorTest::message))
                .containsExactlyElementsOf(
                        raised.stream().map(IdentityConflictOperatorTest::message).toList());
        h.close();
    }

    @Test
    void
            claimsThatStopWithoutDeletionCloseOnTheWatermarkAfterTheMaximumAgeAndTheWindowAndClearTheKey()
                    throws Exception {
        var h = keyed(KeyedDetectorFactory.identityConflict());
        for (int s = 0; s <= 20; s += 2) {
            route(h, DETECTOR, vessel("S-1", s, MEETING));
            route(h, DETECTOR, vessel("S-2", s, moved(MEETING, 90, 5_000)));
        }
        h.processWatermark(new Watermark(ms(20)));
        assertThat(alerts(h)).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(h.numEventTimeTimers()).as("the claims' expiry").isEqualTo(1);
        // Neither track claims the MMSI again and no deletion reaches this key.
        double maxAge = IdentityConflictParameters.DEFAULTS.maxClaimAgeS();
        h.processWatermark(new Watermark(ms(20 + maxAge)));
        assertThat(alerts(h)).as("claims exactly maxClaimAgeS old still count").hasSize(1);
        long expired = ms(20 + maxAge) + 1;
        h.processWatermark(new Watermark(expired));
        assertThat(alerts(h)).as("open for a track to take a side over").hasSize(1);
        assertThat(h.numEventTimeTimers()).as("the takeover window's end").isEqualTo(1);
        long window = Math.round(IdentityConflictParameters.DEFAULTS.takeoverWindowS() * 1000);
        h.processWatermark(new Watermark(expired + window));
        assertThat(alerts(h)).hasSize(1);
        h.processWatermark(new Watermark(expired + window + 1));
        List<Alert> all = DetectorOperatorsTest.assertClosedAndCleared(h);
        assertThat(all.get(1).windowEnd().toEpochMilli()).isEqualTo(expired);
        h.close();
    }

    @Test
    void twoTracksWithOneMmsi900MetresApartAreNoConflict() throws Exception {
        var h = keyed(KeyedDetectorFactory.identityConflict());
        double min = IdentityConflictParameters.DEFAULTS.minSeparationM();
        for (int s = 0; s <= 60; s += 2) {
            route(h, DETECTOR, vessel("S-3", s, MEETING));
            route(h, DETECTOR, vessel("S-4", s, moved(MEETING, 90, min - 100)));
        }
        h.processWatermark(new Watermark(ms(60)));
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    static EntityTrack vessel(String id, double s, GeoPoint p) {
        return new EntityTrack(
                id,
                TrackStatus.CONFIRMED,
                T0.plusMillis(Math.round(s * 1000)),
                p,
                new Velocity(0, 0, 0),
                StateCovariance.diagonal(15, 1),
                new TreeSet<>(Set.of("ais-1")),
                new TreeSet<>(Set.of("usa")),
                MMSI,
                new Classification(TargetClass.VESSEL, 0.9),
                Marking.UNRESTRICTED,
                1 + Math.round(s / 2));
    }

    /** What the operator and the replay must agree on. */
    static String message(Alert a) {
        return a.alertId() + " " + a.state() + " " + a.windowEnd() + " " + a.trackIds();
    }

    static EntityTrack deleted(EntityTrack t) {
        return t.withStatus(TrackStatus.DELETED);
    }
}
