package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A cooperative receiver (ADS-B, AIS) that does not hear a track's target is evidence against the
 * track only when the target is known to transmit to it ({@link TrackRecord#transmitsTo}).
 */
class CooperativeSilenceMissTest {
    private static final Instant T0 = CrossingScenario.T0;
    private static final TrackerParameters PARAMS =
            TrackerParameters.defaults()
                    .withSensors(
                            List.of(
                                    new SensorPrior(
                                            "drone-1",
                                            0.85,
                                            2 / (Math.PI * 6_000 * 6_000),
                                            new SensorCoverage.Disc(CrossingScenario.REF, 6_000)),
                                    new SensorPrior(
                                            "adsb-1",
                                            0.95,
                                            1e-12,
                                            new SensorCoverage.Disc(CrossingScenario.REF, 250_000),
                                            SensorKind.ADSB)));

    /**
     * A target without transponder seen by a drone every 2 s at 20 m/s; when {@code adsb}, an ADS-B
     * receiver hears another aircraft 20 km away every second.
     */
    private static List<List<Observation>> batches(long seed, boolean adsb, int untilS) {
        Random random = new Random(seed);
        List<List<Observation>> out = new ArrayList<>();
        for (int t = 0; t <= untilS; t++) {
            if (t % 2 == 0) {
                GeoPoint p =
                        CrossingScenario.PLANE.surfacePoint(
                                -1_000 + 20.0 * t + 10 * random.nextGaussian(),
                                500 + 10 * random.nextGaussian());
                out.add(List.of(fix("d" + t, "drone-1", SensorKind.DRONE, t, p, null)));
            }
            if (adsb) {
                GeoPoint far = CrossingScenario.PLANE.surfacePoint(20_000, 20_000 - 50.0 * t);
                out.add(
                        List.of(
                                fix(
                                        "a" + t,
                                        "adsb-1",
                                        SensorKind.ADSB,
                                        t,
                                        far,
                                        new CooperativeIdentity("", "A1B2C3", "", ""))));
            }
        }
        return out;
    }

    private static Observation fix(
            String id,
            String sensor,
            SensorKind kind,
            int t,
            GeoPoint p,
            CooperativeIdentity identity) {
        return new Observation(
                id,
                "usa",
                sensor,
                kind,
                T0.plusSeconds(t),
                PositionFix.withHeight(
                        new GeoPoint(p.latDeg(), p.lonDeg(), 1_600),
                        kind == SensorKind.ADSB ? 30 : 10,
                        kind == SensorKind.ADSB ? 15 : 25),
                null,
                identity,
                null,
                Marking.UNRESTRICTED);
    }

    /** The drone target's track at the end (the track nearest the drone's last fix). */
    private static EntityTrack droneTrack(List<List<Observation>> batches, int untilS) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        GeoPoint last = CrossingScenario.PLANE.surfacePoint(-1_000 + 20.0 * untilS, 500);
        return tracker.confirmedTracksAt(T0.plusSeconds(untilS)).stream()
                .filter(e -> e.identity().icao24().isEmpty())
                .min(
                        Comparator.comparingDouble(
                                e ->
                                        Math.hypot(
                                                e.position().latDeg() - last.latDeg(),
                                                e.position().lonDeg() - last.lonDeg())))
                .orElse(null);
    }

    @Test
    void reportsOfOtherAircraftDoNotCountAsMissesOfATrackWithoutTransponder() {
        for (long seed = 1; seed <= 3; seed++) {
            EntityTrack alone = droneTrack(batches(seed, false, 60), 60);
            EntityTrack withAdsb = droneTrack(batches(seed, true, 60), 60);

            assertThat(alone).isNotNull();
            assertThat(withAdsb).as("seed %d: the drone target's track", seed).isNotNull();
            assertThat(withAdsb.status()).isEqualTo(TrackStatus.CONFIRMED);
            // the ADS-B batches leave it exactly as the drone alone made it
            assertThat(withAdsb.trackId()).isEqualTo(alone.trackId());
            assertThat(withAdsb.position()).isEqualTo(alone.position());
            assertThat(withAdsb.updateCount()).isEqualTo(alone.updateCount());
        }
    }

    @Test
    void anEmptyScanOfAReceiverKnownToBeCooperativeIsNoMissEither() {
        // as a tile gets it when the receiver's reports of the batch fell in other tiles
        List<List<Observation>> drone = batches(4, false, 60);
        EntityTrack alone = droneTrack(drone, 60);
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        int next = 0;
        for (int t = 0; t <= 60; t++) {
            if (t % 2 == 0) {
                tracker.update(drone.get(next++));
            }
            tracker.emptyScan("adsb-1", T0.plusSeconds(t));
        }
        EntityTrack withEmptyScans =
                tracker.confirmedTracksAt(T0.plusSeconds(60)).stream()
                        .filter(e -> e.trackId().equals(alone.trackId()))
                        .findFirst()
                        .orElse(null);

        assertThat(withEmptyScans).isNotNull();
        assertThat(withEmptyScans.position()).isEqualTo(alone.position());
        assertThat(withEmptyScans.updateCount()).isEqualTo(alone.updateCount());
    }

    @Test
    void aTrackCarryingTheAddressIsStillMissedWhenTheReceiverHearsOthers() {
        TrackRecord heard = new TrackRecord("x", TrackStatus.CONFIRMED, T0, 1);
        heard.identity = new CooperativeIdentity("", "A1B2C3", "", "");
        TrackRecord vessel = new TrackRecord("y", TrackStatus.CONFIRMED, T0, 1);
        vessel.identity = new CooperativeIdentity("367000001", "", "", "");
        TrackRecord silent = new TrackRecord("z", TrackStatus.CONFIRMED, T0, 1);

        assertThat(heard.transmitsTo(SensorKind.ADSB)).isTrue();
        assertThat(heard.transmitsTo(SensorKind.AIS)).isFalse();
        assertThat(vessel.transmitsTo(SensorKind.AIS)).isTrue();
        assertThat(vessel.transmitsTo(SensorKind.ADSB)).isFalse();
        assertThat(silent.transmitsTo(SensorKind.ADSB)).isFalse();
        assertThat(silent.transmitsTo(SensorKind.GROUND_RADAR)).isTrue();
    }
}
