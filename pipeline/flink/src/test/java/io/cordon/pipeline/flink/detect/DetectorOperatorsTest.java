package io.cordon.pipeline.flink.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.bench.BenchBorders;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.rendezvous.RendezvousDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousParameters;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The detection operators in Flink's keyed test harness: when alerts come out (on the update or the
 * watermark that completes them), that state and timers are gone once the tracks end, and that near
 * misses stay silent.
 */
class DetectorOperatorsTest {
    static final double BORDER_LAT = 31.3333;
    static final double REF_LON = -110.6;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ConfigText CONFIG =
            new ConfigText("reference: {latDeg: 31.3333, lonDeg: -110.6}\n", ".");
    static final String BORDERS = BenchBorders.geoJson(BORDER_LAT, REF_LON);
    static final GeoPoint ON_LINE = new GeoPoint(BORDER_LAT, REF_LON, 1200);
    static final GeoPoint MEETING = moved(ON_LINE, 180, 5000); // 5 km south of the line

    // ------------------------------------------------------------ per track: border crossing

    @Test
    void aCrossingAlertsOnTheUpdateThatClearsTheLineAndDeletionClearsTheState() throws Exception {
        var h = perTrack(TrackDetectorFactory.borderCrossing());
        // North at 10 m/s, 2 s updates: -120, -100, ... m; crosses between -20 and 0 ... alerts
        // once
        // 50 m past (hysteresis), i.e. at the update at +60 m.
        List<Integer> outputsAfter = new ArrayList<>();
        for (int k = 0; k <= 9; k++) {
            double north = -120 + 20 * k;
            h.processElement(
                    envelope(
                            track(
                                    "T-1",
                                    TrackStatus.CONFIRMED,
                                    2 * k,
                                    moved(ON_LINE, 0, north),
                                    0,
                                    10)),
                    0);
            outputsAfter.add(h.extractOutputValues().size());
        }
        // Updates at -120 ... +60 m: the one at +60 m (k = 9) is the first 50 m past the line.
        assertThat(outputsAfter).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        Alert a = alerts(h).get(0);
        assertThat(a.type()).isEqualTo(AlertType.BORDER_CROSSING);
        assertThat(a.trackIds()).containsExactly("T-1");
        assertThat(a.windowStart()).isBetween(T0.plusSeconds(10), T0.plusSeconds(14));
        assertThat(h.numKeyedStateEntries()).isPositive();
        h.processElement(
                envelope(track("T-1", TrackStatus.DELETED, 20, moved(ON_LINE, 0, 70), 0, 10)), 0);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        h.processWatermark(new Watermark(ms(100)));
        assertThat(alerts(h)).hasSize(1);
        h.close();
    }

