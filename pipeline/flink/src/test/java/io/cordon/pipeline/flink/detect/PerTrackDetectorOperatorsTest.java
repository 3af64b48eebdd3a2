package io.cordon.pipeline.flink.detect;

import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.BORDERS;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.MEETING;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.ON_LINE;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.T0;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.alerts;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.envelope;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.moved;
import static io.cordon.pipeline.flink.detect.DetectorOperatorsTest.ms;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.detect.dark.CooperativeSilenceParameters;
import io.cordon.pipeline.detect.dark.DarkTargetParameters;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerParameters;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.TrackEnvelope;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/**
 * The per-track detectors other than border crossing (loitering, zone intrusion, dark target in
 * both senses, low-slow flyer) in Flink's keyed harness, with their default parameters: for each,
 * the alert comes on the update (or, for the dark target's timer, the watermark) that completes it
 * and not one before, the track's deletion leaves no keyed state and no timer, and a near miss
 * stays silent.
 */
class PerTrackDetectorOperatorsTest {
    /** A radar and an AIS receiver 5 km south of the border, with the kinds' defaults. */
    static final ConfigText SENSORS =
            new ConfigText(
                    "reference: {latDeg: 31.3333, lonDeg: -110.6}\n"
                            + "partners: [{id: usa, name: U.S., country: USA}]\n"
                            + "sensors:\n"
                            + "  - {id: radar-1, partnerId: usa, kind: GROUND_RADAR, position:"
                            + " {latDeg: "
                            + MEETING.latDeg()
                            + ", lonDeg: "
                            + MEETING.lonDeg()
                            + "}}\n"
                            + "  - {id: ais-1, partnerId: usa, kind: AIS, position: {latDeg: "
                            + MEETING.latDeg()
                            + ", lonDeg: "
                            + MEETING.lonDeg()
                            + "}}\n",
                    ".");

    /** A restricted zone whose west edge is the meridian 110.55° W, 31.35°-31.38° N. */
    static final ConfigText ZONE =
            new ConfigText(
                    "reference: {latDeg: 31.3333, lonDeg: -110.6}\n"
                            + "zones:\n"
                            + "  - {id: z-1, name: Test zone, severity: CRITICAL, wkt: 'POLYGON"
                            + " ((-110.55 31.35, -110.50 31.35, -110.50 31.38, -110.55 31.38,"
                            + " -110.55 31.35))'}\n",
                    ".");

    static final GeoPoint ZONE_EDGE = new GeoPoint(31.365, -110.55, 1200);

    // ------------------------------------------------------------------------------ loitering

