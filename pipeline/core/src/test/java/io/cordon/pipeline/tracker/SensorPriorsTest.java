package io.cordon.pipeline.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorPriorsTest {
    private static final LocalTangentPlane PLANE =
            new LocalTangentPlane(GeoPoint.of(31.33, -110.9));

    /** Two radar discs of radius r whose centres are d apart along east, and a drone square. */
    private static SensorPriors priors(double r, double d) {
        return new SensorPriors(
                List.of(
                        new SensorPrior(
                                "R1",
                                0.9,
                                1e-8,
                                new SensorCoverage.Disc(PLANE.surfacePoint(0, 0), r)),
                        new SensorPrior(
                                "R2",
                                0.9,
                                1e-8,
                                new SensorCoverage.Disc(PLANE.surfacePoint(d, 0), r)),
                        new SensorPrior(
                                "D1",
                                0.85,
                                1e-7,
                                new SensorCoverage.Rectangle(
                                        PLANE.surfacePoint(0, 3 * r), 2000, 1000))),
                0.9,
                1e-8,
                PLANE);
    }

    /** Area of two discs of radius r, d apart, overlapping (d < 2r). */
    private static double unionOfDiscs(double r, double d) {
        double lens = 2 * r * r * Math.acos(d / (2 * r)) - d / 2 * Math.sqrt(4 * r * r - d * d);
        return 2 * Math.PI * r * r - lens;
    }

    @Test
    void coveredAreaIsTheUnionOfTheCoveragesAndEachTrackerWithOtherCoveragesGetsItsOwn() {
        double r = 10_000;
        double near = priors(r, 8_000).coveredAreaM2(null);
        double far = priors(r, 16_000).coveredAreaM2(null);
        double square = 4000.0 * 2000.0;
        // 256 × 256 samples over a box of a few tens of km: within half a percent
        assertEquals(unionOfDiscs(r, 8_000) + square, near, 0.005 * near);
        assertEquals(unionOfDiscs(r, 16_000) + square, far, 0.005 * far);
        assertTrue(far > near * 1.1, "a geometry's area is not another's: " + near + ", " + far);
    }

    @Test
    void aTrackerWithTheSameCoveragesGetsTheSameAreasAsSampledAnew() {
        double r = 9_000, d = 7_000;
        SensorPriors first = priors(r, d);
        double covered = first.coveredAreaM2(null);
        double sole = first.soleAreaM2(0);
        SensorPriors second = priors(r, d);
        assertEquals(covered, second.coveredAreaM2(null), 0.0);
        assertEquals(sole, second.soleAreaM2(0), 0.0);
        // sole area of R1: its disc less the lens it shares with R2
        double lens = 2 * Math.PI * r * r - unionOfDiscs(r, d);
        assertEquals(Math.PI * r * r - lens, sole, 0.01 * sole);
    }

    @Test
    void aRegionRestrictsTheCoveredAreaAndIsNotTakenForTheWhole() {
        SensorPriors priors = priors(10_000, 8_000);
        double whole = priors.coveredAreaM2(null);
        double east = priors.coveredAreaM2((e, n) -> e >= 4_000);
        // the union is symmetric about e = 4 km, the drone square lies west of it
        double square = 4000.0 * 2000.0;
        assertEquals((whole - square) / 2, east, 0.01 * east);
        assertEquals(whole, priors.coveredAreaM2(null), 0.0);
    }
}