    @Test
    void aTrackThatComesWithin30MetresOfTheLineAndTurnsBackDoesNotAlert() throws Exception {
        var h = perTrack(TrackDetectorFactory.borderCrossing());
        double[] norths = {-200, -120, -60, -30, -60, -120, -200};
        for (int k = 0; k < norths.length; k++) {
            h.processElement(
                    envelope(
                            track(
                                    "T-2",
                                    TrackStatus.CONFIRMED,
                                    2 * k,
                                    moved(ON_LINE, 0, norths[k]),
                                    0,
                                    0)),
                    0);
        }
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    @Test
    void aMaritimeControlLineFromTheConfigurationIsCrossedInTheOperator() throws Exception {
        ConfigText config =
                new ConfigText(
                        "reference: {latDeg: 31.3333, lonDeg: -110.6}\n"
                                + "borders:\n  controlLines:\n"
                                + "    - {name: Gulf line, wkt: 'LINESTRING (-113.8 31.0, -113.2"
                                + " 31.0)', left: MEX}\n",
                        ".");
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TrackDetectorFunction(
                                config, BORDERS, TrackDetectorFactory.borderCrossing()),
                        e -> e.trackId,
                        Types.STRING);
        h.open();
        GeoPoint onLine = new GeoPoint(31.0, -113.5, 0);
        // north at 5 m/s, every 10 s from 510 m south: over the line at 102 s, 90 m past at 120 s
        for (int s = 0; s <= 140; s += 10) {
            double north = -510 + 5.0 * s;
            GeoPoint p = north >= 0 ? moved(onLine, 0, north) : moved(onLine, 180, -north);
            h.processElement(envelope(track("V-1", TrackStatus.CONFIRMED, s, p, 0, 5)), 0);
        }
        List<Alert> raised = alerts(h);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).evidence())
                .containsEntry("controlLine", "Gulf line")
                .containsEntry("toCountry", "MEX")
                .containsEntry("confirmedAt", T0.plusSeconds(120).toString());
        h.close();
    }

    // ------------------------------------------------------ keyed by tile: rendezvous

    @Test
    void aRendezvousAlertsWhenTheWatermarkCompletesItWhateverTheArrivalOrder() throws Exception {
        var h = rendezvous();
        List<EntityTrack> updates = standingPair(20, 40);
        // All of B's updates first, then A's: the order two partitions may deliver them in.
        for (EntityTrack u : updates) {
            if (u.trackId().equals("T-B")) {
                route(h, u);
            }
        }
        for (EntityTrack u : updates) {
            if (u.trackId().equals("T-A")) {
                route(h, u);
            }
        }
        assertThat(h.extractOutputValues()).as("nothing before the watermark").isEmpty();
        h.processWatermark(new Watermark(ms(28)));
        assertThat(h.extractOutputValues()).as("together 28 s < 30 s").isEmpty();
        h.processWatermark(new Watermark(ms(40)));
        List<Alert> raised = alerts(h);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).state()).isEqualTo(AlertState.NEW);
        assertThat(raised.get(0).trackIds()).containsExactly("T-A", "T-B");
        // The same alert, id and all, as the offline replay in event order (whose end of input,
        // a watermark past every expiry, then forgets the pair).
        List<Alert> offline = DetectorReplay.keyed(detector(), updates);
        assertThat(offline)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(offline.get(0).alertId()).isEqualTo(raised.get(0).alertId());
        assertThat(raised.get(0).windowEnd()).isEqualTo(offline.get(0).windowEnd());

        // Both tracks end: the pair closes, and the tiles keep nothing, no timer either.
        for (String id : List.of("T-A", "T-B")) {
            route(h, track(id, TrackStatus.DELETED, 42, position(id, 20), 0, 0));
        }
        h.processWatermark(new Watermark(ms(42)));
        List<Alert> all = alerts(h);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).state()).isEqualTo(AlertState.CLOSED);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aTileThatHearsNothingMoreClosesItsPairOnTheWatermarkAtTheExpiryAndKeepsNoTimer()
            throws Exception {
        var h = rendezvous();
        List<EntityTrack> updates = standingPair(20, 40);
        for (EntityTrack u : updates) {
            route(h, u);
        }
        h.processWatermark(new Watermark(ms(40)));
        assertThat(alerts(h)).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(h.numEventTimeTimers()).as("one expiry timer per tile").isPositive();
        double forget = RendezvousParameters.DEFAULTS.forgetAfterS();

        // The trackers publish nothing more: just before the tracks' expiry nothing happens.
        h.processWatermark(new Watermark(ms(40 + forget) - 1));
        assertThat(alerts(h)).hasSize(1);
        h.processWatermark(new Watermark(ms(40 + forget)));

        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(all.get(1).evidence()).containsEntry("reason", "forgotten");
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        // The offline replay ends the same way at the end of its input.
        assertThat(DetectorReplay.keyed(detector(), updates))
                .extracting(Alert::alertId, Alert::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(all.get(0).alertId(), AlertState.NEW),
                        org.assertj.core.groups.Tuple.tuple(
                                all.get(1).alertId(), AlertState.CLOSED));
        h.close();
    }

    @Test
    void theLandDefaultsCatchTwoPeopleStanding50MetresApartFor30Seconds() throws Exception {
        // The land example: within 50 m of each other for at least 30 s.
        var h = rendezvous();
        for (EntityTrack u : standingPair(50, 30)) {
            route(h, u);
        }
        h.processWatermark(new Watermark(ms(30) - 1));
        assertThat(h.extractOutputValues()).as("together just under 30 s").isEmpty();
        h.processWatermark(new Watermark(ms(30)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).windowStart()).isEqualTo(T0);
        h.close();
    }

    @Test
    void twoTracksStanding80MetresApartAreNoRendezvous() throws Exception {
        var h = rendezvous();
        for (EntityTrack u : standingPair(80, 60)) {
            route(h, u);
        }
        h.processWatermark(new Watermark(ms(60)));
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    @Test
    void withoutAWatermarkTheWaitingUpdatesAreReleasedAfterTheQuietTime() throws Exception {
        var h = rendezvous();
        h.setProcessingTime(0);
        for (EntityTrack u : standingPair(20, 40)) {
            route(h, u);
        }
        h.setProcessingTime(KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS - 1);
        assertThat(h.extractOutputValues()).isEmpty();
        h.setProcessingTime(KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS);
        assertThat(alerts(h)).extracting(Alert::state).containsExactly(AlertState.NEW);
        h.close();
    }

    // ------------------------------------------------------------ keyed by tile: convoy

    @Test
    void aConvoyAlertsOnTheWatermarkThatCompletesItsMinimumDurationAndEndsWithItsTracks()
            throws Exception {
        var h = keyed(KeyedDetectorFactory.convoy());
        ConvoyDetector convoy = new ConvoyDetector(ConvoyParameters.DEFAULTS);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 130; s += 2) {
            for (int i = 0; i < 3; i++) {
                String id = "V-" + i;
                updates.add(
                        track(
                                id,
                                TrackStatus.CONFIRMED,
                                s,
                                moved(MEETING, 90, 12.0 * s - 150 * i),
                                12,
                                0));
            }
        }
        // the tracks' updates in reverse order: arrival order does not matter, the watermark does
        for (int i = updates.size() - 1; i >= 0; i--) {
            route(h, convoy, updates.get(i));
        }
        h.processWatermark(new Watermark(ms(118)));
        assertThat(h.extractOutputValues()).as("together 118 s < 120 s").isEmpty();
        h.processWatermark(new Watermark(ms(120)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).trackIds()).containsExactly("V-0", "V-1", "V-2");
        // offline the input ends here: the tile forgets the silent tracks and closes the alert
        List<Alert> offline = DetectorReplay.keyed(convoy, updates);
        assertThat(offline)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(offline).extracting(Alert::alertId).containsOnly(raised.get(0).alertId());
        assertThat(offline.get(1).evidence()).containsEntry("reason", "lost");

        for (int i = 0; i < 3; i++) {
            route(
                    h,
                    convoy,
                    track(
                            "V-" + i,
                            TrackStatus.DELETED,
                            131,
                            updates.get(updates.size() - 3 + i).position(),
                            0,
                            0));
        }
        h.processWatermark(new Watermark(ms(131)));
        assertClosedAndCleared(h);
        h.close();
    }

    @Test
    void aTrackJoiningAConvoyIsAnUpdateOnTheWatermarkThatReachesItsFirstUpdate() throws Exception {
        var h = keyed(KeyedDetectorFactory.convoy());
        ConvoyDetector convoy = new ConvoyDetector(ConvoyParameters.DEFAULTS);
        for (int s = 0; s <= 160; s += 2) {
            for (int i = 0; i < 4; i++) {
                if (i == 3 && s < 140) {
                    continue; // V-3 appears at 140 s, 150 m behind V-2
                }
                route(
                        h,
                        convoy,
                        track(
                                "V-" + i,
                                TrackStatus.CONFIRMED,
                                s,
                                moved(MEETING, 90, 12.0 * s - 150 * i),
                                12,
                                0));
            }
        }
        h.processWatermark(new Watermark(ms(139)));
        assertThat(alerts(h)).extracting(Alert::state).containsExactly(AlertState.NEW);
        h.processWatermark(new Watermark(ms(140)));
        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.UPDATE);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(all.get(1).trackIds()).containsExactly("V-0", "V-1", "V-2", "V-3");
        assertThat(all.get(1).windowEnd()).isEqualTo(T0.plusSeconds(140));
        assertThat(all.get(1).evidence()).containsEntry("revision", "1");
        h.processWatermark(new Watermark(ms(160)));
        assertThat(alerts(h)).hasSize(2);
        h.close();
    }

    @Test
    void threeTracksPassingInOppositeDirectionsAreNoConvoy() throws Exception {
        var h = keyed(KeyedDetectorFactory.convoy());
        ConvoyDetector convoy = new ConvoyDetector(ConvoyParameters.DEFAULTS);
        for (int s = 0; s <= 200; s += 2) {
            route(
                    h,
                    convoy,
                    track("V-0", TrackStatus.CONFIRMED, s, moved(MEETING, 90, 12.0 * s), 12, 0));
            route(
                    h,
                    convoy,
                    track(
                            "V-1",
                            TrackStatus.CONFIRMED,
                            s,
                            moved(MEETING, 90, 12.0 * s - 100),
                            12,
                            0));
            route(
                    h,
                    convoy,
                    track(
                            "V-2",
                            TrackStatus.CONFIRMED,
                            s,
                            moved(MEETING, 90, 2400 - 12.0 * s),
                            -12,
                            0));
        }
        h.processWatermark(new Watermark(ms(200)));
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // ------------------------------------------------------------------------------ fixtures

    static KeyedOneInputStreamOperatorTestHarness<String, RoutedTrack, KeyedPayload> keyed(
            KeyedDetectorFactory factory) throws Exception {
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new KeyedTrackDetectorFunction(
                                CONFIG,
                                BORDERS,
                                factory,
                                KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS),
                        r -> r.key,
                        Types.STRING);
        h.open();
        return h;
    }

    /** One copy per key of {@code detector}'s keys for the update. */
    static void route(
            KeyedOneInputStreamOperatorTestHarness<String, RoutedTrack, KeyedPayload> h,
            io.cordon.pipeline.detect.KeyedTrackDetector<?> detector,
            EntityTrack u)
            throws Exception {
        byte[] payload = EntityTrackCodec.toProto(u).toByteArray();
        long t = u.time().toEpochMilli();
        for (String key : detector.keysFor(u)) {
            h.processElement(new StreamRecord<>(new RoutedTrack(key, u.trackId(), t, payload), t));
        }
    }

    /** Tracks T-A and T-B standing {@code apartM} apart, updated every 2 s from 0 to {@code s}. */
    static List<EntityTrack> standingPair(double apartM, int s) {
        List<EntityTrack> out = new ArrayList<>();
        for (int t = 0; t <= s; t += 2) {
            out.add(track("T-A", TrackStatus.CONFIRMED, t, position("T-A", apartM), 0, 0));
            out.add(track("T-B", TrackStatus.CONFIRMED, t, position("T-B", apartM), 0, 0));
        }
        return out;
    }

    static GeoPoint position(String id, double apartM) {
        return moved(MEETING, 90, id.equals("T-A") ? -apartM / 2 : apartM / 2);
    }

    static RendezvousDetector detector() {
        return new RendezvousDetector(RendezvousParameters.DEFAULTS, TileGrid.DEFAULT);
    }

    static KeyedOneInputStreamOperatorTestHarness<String, RoutedTrack, KeyedPayload> rendezvous()
            throws Exception {
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new KeyedTrackDetectorFunction(
                                CONFIG,
                                BORDERS,
                                KeyedDetectorFactory.rendezvous(),
                                KeyedTrackDetectorFunction.DEFAULT_FLUSH_AFTER_MS),
                        r -> r.key,
                        Types.STRING);
        h.open();
        return h;
    }

    /** One copy per key of the update, as the route function sends them. */
    static void route(
            KeyedOneInputStreamOperatorTestHarness<String, RoutedTrack, KeyedPayload> h,
            EntityTrack u)
            throws Exception {
        byte[] payload = EntityTrackCodec.toProto(u).toByteArray();
        long t = u.time().toEpochMilli();
        for (String key : detector().keysFor(u)) {
            h.processElement(new StreamRecord<>(new RoutedTrack(key, u.trackId(), t, payload), t));
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, TrackEnvelope, KeyedPayload> perTrack(
            TrackDetectorFactory factory) throws Exception {
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TrackDetectorFunction(CONFIG, BORDERS, factory),
                        e -> e.trackId,
                        Types.STRING);
        h.open();
        return h;
    }

    static TrackEnvelope envelope(EntityTrack t) {
        TrackEnvelope e = new TrackEnvelope();
        e.trackId = t.trackId();
        e.eventTimeMs = t.time().toEpochMilli();
        e.payload = EntityTrackCodec.toProto(t).toByteArray();
        return e;
    }

    /**
     * The harness has sent one alert's NEW and then its CLOSED (the same id), and keeps no keyed
     * state and no timer; returns the two for further checks.
     */
    static List<Alert> assertClosedAndCleared(
            KeyedOneInputStreamOperatorTestHarness<String, ?, KeyedPayload> h) {
        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numProcessingTimeTimers()).isZero();
        return all;
    }

    static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, ?, KeyedPayload> h) {
        List<Alert> out = new ArrayList<>();
        for (KeyedPayload p : h.extractOutputValues()) {
            out.add(((DecodeResult.Ok<Alert>) AlertCodec.parse(p.payload)).value());
        }
        return out;
    }

    static long ms(double s) {
        return T0.toEpochMilli() + Math.round(s * 1000);
    }

    static EntityTrack track(
            String id, TrackStatus status, double s, GeoPoint p, double eastMps, double northMps) {
        return new EntityTrack(
                id,
                status,
                T0.plusMillis(Math.round(s * 1000)),
                p,
                new Velocity(eastMps, northMps, 0),
                StateCovariance.diagonal(15, 1),
                new TreeSet<>(Set.of("radar-1")),
                new TreeSet<>(Set.of("usa")),
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                Marking.UNRESTRICTED,
                10);
    }

    static GeoPoint moved(GeoPoint p, double azimuthDeg, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(p.latDeg(), p.lonDeg(), azimuthDeg, metres);
        return new GeoPoint(d.lat2, d.lon2, p.altM());
    }
}
