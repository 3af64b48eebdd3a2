package io.cordon.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesyTest {
    @Test
    void jfkToHeathrowMatchesGeographicLibDocumentation() {
        // GeographicLib's documented example: JFK (40.6, -73.8) to LHR (51.6, -0.5).
        GeoPoint jfk = GeoPoint.of(40.6, -73.8);
        GeoPoint lhr = GeoPoint.of(51.6, -0.5);
        assertThat(Geodesy.distanceM(jfk, lhr)).isCloseTo(5551759.400319, within(1e-3));
        assertThat(Geodesy.initialAzimuthDeg(jfk, lhr)).isCloseTo(51.198882845579, within(1e-9));
    }

    @Test
    void shortDistancesAgreeWithTheTangentPlane() {
        GeoPoint ref = GeoPoint.of(31.3333, -110.6);
        LocalTangentPlane plane = new LocalTangentPlane(ref);
        GeoPoint p = plane.surfacePoint(3000, 4000);
        assertThat(Geodesy.distanceM(ref, p)).isCloseTo(5000, within(0.01));
        // Azimuth of (3, 4) from north: atan2(3, 4).
        assertThat(Geodesy.initialAzimuthDeg(ref, p))
                .isCloseTo(Math.toDegrees(Math.atan2(3, 4)), within(1e-4));
    }

    @Test
    void azimuthIsInZeroTo360() {
        GeoPoint a = GeoPoint.of(31.3, -110.6);
        GeoPoint west = GeoPoint.of(31.3, -110.7);
        assertThat(Geodesy.initialAzimuthDeg(a, west)).isBetween(269.0, 271.0);
    }
}