    @Test
    void loiteringAlertsOnTheUpdateThatCompletesItsMinimumDurationAndDeletionClosesAndClears()
            throws Exception {
        var h = DetectorOperatorsTest.perTrack(TrackDetectorFactory.loitering());
        GeoPoint spot = moved(ON_LINE, 180, 500); // 500 m south of the line, inside 2 000 m
        double min = LoiteringParameters.DEFAULTS.minDurationS();
        List<Integer> firstAlertAt = new ArrayList<>();
        for (int s = 0; s <= 400; s += 4) {
            h.processElement(
                    envelope(
                            DetectorOperatorsTest.track(
                                    "P-1", TrackStatus.CONFIRMED, s, spot, 0, 0)),
                    0);
            h.processWatermark(new Watermark(ms(s)));
            if (firstAlertAt.isEmpty() && !h.extractOutputValues().isEmpty()) {
                firstAlertAt.add(s);
            }
        }
        assertThat(firstAlertAt).as("the update at minDurationS").containsExactly((int) min);
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).type()).isEqualTo(AlertType.LOITERING);
        assertThat(raised.get(0).windowStart()).isEqualTo(T0);
        assertThat(h.numEventTimeTimers()).as("no event-time hook").isZero();
        assertThat(h.numKeyedStateEntries()).isPositive();

        h.processElement(
                envelope(DetectorOperatorsTest.track("P-1", TrackStatus.DELETED, 402, spot, 0, 0)),
                0);
        DetectorOperatorsTest.assertClosedAndCleared(h);
        h.close();
    }

    @Test
    void standingTooFarFromTheBorderOrLeavingBeforeTheMinimumIsNoLoitering() throws Exception {
        var h = DetectorOperatorsTest.perTrack(TrackDetectorFactory.loitering());
        GeoPoint far = moved(ON_LINE, 180, 2_100); // 100 m beyond maxDistanceToBorderM
        GeoPoint near = moved(ON_LINE, 180, 500);
        for (int s = 0; s <= 500; s += 4) {
            h.processElement(
                    envelope(
                            DetectorOperatorsTest.track(
                                    "P-far", TrackStatus.CONFIRMED, s, far, 0, 0)),
                    0);
            // stands 280 s, then walks off east along the border at 15 m/s: 240 m away at 296 s
            double east = s <= 280 ? 0 : 15.0 * (s - 280);
            h.processElement(
                    envelope(
                            DetectorOperatorsTest.track(
                                    "P-leaves",
                                    TrackStatus.CONFIRMED,
                                    s,
                                    moved(near, 90, east),
                                    s <= 280 ? 0 : 15,
                                    0)),
                    0);
            h.processWatermark(new Watermark(ms(s)));
        }
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // -------------------------------------------------------------------------- zone intrusion

    @Test
    void aZoneIntrusionAlertsOnTheUpdate25MetresInsideAndDeletionClosesAndClears()
            throws Exception {
        var h = perTrack(ZONE, TrackDetectorFactory.zoneIntrusion());
        // East at 10 m/s, 2 s updates, from 200 m west of the edge: -200, -180, ... m.
        List<Integer> outputsAfter = new ArrayList<>();
        for (int k = 0; k <= 14; k++) {
            double east = -200 + 20 * k;
            h.processElement(
                    envelope(
                            DetectorOperatorsTest.track(
                                    "Z-1",
                                    TrackStatus.CONFIRMED,
                                    2 * k,
                                    moved(ZONE_EDGE, 90, east),
                                    10,
                                    0)),
                    0);
            h.processWatermark(new Watermark(ms(2 * k)));
            outputsAfter.add(h.extractOutputValues().size());
        }
        // At +20 m (k = 11) it is inside by less than the 25 m hysteresis; at +40 m it has entered.
        assertThat(outputsAfter).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
        Alert a = alerts(h).get(0);
        assertThat(a.type()).isEqualTo(AlertType.ZONE_INTRUSION);
        assertThat(a.state()).isEqualTo(AlertState.NEW);
        assertThat(a.evidence()).containsEntry("zoneId", "z-1");
        assertThat(a.severity().name()).isEqualTo("CRITICAL");
        // entered at the previous update (22 s), already 20 m inside: the edge lies behind it
        assertThat(a.windowStart()).isEqualTo(T0.plusSeconds(22));

        h.processElement(
                envelope(
                        DetectorOperatorsTest.track(
                                "Z-1", TrackStatus.DELETED, 30, moved(ZONE_EDGE, 90, 100), 0, 0)),
                0);
        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(all.get(1).alertId()).isEqualTo(a.alertId());
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    @Test
    void aTrackThatReaches20MetresIntoTheZoneAndTurnsBackIsNoIntrusion() throws Exception {
        var h = perTrack(ZONE, TrackDetectorFactory.zoneIntrusion());
        double[] easts = {-200, -100, -40, 0, 20, 0, -40, -100, -200};
        for (int k = 0; k < easts.length; k++) {
            h.processElement(
                    envelope(
                            DetectorOperatorsTest.track(
                                    "Z-2",
                                    TrackStatus.CONFIRMED,
                                    5 * k,
                                    moved(ZONE_EDGE, 90, easts[k]),
                                    0,
                                    0)),
                    0);
            h.processWatermark(new Watermark(ms(5 * k)));
        }
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // --------------------------------------------------------------- dark target (no updates)

    @Test
    void aDarkTargetAlertsOnTheWatermarkAtItsDueTimeAndClosesWhenReacquired() throws Exception {
        var h = perTrack(SENSORS, TrackDetectorFactory.darkTarget());
        GeoPoint p = moved(MEETING, 0, 1_000); // 1 km from the radar
        // Observed every 4 s from 0 to 40 s (11 observations), then the tracker publishes nothing.
        for (int s = 0; s <= 40; s += 4) {
            h.processElement(envelope(observed("D-1", s, p, 1 + s / 4)), 0);
            h.processWatermark(new Watermark(ms(s)));
        }
        assertThat(h.numEventTimeTimers()).as("the gap's due time").isEqualTo(1);
        double minGap = DarkTargetParameters.DEFAULTS.minGapS();
        h.processWatermark(new Watermark(ms(40 + minGap) - 1));
        assertThat(h.extractOutputValues()).as("one ms before the due time").isEmpty();
        h.processWatermark(new Watermark(ms(40 + minGap)));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).type()).isEqualTo(AlertType.DARK_TARGET);
        assertThat(raised.get(0).windowStart()).isEqualTo(T0.plusSeconds(40));
        assertThat(raised.get(0).evidence()).containsEntry("coveringSensors", "radar-1");
        assertThat(h.numEventTimeTimers()).as("nothing more due once alerted").isZero();

        // Seen again at 90 s: the finding closes with the same id.
        h.processElement(envelope(observed("D-1", 90, p, 12)), 0);
        List<Alert> all = alerts(h);
        assertThat(all).extracting(Alert::state).containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(all.get(1).alertId()).isEqualTo(all.get(0).alertId());
        assertThat(all.get(1).evidence()).containsEntry("reason", "reacquired");
        h.close();
    }

    @Test
    void aTrackDeletedBeforeItsGapIsDueLeavesNoStateNoTimerAndNoAlert() throws Exception {
        var h = perTrack(SENSORS, TrackDetectorFactory.darkTarget());
        GeoPoint p = moved(MEETING, 0, 1_000);
        for (int s = 0; s <= 40; s += 4) {
            h.processElement(envelope(observed("D-2", s, p, 1 + s / 4)), 0);
        }
        h.processWatermark(new Watermark(ms(50)));
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        assertThat(h.numKeyedStateEntries()).isPositive();
        h.processElement(
                envelope(
                        fullTrack(
                                "D-2",
                                TrackStatus.DELETED,
                                52,
                                p,
                                new Velocity(0, 0, 0),
                                CooperativeIdentity.NONE,
                                Classification.UNKNOWN,
                                11,
                                null,
                                T0.plusSeconds(40))),
                0);
        assertThat(h.numKeyedStateEntries()).isZero();
        assertThat(h.numEventTimeTimers()).isZero();
        h.processWatermark(new Watermark(ms(600)));
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    @Test
    void aGapShorterThanTheMinimumOrOutsideEveryCoverageIsNoDarkTarget() throws Exception {
        var h = perTrack(SENSORS, TrackDetectorFactory.darkTarget());
        GeoPoint covered = moved(MEETING, 0, 1_000);
        GeoPoint uncovered = moved(MEETING, 0, 40_000); // beyond the radar's 28 km
        long n = 0;
        for (int s = 0; s <= 200; s += 4) {
            n++;
            boolean inGap = s > 40 && s < 68; // 28 s unobserved: 40 -> 68 s
            if (!inGap) {
                h.processElement(envelope(observed("D-short", s, covered, n)), 0);
            }
            if (s <= 40) {
                h.processElement(envelope(observed("D-out", s, uncovered, n)), 0);
            }
            h.processWatermark(new Watermark(ms(s)));
        }
        // D-short ends (otherwise its silence after 200 s would be a gap of its own); D-out,
        // outside
        // every coverage, has no timer and nothing ever comes due for it.
        assertThat(h.numEventTimeTimers()).isEqualTo(1);
        h.processElement(
                envelope(observed("D-short", 202, covered, n + 1).withStatus(TrackStatus.DELETED)),
                0);
        assertThat(h.numEventTimeTimers()).isZero();
        h.processWatermark(new Watermark(ms(1_000)));
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // ------------------------------------------------- dark in the cooperative sense (AIS stops)

    @Test
    void anAisSilenceAlertsOnTheUpdateAtTheThresholdAndDeletionClosesAndClears() throws Exception {
        var h = perTrack(SENSORS, TrackDetectorFactory.cooperativeSilence());
        double silence = CooperativeSilenceParameters.DEFAULTS.aisSilenceS();
        List<Integer> firstAlertAt = new ArrayList<>();
        // AIS every 10 s until 100 s, radar every 4 s throughout.
        for (int s = 0; s <= 320; s += 4) {
            h.processElement(envelope(vessel("V-1", s, Math.min(100, s - s % 10))), 0);
            h.processWatermark(new Watermark(ms(s)));
            if (firstAlertAt.isEmpty() && !h.extractOutputValues().isEmpty()) {
                firstAlertAt.add(s);
            }
        }
        assertThat(firstAlertAt)
                .as("first update 180 s after the last report")
                .containsExactly((int) (100 + silence));
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).type()).isEqualTo(AlertType.DARK_TARGET);
        assertThat(raised.get(0).evidence()).containsEntry("reason", "cooperativeSilent");
        assertThat(h.numEventTimeTimers()).isZero();

        h.processElement(
                envelope(
                        fullTrack(
                                "V-1",
                                TrackStatus.DELETED,
                                322,
                                MEETING,
                                new Velocity(0, 0, 0),
                                new CooperativeIdentity("367000001", "", "", ""),
                                new Classification(TargetClass.VESSEL, 0.9),
                                100,
                                T0.plusSeconds(100),
                                T0.plusSeconds(320))),
                0);
        DetectorOperatorsTest.assertClosedAndCleared(h);
        h.close();
    }

    @Test
    void anAisGapOf170SecondsIsNoSilence() throws Exception {
        var h = perTrack(SENSORS, TrackDetectorFactory.cooperativeSilence());
        for (int s = 0; s <= 400; s += 4) {
            // reports every 10 s except from 100 to 270 s (a 170 s gap)
            int last = s - s % 10;
            int report = last > 100 && last < 270 ? 100 : last;
            h.processElement(envelope(vessel("V-2", s, report)), 0);
            h.processWatermark(new Watermark(ms(s)));
        }
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // -------------------------------------------------------------------------- low-slow flyer

    @Test
    void aLowSlowFlyerAlertsOnTheUpdateAtItsMinimumDurationAndDeletionClosesAndClears()
            throws Exception {
        var h = DetectorOperatorsTest.perTrack(TrackDetectorFactory.lowSlowFlyer());
        double min = LowSlowFlyerParameters.DEFAULTS.minDurationS();
        List<Integer> firstAlertAt = new ArrayList<>();
        // A drone without ADS-B 10 km south of the line heading north at 30 m/s, 2 s updates.
        for (int s = 0; s <= 40; s += 2) {
            h.processElement(
                    envelope(drone("U-1", s, moved(ON_LINE, 180, 10_000 - 30.0 * s), 0, 30)), 0);
            h.processWatermark(new Watermark(ms(s)));
            if (firstAlertAt.isEmpty() && !h.extractOutputValues().isEmpty()) {
                firstAlertAt.add(s);
            }
        }
        assertThat(firstAlertAt).containsExactly((int) min);
        List<Alert> raised = alerts(h);
        assertThat(raised).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(raised.get(0).type()).isEqualTo(AlertType.LOW_SLOW_FLYER);
        assertThat(raised.get(0).windowStart()).isEqualTo(T0);
        assertThat(h.numEventTimeTimers()).isZero();

        h.processElement(
                envelope(
                        fullTrack(
                                "U-1",
                                TrackStatus.DELETED,
                                42,
                                moved(ON_LINE, 180, 8_740),
                                new Velocity(0, 30, 0),
                                CooperativeIdentity.NONE,
                                new Classification(TargetClass.DRONE, 0.9),
                                21,
                                null,
                                T0.plusSeconds(40))),
                0);
        DetectorOperatorsTest.assertClosedAndCleared(h);
        h.close();
    }

    @Test
    void aDroneFlyingAlongTheBorderOrAboveTheCeilingIsNoLowSlowFlyer() throws Exception {
        var h = DetectorOperatorsTest.perTrack(TrackDetectorFactory.lowSlowFlyer());
        double ceiling = LowSlowFlyerParameters.DEFAULTS.maxAltitudeM();
        GeoPoint start = moved(ON_LINE, 180, 5_000);
        GeoPoint high = new GeoPoint(start.latDeg(), start.lonDeg(), ceiling + 100);
        for (int s = 0; s <= 120; s += 2) {
            // parallel to the line, 5 km south of it: not closing
            h.processElement(envelope(drone("U-along", s, moved(start, 90, 30.0 * s), 30, 0)), 0);
            // heading north, 100 m above the ceiling
            h.processElement(envelope(drone("U-high", s, moved(high, 0, 30.0 * s), 0, 30)), 0);
            h.processWatermark(new Watermark(ms(s)));
        }
        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    // ------------------------------------------------------------------------------ fixtures

    static KeyedOneInputStreamOperatorTestHarness<String, TrackEnvelope, KeyedPayload> perTrack(
            ConfigText config, TrackDetectorFactory factory) throws Exception {
        var h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new TrackDetectorFunction(config, BORDERS, factory),
                        e -> e.trackId,
                        Types.STRING);
        h.open();
        return h;
    }

    /** A confirmed, still track at {@code s} whose {@code count}-th observation is this update. */
    static EntityTrack observed(String id, double s, GeoPoint p, long count) {
        return fullTrack(
                id,
                TrackStatus.CONFIRMED,
                s,
                p,
                new Velocity(0, 0, 0),
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                count,
                null,
                T0.plusMillis(Math.round(s * 1000)));
    }

    /** A vessel with an MMSI held by radar at {@code s}, last AIS report at {@code lastAisS}. */
    static EntityTrack vessel(String id, int s, int lastAisS) {
        return fullTrack(
                id,
                TrackStatus.CONFIRMED,
                s,
                moved(MEETING, 90, 2.0 * s),
                new Velocity(2, 0, 0),
                new CooperativeIdentity("367000001", "", "", ""),
                new Classification(TargetClass.VESSEL, 0.9),
                1 + s / 4,
                T0.plusSeconds(lastAisS),
                T0.plusSeconds(s));
    }

    /** A drone without ADS-B at {@code s}, held by radar. */
    static EntityTrack drone(String id, int s, GeoPoint p, double eastMps, double northMps) {
        return fullTrack(
                id,
                TrackStatus.CONFIRMED,
                s,
                p,
                new Velocity(eastMps, northMps, 0),
                CooperativeIdentity.NONE,
                new Classification(TargetClass.DRONE, 0.9),
                1 + s / 2,
                null,
                T0.plusSeconds(s));
    }

    static EntityTrack fullTrack(
            String id,
            TrackStatus status,
            double s,
            GeoPoint p,
            Velocity v,
            CooperativeIdentity identity,
            Classification classification,
            long updateCount,
            Instant lastCooperative,
            Instant lastNonCooperative) {
        return new EntityTrack(
                id,
                status,
                T0.plusMillis(Math.round(s * 1000)),
                p,
                v,
                StateCovariance.diagonal(15, 1),
                new TreeSet<>(Set.of("radar-1")),
                new TreeSet<>(Set.of("usa")),
                identity,
                classification,
                Marking.UNRESTRICTED,
                updateCount,
                lastCooperative,
                lastNonCooperative);
    }
}
