package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tracker's height filter ({@link TrackHeight}): its algebra, a climbing drone's height and
 * vertical rate through the tracker, tracks without heights, snapshots.
 */
class TrackHeightTest {
    private static final TrackerParameters PARAMS = TrackerParameters.defaults();
    private static final Instant T0 = CrossingScenario.T0;
    private static final long NS = 1_000_000_000L;
    private static final double CLIMB_MPS = 3.0;
    private static final double START_HEIGHT_M = 1_400.0;
    private static final double SIGMA_ALT_M = 15.0;

    /** Truth height of the climbing drone at t, m. */
    private static double heightAt(double t) {
        return START_HEIGHT_M + CLIMB_MPS * t;
    }

    /**
     * A drone flying east at 20 m/s and climbing at {@value #CLIMB_MPS} m/s, seen every 2 s: by a
     * sensor reporting its height (σ {@value #SIGMA_ALT_M} m) when {@code withHeight}, else by one
     * reporting position only.
     */
    private static List<List<Observation>> climb(long seed, int untilS, boolean withHeight) {
        Random random = new Random(seed);
        List<List<Observation>> batches = new ArrayList<>();
        for (int t = 0; t <= untilS; t += 2) {
            double e = -2_000 + 20.0 * t;
            double n = 3_000;
            GeoPoint horizontal =
                    CrossingScenario.PLANE.surfacePoint(
                            e + 10 * random.nextGaussian(), n + 10 * random.nextGaussian());
            double z = heightAt(t) + SIGMA_ALT_M * random.nextGaussian();
            GeoPoint measured = new GeoPoint(horizontal.latDeg(), horizontal.lonDeg(), z);
            PositionFix fix =
                    withHeight
                            ? PositionFix.withHeight(measured, 10, SIGMA_ALT_M)
                            : PositionFix.isotropic(measured, 10);
            batches.add(
                    List.of(
                            new Observation(
                                    "d" + t,
                                    "usa",
                                    "drone-1",
                                    SensorKind.DRONE,
                                    T0.plusSeconds(t),
                                    fix,
                                    null,
                                    null,
                                    null,
                                    Marking.UNRESTRICTED)));
        }
        return batches;
    }

    private static MultiTargetTracker run(List<List<Observation>> batches) {
        MultiTargetTracker tracker = new MultiTargetTracker(PARAMS, CrossingScenario.REF);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        return tracker;
    }

    private static EntityTrack longest(MultiTargetTracker tracker, Instant t) {
        return tracker.confirmedTracksAt(t).stream()
                .max(Comparator.comparingLong(EntityTrack::updateCount))
                .orElseThrow();
    }

    @Test
    void predictionIsFPFtPlusQ() {
        TrackHeight h = new TrackHeight(1_500, 2.0, 40, 3, 1.5, 10 * NS);
        double dt = 2.5, q = TrackHeight.PROCESS_NOISE_M2_PER_S3;

        h.predictTo(10 * NS + (long) (dt * NS));

        // F P Fᵀ + Q with F = [[1, dt], [0, 1]], P = [[40, 3], [3, 1.5]]
        assertThat(h.heightM).isCloseTo(1_500 + 2.0 * dt, within(1e-9));
        assertThat(h.varHeightM2)
                .isCloseTo(40 + 2 * dt * 3 + dt * dt * 1.5 + q * dt * dt * dt / 3, within(1e-9));
        assertThat(h.covHeightRateM2PerS).isCloseTo(3 + dt * 1.5 + q * dt * dt / 2, within(1e-9));
        assertThat(h.varRateM2PerS2).isCloseTo(1.5 + q * dt, within(1e-9));
        assertThat(h.nanos).isEqualTo(10 * NS + (long) (dt * NS));
    }

    @Test
    void updateIsTheKalmanUpdate() {
        TrackHeight h = new TrackHeight(1_500, 2.0, 40, 3, 1.5, 0);

        h.update(1_520, 25);

        double s = 40 + 25, k0 = 40 / s, k1 = 3 / s;
        assertThat(h.heightM).isCloseTo(1_500 + k0 * 20, within(1e-9));
        assertThat(h.rateMps).isCloseTo(2.0 + k1 * 20, within(1e-9));
        assertThat(h.varHeightM2).isCloseTo((1 - k0) * 40, within(1e-9));
        assertThat(h.covHeightRateM2PerS).isCloseTo((1 - k0) * 3, within(1e-9));
        assertThat(h.varRateM2PerS2).isCloseTo(1.5 - k1 * 3, within(1e-9));
    }

