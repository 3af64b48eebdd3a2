package io.cordon.pipeline.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalTangentPlaneTest {
    // Reference point of the benchmark scenarios.
    private static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(REF);

    /*
     * Expected values from the benchmark's geo.py:
     *   cd shared/bench && python3 -c "import geo; print(geo.geodetic_to_enu(31.0, -110.2, 1500.0,
     *       31.3333, -110.6, 1200.0))"   (and likewise for the other points / enu_to_geodetic)
     */
    @Test
    void geodeticToEnuMatchesBenchGeoPy() {
        assertEnu(
                new GeoPoint(31.0, -110.2, 1500.0),
                38210.37079421053,
                -36892.90673820135,
                78.56516366327116);
        assertEnu(
                new GeoPoint(31.6, -111.1, 900.0),
                -47456.61890926671,
                29682.796753655653,
                -545.7037605000623);
        assertEnu(
                new GeoPoint(31.38723210636297, -110.81022904006817, 1230.0),
                -19999.986983706134,
                5999.996075981934,
                -4.155540174192341);
        assertEnu(REF, 0, 0, 0);
    }

    @Test
    void enuToGeodeticMatchesBenchGeoPy() {
        assertGeo(
                new EnuPoint(-20000.0, 6000.0, 30.0),
                31.387231852536097,
                -110.81022805177082,
                1264.1554018715397);
        assertGeo(
                new EnuPoint(35000.0, -25000.0, -150.0),
                31.107333756388492,
                -110.23317879528052,
                1195.1121824756265);
    }

    @Test
    void roundTripIsExactToMicrometres() {
        for (double e = -50000; e <= 50000; e += 12500) {
            for (double n = -40000; n <= 40000; n += 10000) {
                EnuPoint p = new EnuPoint(e, n, PLANE.surfaceUpM(e, n));
                EnuPoint back = PLANE.toEnu(PLANE.toGeodetic(p));
                assertThat(back.eastM()).isCloseTo(e, within(1e-6));
                assertThat(back.northM()).isCloseTo(n, within(1e-6));
                assertThat(back.upM()).isCloseTo(p.upM(), within(1e-6));
            }
        }
    }

    @Test
    void surfacePointLiesAtTheOriginHeight() {
        GeoPoint p = PLANE.surfacePoint(40000, -30000);
        // The spherical drop -(e²+n²)/2R puts the point within centimetres of the height.
        assertThat(p.altM()).isCloseTo(1200.0, within(0.5));
        EnuPoint onSurface = PLANE.toEnu(new GeoPoint(p.latDeg(), p.lonDeg(), 1200.0));
        assertThat(onSurface.eastM()).isCloseTo(40000, within(0.01));
        assertThat(onSurface.northM()).isCloseTo(-30000, within(0.01));
    }

    @Test
    void transformToAgreesWithConvertingThroughGeodetic() {
        GeoPoint radar = new GeoPoint(31.38723210636297, -110.81022904006817, 1230.0);
        LocalTangentPlane radarPlane = new LocalTangentPlane(radar);
        TangentPlaneTransform t = PLANE.transformTo(radarPlane);
        EnuPoint p = new EnuPoint(-5000, 12000, -20);
        EnuPoint viaTransform = t.apply(p);
        EnuPoint viaGeodetic = radarPlane.toEnu(PLANE.toGeodetic(p));
        assertThat(viaTransform.eastM()).isCloseTo(viaGeodetic.eastM(), within(1e-6));
        assertThat(viaTransform.northM()).isCloseTo(viaGeodetic.northM(), within(1e-6));
        assertThat(viaTransform.upM()).isCloseTo(viaGeodetic.upM(), within(1e-6));
        // Meridian convergence: ~ Δλ sinφ = 0.21° × 0.52 ≈ 0.11° between the two frames.
        double angleDeg = Math.toDegrees(Math.atan2(t.rotation(1, 0), t.rotation(0, 0)));
        assertThat(Math.abs(angleDeg)).isBetween(0.09, 0.13);
    }

    @Test
    void fastSurfacePointAgreesWithTheIteration() {
        LocalTangentPlane plane = new LocalTangentPlane(new GeoPoint(31.3333, -110.6, 1200.0));
        double[] out = new double[7];
        for (double e = -60000; e <= 60000; e += 7500) {
            for (double n = -45000; n <= 45000; n += 7500) {
                GeoPoint slow = plane.surfacePoint(e, n);
                plane.surfacePoint(e, n, out);
                assertThat(out[0]).isCloseTo(slow.latDeg(), within(1e-12));
                assertThat(out[1]).isCloseTo(slow.lonDeg(), within(1e-12));
                assertThat(out[2]).isCloseTo(slow.altM(), within(1e-6));
                double la = Math.toRadians(slow.latDeg()), lo = Math.toRadians(slow.lonDeg());
                assertThat(out[3]).isCloseTo(Math.sin(la), within(1e-12));
                assertThat(out[4]).isCloseTo(Math.cos(la), within(1e-12));
                assertThat(out[5]).isCloseTo(Math.sin(lo), within(1e-12));
                assertThat(out[6]).isCloseTo(Math.cos(lo), within(1e-12));
            }
        }
    }

    @Test
    void toEnuWithAxesAgreesWithThePlaneTransform() {
        LocalTangentPlane plane = new LocalTangentPlane(new GeoPoint(31.3333, -110.6, 1200.0));
        GeoPoint p = plane.surfacePoint(35000, -22000);
        double[] out = new double[7];
        plane.toEnuWithAxes(p, out);
        EnuPoint enu = plane.toEnu(p);
        assertThat(out[0]).isCloseTo(enu.eastM(), within(1e-9));
        assertThat(out[1]).isCloseTo(enu.northM(), within(1e-9));
        assertThat(out[2]).isCloseTo(enu.upM(), within(1e-9));
        TangentPlaneTransform t = new LocalTangentPlane(p).transformTo(plane);
        assertThat(out[3]).isCloseTo(t.rotation(0, 0), within(1e-12));
        assertThat(out[4]).isCloseTo(t.rotation(0, 1), within(1e-12));
        assertThat(out[5]).isCloseTo(t.rotation(1, 0), within(1e-12));
        assertThat(out[6]).isCloseTo(t.rotation(1, 1), within(1e-12));
    }

    private static void assertEnu(GeoPoint p, double e, double n, double u) {
        EnuPoint enu = PLANE.toEnu(p);
        assertThat(enu.eastM()).isCloseTo(e, within(1e-6));
        assertThat(enu.northM()).isCloseTo(n, within(1e-6));
        assertThat(enu.upM()).isCloseTo(u, within(1e-6));
    }

    private static void assertGeo(EnuPoint p, double lat, double lon, double alt) {
        GeoPoint g = PLANE.toGeodetic(p);
        assertThat(g.latDeg()).isCloseTo(lat, within(1e-10));
        assertThat(g.lonDeg()).isCloseTo(lon, within(1e-10));
        assertThat(g.altM()).isCloseTo(alt, within(1e-6));
    }

    @Test
    void heightOfIsTheGeodeticConversionsHeight() {
        // Bowring's closed form against the iteration, from the surface to 20 km up and 400 km out,
        // at latitudes from the equator to 80°: within a tenth of a millimetre
        java.util.Random random = new java.util.Random(11);
        double worst = 0;
        for (int k = 0; k < 20_000; k++) {
            GeoPoint origin =
                    new GeoPoint(
                            -80 + 160 * random.nextDouble(),
                            -180 + 360 * random.nextDouble(),
                            -100 + 3_000 * random.nextDouble());
            LocalTangentPlane plane = new LocalTangentPlane(origin);
            double range = 400_000 * random.nextDouble();
            double az = 2 * Math.PI * random.nextDouble();
            double e = range * Math.sin(az), n = range * Math.cos(az);
            double up = plane.surfaceUpM(e, n) + 20_000 * random.nextDouble();
            double exact = plane.toGeodetic(new EnuPoint(e, n, up)).altM();
            worst = Math.max(worst, Math.abs(plane.heightOf(e, n, up) - exact));
        }
        assertThat(worst).isLessThan(1e-4);
    }
}
