package io.cordon.pipeline.flink.detect;

import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.CONFIG;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.T0;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.alerts;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.moved;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.convoy.ConvoyAlertReconciler;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The convoy reconciler in Flink's keyed harness: the tiles' alerts, arriving tile by tile in the
 * wrong order, come out on the watermark as the offline replay gives them (one id across a
 * hand-over), a held hand-over closes on the watermark rejoinS after it, and no state or timer is
 * left once every convoy is closed.
 */
class ConvoyReconcileOperatorTest {
    static final GeoPoint EDGE = GeoPoint.of(31.40, -110.75); // a 0.25° tile edge

    static KeyedOneInputStreamOperatorTestHarness<String, KeyedPayload, KeyedPayload> harness()
            throws Exception {
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ConvoyReconcileFunction(
                                CONFIG, KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS),
                        p -> ConvoyReconcileFunction.KEY,
                        Types.STRING);
        h.open();
        return h;
    }

    static void send(
            KeyedOneInputStreamOperatorTestHarness<String, KeyedPayload, KeyedPayload> h, Alert a)
            throws Exception {
        long t = ConvoyAlertReconciler.raisedAt(a).toEpochMilli();
        h.processElement(
                new StreamRecord<>(
                        new KeyedPayload("", a.alertId(), t, AlertCodec.toProto(a).toByteArray()),
                        t));
    }

    /** Three vehicles driving east at 12 m/s from 10 km west of a tile edge for 1 700 s. */
    static List<EntityTrack> columnCrossingATileEdge() {
        GeoPoint origin = moved(EDGE, 270, 10_000);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 1700; s++) {
            for (int i = 0; i < 3; i++) {
                double east = 12.0 * s - 100 * i;
                updates.add(
                        DetectorOperatorsTest.track(
                                "V-" + i,
                                TrackStatus.CONFIRMED,
                                s,
                                east >= 0 ? moved(origin, 90, east) : moved(origin, 270, -east),
                                12,
                                0));
            }
        }
        return updates;
    }

    @Test
    void tilesAlertsInTheWrongArrivalOrderGiveTheOfflineReplaysOneIdOnTheWatermark()
            throws Exception {
        ConvoyDetector convoy = new ConvoyDetector(ConvoyParameters.DEFAULTS);
        List<EntityTrack> updates = columnCrossingATileEdge();
        List<Alert> tiles = new ArrayList<>();
        DetectorReplay.perKey(convoy, updates, (key, by, a) -> tiles.add(a));
        assertThat(tiles.stream().map(Alert::alertId).distinct()).as("two tiles' ids").hasSize(2);
        List<Alert> offline = new ArrayList<>();
        DetectorReplay.keyed(convoy, updates, (key, by, a) -> offline.add(wire(a)));

        var h = harness();
        // each tile's alerts in order, the later tile's first
        List<Alert> arrival = new ArrayList<>(tiles);
        arrival.sort(Comparator.comparing(ConvoyAlertReconciler::tile, Comparator.reverseOrder()));
        for (Alert a : arrival) {
            send(h, a);
        }
        Alert first = tiles.get(0);
        long firstAt = ConvoyAlertReconciler.raisedAt(first).toEpochMilli();
        h.processWatermark(new Watermark(firstAt - 1));
        assertThat(h.extractOutputValues()).as("before the first alert's time").isEmpty();
        h.processWatermark(new Watermark(firstAt));
        assertThat(alerts(h)).containsExactly(offline.get(0));
        h.processWatermark(new Watermark(Long.MAX_VALUE));

        assertThat(alerts(h)).containsExactlyElementsOf(offline);
        assertThat(offline).extracting(Alert::alertId).containsOnly(first.alertId());
        assertThat(offline)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aHandoverNobodyContinuesClosesOnTheWatermarkRejoinSAfterIt() throws Exception {
        var h = harness();
        send(h, message(AlertState.NEW, 0, "", 120));
        send(h, message(AlertState.CLOSED, 1, "handover", 300));
        h.processWatermark(new Watermark(T0.plusSeconds(300).toEpochMilli()));
        assertThat(alerts(h)).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(h.numEventTimeTimers()).as("the held close's").isEqualTo(1);
        h.processWatermark(new Watermark(T0.plusSeconds(420).toEpochMilli() - 1));
        assertThat(alerts(h)).hasSize(1);
        h.processWatermark(new Watermark(T0.plusSeconds(420).toEpochMilli()));
        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(all.get(1).evidence()).containsEntry("reason", "handover");
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        h.close();
    }

    /** {@code a} as it comes off the wire. */
    static Alert wire(Alert a) {
        return ((DecodeResult.Ok<Alert>) AlertCodec.parse(AlertCodec.toProto(a).toByteArray()))
                .value();
    }

    /** The west tile's convoy message for tracks A, B, C from 0 s, raised at {@code atS}. */
    static Alert message(AlertState state, int revision, String reason, double atS) {
        Map<String, String> evidence = new TreeMap<>();
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        evidence.put(
                ConvoyAlertReconciler.RAISED_AT, T0.plusMillis(Math.round(atS * 1000)).toString());
        evidence.put(ConvoyAlertReconciler.TILE, "west");
        if (!reason.isEmpty()) {
            evidence.put("reason", reason);
        }
        return new Alert(
                "w1",
                AlertType.CONVOY,
                Severity.MEDIUM,
                state,
                T0,
                T0.plusMillis(Math.round(atS * 1000)),
                EDGE,
                List.of("A", "B", "C"),
                ConvoyDetector.NAME,
                ConvoyDetector.VERSION,
                Alert.evidence(evidence),
                Marking.UNRESTRICTED,
                "convoy");
    }
}