    @Test
    void aHeightFarFromThePredictionRestartsTheEstimateInsteadOfMakingARate() {
        // a track of a flight at 3 100 m, settled, then given a detection of one at 1 394 m
        TrackHeight h = TrackHeight.start(3_100, 15, 0);
        for (int t = 2; t <= 60; t += 2) {
            h.predictTo(t * NS);
            h.update(3_100, 225);
        }
        h.predictTo(62 * NS);

        h.update(1_394, 225);

        assertThat(h.heightM).isEqualTo(1_394.0);
        assertThat(h.rateMps).isZero();
        assertThat(h.varHeightM2).isEqualTo(225.0);
        assertThat(h.heightAt(92 * NS)).as("published 30 s on").isEqualTo(1_394.0);
        // within the gate it is the Kalman update: a few σ of the innovation move it, no restart
        TrackHeight near = TrackHeight.start(3_100, 15, 0);
        near.predictTo(2 * NS);
        double s = near.varHeightM2 + 225;
        near.update(3_100 + 3 * Math.sqrt(s), 225);
        assertThat(near.heightM).isStrictlyBetween(3_100.0, 3_100 + 3 * Math.sqrt(s));
        assertThat(near.rateMps).isPositive();
    }

    @Test
    void pdaIsTheMomentMatchedMixtureOfTheUpdatesAndThePrediction() {
        Observation[] obs = {
            observationAt(1_520, 5), observationAt(1_480, 10), observationWithoutHeight()
        };
        int[] measurements = {0, 1, 2};
        double[] beta = {0.5, 0.2, 0.2}; // 0.1 missed

        TrackHeight h =
                TrackHeight.pda(
                        new TrackHeight(1_500, 0, 100, 0, 4, 0), obs, measurements, beta, 0, 3, 0);

        TrackHeight a = new TrackHeight(1_500, 0, 100, 0, 4, 0);
        a.update(1_520, 25);
        TrackHeight b = new TrackHeight(1_500, 0, 100, 0, 4, 0);
        b.update(1_480, 100);
        // the prediction carries the miss and the detection without a height: 0.3
        double mean = 0.3 * 1_500 + 0.5 * a.heightM + 0.2 * b.heightM;
        double second =
                0.3 * (100 + 1_500.0 * 1_500)
                        + 0.5 * (a.varHeightM2 + a.heightM * a.heightM)
                        + 0.2 * (b.varHeightM2 + b.heightM * b.heightM);
        assertThat(h.heightM).isCloseTo(mean, within(1e-9));
        assertThat(h.varHeightM2).isCloseTo(second - mean * mean, within(1e-6));
        assertThat(h.varRateM2PerS2).isCloseTo(4.0, within(1e-9)); // no cross term: rate untouched
    }

    @Test
    void aTrackWithoutHeightStartsOneOnlyFromDetectionsLikelyItsOwn() {
        Observation[] obs = {observationAt(1_520, 5), observationWithoutHeight()};
        int[] measurements = {0, 1};

        assertThat(TrackHeight.pda(null, obs, measurements, new double[] {0.3, 0.6}, 0, 2, 0))
                .isNull();
        TrackHeight started =
                TrackHeight.pda(null, obs, measurements, new double[] {0.7, 0.2}, 0, 2, 0);
        assertThat(started.heightM).isEqualTo(1_520);
        assertThat(started.varHeightM2).isCloseTo(25, within(1e-9));
        assertThat(started.rateMps).isZero();
    }

    @Test
    void climbingDronesHeightAndVerticalRateConverge() {
        for (long seed = 1; seed <= 5; seed++) {
            MultiTargetTracker tracker = run(climb(seed, 120, true));

            EntityTrack track = longest(tracker, T0.plusSeconds(120));

            // Steady state of this filter with a fix every 2 s (σ 15 m, q 0.2 m²/s³): σ 8.7 m in
            // height and 1.3 m/s in rate (Riccati recursion); bounds at three sigmas and more.
            assertThat(track.position().altM())
                    .as("seed %d height", seed)
                    .isCloseTo(heightAt(120), within(30.0));
            assertThat(track.velocity().upMps())
                    .as("seed %d vertical rate", seed)
                    .isCloseTo(CLIMB_MPS, within(4.0));
        }
    }

