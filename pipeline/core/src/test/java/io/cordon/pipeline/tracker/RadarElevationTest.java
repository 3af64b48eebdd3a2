package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A 3-D radar's elevation measures a track's height ({@link RadarPlot#pointHeightM}). */
class RadarElevationTest {
    private static final Instant T0 = CrossingScenario.T0;
    private static final GeoPoint RADAR = CrossingScenario.RADAR;
    private static final LocalTangentPlane AT_RADAR = new LocalTangentPlane(RADAR);
    private static final double SIGMA_RANGE_M = 15.0;
    private static final double SIGMA_AZIMUTH_DEG = 0.3;
    private static final double SIGMA_ELEVATION_DEG = 0.3;

    /** The exact plot of a target (no noise): horizontal range, azimuth, elevation at the radar. */
    private static RadarPlot plotOf(GeoPoint target, double sigmaElevationDeg) {
        EnuPoint p = AT_RADAR.toEnu(target);
        double range = Math.hypot(p.eastM(), p.northM());
        double az = Math.toDegrees(Math.atan2(p.eastM(), p.northM()));
        az = az < 0 ? az + 360 : az;
        double el = Math.toDegrees(Math.atan2(p.upM(), range));
        return new RadarPlot(
                RADAR, range, az, SIGMA_RANGE_M, SIGMA_AZIMUTH_DEG, el, sigmaElevationDeg);
    }

    @Test
    void aPlotsHeightIsTheTargetsEllipsoidalHeight() {
        for (double e : new double[] {-14_000, -10_000, 0, 12_000}) {
            for (double height : new double[] {900, 1_230, 1_500, 4_000}) {
                GeoPoint s = CrossingScenario.PLANE.surfacePoint(e, 2_500 + e / 7);
                GeoPoint target = new GeoPoint(s.latDeg(), s.lonDeg(), height);
                RadarPlot plot = plotOf(target, SIGMA_ELEVATION_DEG);
                assertThat(plot.pointHeightM())
                        .as("target %s m east at %s m", e, height)
                        .isCloseTo(height, within(1e-4));
            }
        }
    }

    @Test
    void thePlotsHeightSigmaIsTheSpreadOfItsHeights() {
        Random random = new Random(5);
        for (double[] c : new double[][] {{8_000, 2.0}, {1_500, 25.0}, {25_000, -0.5}}) {
            double range = c[0], el = c[1];
            RadarPlot nominal =
                    new RadarPlot(RADAR, range, 40, SIGMA_RANGE_M, 0.3, el, SIGMA_ELEVATION_DEG);
            double mean = nominal.pointHeightM();
            double sum2 = 0;
            int n = 20_000;
            for (int k = 0; k < n; k++) {
                RadarPlot noisy =
                        new RadarPlot(
                                RADAR,
                                range + SIGMA_RANGE_M * random.nextGaussian(),
                                40,
                                SIGMA_RANGE_M,
                                0.3,
                                el + SIGMA_ELEVATION_DEG * random.nextGaussian(),
                                SIGMA_ELEVATION_DEG);
                double d = noisy.pointHeightM() - mean;
                sum2 += d * d;
            }
            // the spread of 20 000 draws is within about 1 % of the truth (plus the second-order
            // terms the first-order sigma leaves out)
            assertThat(Math.sqrt(sum2 / n))
                    .as("range %s m, elevation %s deg", range, el)
                    .isCloseTo(TrackHeight.plotSigmaM(nominal), withinPercentage(3));
        }
    }

    private static org.assertj.core.data.Percentage withinPercentage(double p) {
        return org.assertj.core.data.Percentage.withPercentage(p);
    }

    private static final double CLIMB_MPS = 3.0;

    private static double heightAt(double t) {
        return 1_400.0 + CLIMB_MPS * t;
    }

    /**
     * A drone 8-11 km from the radar flying east at 20 m/s and climbing at 3 m/s, seen every 2 s by
     * the radar: its plots with elevation when {@code threeD}, else range and azimuth only.
     */
    private static List<List<Observation>> climb(long seed, int untilS, boolean threeD) {
        Random random = new Random(seed);
        List<List<Observation>> batches = new ArrayList<>();
        for (int t = 0; t <= untilS; t += 2) {
            GeoPoint s = CrossingScenario.PLANE.surfacePoint(-8_000 + 20.0 * t, 6_000);
            RadarPlot exact = plotOf(new GeoPoint(s.latDeg(), s.lonDeg(), heightAt(t)), 0.3);
            double az = exact.azimuthDeg() + SIGMA_AZIMUTH_DEG * random.nextGaussian();
            RadarPlot plot =
                    new RadarPlot(
                            RADAR,
                            exact.rangeM() + SIGMA_RANGE_M * random.nextGaussian(),
                            (az + 360) % 360,
                            SIGMA_RANGE_M,
                            SIGMA_AZIMUTH_DEG,
                            threeD
                                    ? exact.elevationDeg()
                                            + SIGMA_ELEVATION_DEG * random.nextGaussian()
                                    : 0,
                            threeD ? SIGMA_ELEVATION_DEG : 0);
            batches.add(
                    List.of(
                            new Observation(
                                    "r" + t,
                                    "usa",
                                    "radar-3d",
                                    SensorKind.GROUND_RADAR,
                                    T0.plusSeconds(t),
                                    plot,
                                    null,
                                    null,
                                    null,
                                    Marking.UNRESTRICTED)));
        }
        return batches;
    }

    private static EntityTrack trackAt(List<List<Observation>> batches, Instant t) {
        MultiTargetTracker tracker =
                new MultiTargetTracker(TrackerParameters.defaults(), CrossingScenario.REF);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        return tracker.confirmedTracksAt(t).stream()
                .max(Comparator.comparingLong(EntityTrack::updateCount))
                .orElseThrow();
    }

    @Test
    void aThreeDRadarGivesItsTracksAHeightAndAVerticalRate() {
        double sumRate = 0;
        int seeds = 10;
        for (long seed = 1; seed <= seeds; seed++) {
            EntityTrack track = trackAt(climb(seed, 120, true), T0.plusSeconds(120));
            assertThat(track.position().altM())
                    .as("seed %d height", seed)
                    .isCloseTo(heightAt(120), within(60.0));
            // published with its error: a plot's is about 50 m at 10 km, the filter's less
            assertThat(track.hasMeasuredHeight()).isTrue();
            assertThat(track.sigmaAltM()).isBetween(5.0, 50.0);
            sumRate += track.velocity().upMps();
        }
        assertThat(sumRate / seeds).isCloseTo(CLIMB_MPS, within(1.5));
    }

    @Test
    void aTwoDRadarsTracksKeepTheReferenceHeight() {
        EntityTrack track = trackAt(climb(3, 120, false), T0.plusSeconds(120));
        assertThat(track.position().altM()).isCloseTo(CrossingScenario.REF.altM(), within(0.01));
        assertThat(track.velocity().upMps()).isZero();
        assertThat(track.hasMeasuredHeight()).isFalse();
        assertThat(track.sigmaAltM()).isZero();
    }

    @Test
    void elevationsAreValidated() {
        assertThatThrownBy(() -> new RadarPlot(RADAR, 1_000, 10, 15, 0.3, 90, 0.3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elevationDeg must be in (-90, 90), was 90.0");
        assertThatThrownBy(() -> new RadarPlot(RADAR, 1_000, 10, 15, 0.3, 3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("elevationDeg must be 0 when sigmaElevationDeg is 0");
        assertThatThrownBy(() -> new RadarPlot(RADAR, 1_000, 10, 15, 0.3, 3, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigmaElevationDeg must be finite and > 0");
        assertThat(new RadarPlot(RADAR, 1_000, 10, 15, 0.3).hasElevation()).isFalse();
        assertThat(new RadarPlot(RADAR, 1_000, 10, 15, 0.3, 0, 0.3).hasElevation()).isTrue();
    }
}
