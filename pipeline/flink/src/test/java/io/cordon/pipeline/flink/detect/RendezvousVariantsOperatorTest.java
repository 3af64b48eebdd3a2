package io.cordon.pipeline.flink.detect;

import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.alerts;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.moved;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.ms;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.rendezvous;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.route;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.rendezvous.RendezvousDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.Test;

/**
 * The rendezvous operator runs the sea variant for vessels next to the land one, on the watermark.
 */
class RendezvousVariantsOperatorTest {
    static final GeoPoint SEA = GeoPoint.of(30.05, -113.45);
    static final double KNOT_MPS = 1852.0 / 3600;

    static final RendezvousDetector DETECTOR =
            new RendezvousDetector(RendezvousVariants.DEFAULTS, TileGrid.DEFAULT);

    private static EntityTrack vessel(String id, double s, GeoPoint p) {
        return classed(id, s, p, TargetClass.VESSEL);
    }

    private static EntityTrack classed(String id, double s, GeoPoint p, TargetClass c) {
        EntityTrack u = track(id, TrackStatus.CONFIRMED, s, p, KNOT_MPS, 0);
        return new EntityTrack(
                u.trackId(),
                u.status(),
                u.time(),
                u.position(),
                u.velocity(),
                u.covariance(),
                u.sensorIds(),
                u.partnerIds(),
                u.identity(),
                new Classification(c, 0.9),
                u.marking(),
                u.updateCount());
    }

    /** Two vessels 400 m apart drifting east at 1 kn, both updated every 10 s to {@code endS}. */
    private static List<EntityTrack> encounter(int endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s += 10) {
            GeoPoint a = moved(SEA, 90, KNOT_MPS * s);
            out.add(vessel("V-A", s, a));
            out.add(vessel("V-B", s, moved(a, 0, 400)));
        }
        return out;
    }

    @Test
    void twoVesselsTogetherTwoHoursAlertOnTheWatermarkThatCompletesThemAndCloseOnExpiry()
            throws Exception {
        var h = rendezvous();
        List<EntityTrack> updates = encounter(7300);
        for (EntityTrack u : updates) {
            route(h, DETECTOR, u);
        }
        h.processWatermark(new Watermark(ms(7200) - 1));
        assertThat(h.extractOutputValues()).as("together just under 2 h").isEmpty();
        h.processWatermark(new Watermark(ms(7200)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).evidence()).containsEntry("variant", "sea");
        assertThat(raised.get(0).trackIds()).containsExactly("V-A", "V-B");

        // The trackers publish nothing more: the vessels are forgotten after the sea variant's
        // 600 s (not the land 60 s), and the pair closes with the same id.
        h.processWatermark(new Watermark(ms(7300 + 60)));
        assertThat(alerts(h)).hasSize(1);
        h.processWatermark(new Watermark(ms(7300 + 600)));
        List<Alert> all = DetectorOperatorsTest.assertClosedAndCleared(h);
        assertThat(all.get(1).evidence()).containsEntry("reason", "forgotten");

        // The offline replay in event order gives the same alerts.
        assertThat(DetectorReplay.keyed(DETECTOR, updates))
                .extracting(Alert::alertId, Alert::state, Alert::windowEnd)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                all.get(0).alertId(), AlertState.NEW, all.get(0).windowEnd()),
                        org.assertj.core.groups.Tuple.tuple(
                                all.get(1).alertId(), AlertState.CLOSED, all.get(1).windowEnd()));
        h.close();
    }

    @Test
    void twoTracksFirstUnclassifiedThenVesselsAlertAsSeaNotLand() throws Exception {
        // 40 m apart at 1 kn; UNKNOWN (land: 30 s together is a meeting) until 20 s, then VESSEL.
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 7300; s += 10) {
            TargetClass c = s < 20 ? TargetClass.UNKNOWN : TargetClass.VESSEL;
            GeoPoint a = moved(SEA, 90, KNOT_MPS * s);
            updates.add(classed("V-A", s, a, c));
            updates.add(classed("V-B", s, moved(a, 0, 40), c));
        }
        var h = rendezvous();
        for (EntityTrack u : updates) {
            route(h, DETECTOR, u);
        }
        h.processWatermark(new Watermark(ms(600)));
        assertThat(h.extractOutputValues())
                .as("no land meeting after the classes changed")
                .isEmpty();
        h.processWatermark(new Watermark(ms(20 + 7200)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).evidence()).containsEntry("variant", "sea");
        assertThat(raised.get(0).windowStart()).isEqualTo(java.time.Instant.ofEpochMilli(ms(20)));
        assertThat(DetectorReplay.keyed(DETECTOR, updates))
                .extracting(Alert::alertId)
                .contains(raised.get(0).alertId());
        h.close();
    }

    @Test
    void twoVesselsTogetherOneHourAreNoEncounter() throws Exception {
        var h = rendezvous();
        for (EntityTrack u : encounter(3600)) {
            route(h, DETECTOR, u);
        }
        h.processWatermark(new Watermark(ms(3600 + 600)));
        assertThat(h.extractOutputValues()).isEmpty();
        assertThat(h.numKeyedStateEntries()).isZero();
        h.close();
    }
}