    @Test
    void theVerticalRateIsEstimatedNotAssumed() {
        // the mean over 20 seeds has σ 1.3 / √20 = 0.3 m/s: the estimate follows the climb
        double sumRate = 0;
        int seeds = 20;
        for (long seed = 1; seed <= seeds; seed++) {
            sumRate += longest(run(climb(seed, 120, true)), T0.plusSeconds(120)).velocity().upMps();
        }
        assertThat(sumRate / seeds).isCloseTo(CLIMB_MPS, within(1.0));
    }

    @Test
    void aHeightNoLongerMeasuredIsHeldAfterAShortExtrapolation() {
        // heights until 60 s, then fixes without height until 300 s: the climb is carried on for
        // 30 s after the last height, then the height is held and the rate published as 0
        List<List<Observation>> batches = new ArrayList<>(climb(3, 60, true));
        batches.addAll(climb(3, 300, false).subList(31, 151));
        MultiTargetTracker tracker = run(batches);

        EntityTrack track = longest(tracker, T0.plusSeconds(300));

        double held = heightAt(60) + CLIMB_MPS * TrackHeight.MAX_EXTRAPOLATION_S;
        assertThat(track.position().altM()).isCloseTo(held, within(40.0));
        assertThat(track.velocity().upMps()).isZero();
        EntityTrack soon = longest(run(batches.subList(0, 36)), T0.plusSeconds(70));
        assertThat(soon.velocity().upMps()).isCloseTo(CLIMB_MPS, within(4.0));
    }

    @Test
    void tracksWithoutHeightMeasurementsKeepTheReferenceHeight() {
        MultiTargetTracker tracker = run(climb(7, 120, false));

        EntityTrack track = longest(tracker, T0.plusSeconds(120));

        assertThat(track.position().altM()).isCloseTo(CrossingScenario.REF.altM(), within(0.01));
        assertThat(track.velocity().upMps()).isZero();
    }

    @Test
    void snapshotKeepsTheHeight_andAVersion5SnapshotIsReadWithout() {
        List<List<Observation>> batches = climb(11, 120, true);
        int half = batches.size() / 2;
        MultiTargetTracker original = run(batches.subList(0, half));
        Instant mid = batches.get(half - 1).get(0).eventTime();

        MultiTargetTracker restored = MultiTargetTracker.restore(PARAMS, original.snapshot());

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        EntityTrack originalBefore = longest(original, mid);
        assertThat(originalBefore.position().altM())
                .isCloseTo(heightAt(mid.getEpochSecond() - T0.getEpochSecond()), within(30.0));
        assertThat(longest(restored, mid)).isEqualTo(originalBefore);
        for (List<Observation> batch : batches.subList(half, batches.size())) {
            assertThat(restored.update(batch)).isEqualTo(original.update(batch));
        }

        byte[] v5 = TrackerSnapshot.write(run(batches.subList(0, half)), (short) 5);
        assertThat(v5[4] * 256 + v5[5]).isEqualTo(5);
        MultiTargetTracker old = MultiTargetTracker.restore(PARAMS, v5);
        EntityTrack before = longest(old, mid);
        assertThat(before.position().altM()).isCloseTo(CrossingScenario.REF.altM(), within(0.01));
        assertThat(before.position().latDeg()).isEqualTo(originalBefore.position().latDeg());
        old.update(batches.get(half));
        EntityTrack after = longest(old, batches.get(half).get(0).eventTime());
        assertThat(after.position().altM()).isCloseTo(heightAt(2.0 * half), within(60.0));
    }

    private static Observation observationAt(double heightM, double sigmaM) {
        return new Observation(
                "h" + heightM,
                "usa",
                "drone-1",
                SensorKind.DRONE,
                T0,
                PositionFix.withHeight(new GeoPoint(31.3, -110.6, heightM), 10, sigmaM),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }

    private static Observation observationWithoutHeight() {
        return new Observation(
                "n",
                "usa",
                "drone-1",
                SensorKind.DRONE,
                T0,
                PositionFix.isotropic(new GeoPoint(31.3, -110.6, 1_480), 10),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }
}
