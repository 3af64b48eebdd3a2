package io.cordon.pipeline.filter;

/**
 * Where a radar's own horizontal ENU frame lies relative to the tracker's reference plane, for a
 * target on the surface at the reference height. With the rigid plane-to-plane transform {@code q =
 * M p + t} (from {@code LocalTangentPlane.transformTo}) and the target's up coordinate in the
 * reference plane {@code u(e, n) = -(e² + n²) κ} (κ = 1/(2R), the surface's drop), the radar sees
 * horizontal coordinates
 *
 * <pre>
 * qe = a00 e + a01 n + c0 u(e, n) + b0
 * qn = a10 e + a11 n + c1 u(e, n) + b1
 * </pre>
 *
 * The neglected terms are the target's height difference from the reference surface, which is zero
 * in the benchmark. The rotation between two planes 40 km apart is about 0.1° in azimuth (meridian
 * convergence), which this geometry keeps: ignoring it would bias azimuths by half a sigma of a
 * 0.25° radar.
 *
 * @param a00 M(0,0)
 * @param a01 M(0,1)
 * @param a10 M(1,0)
 * @param a11 M(1,1)
 * @param c0 M(0,2)
 * @param c1 M(1,2)
 * @param b0 t east, m
 * @param b1 t north, m
 * @param curvaturePerM κ, 1/m
 */
public record RadarGeometry(
        double a00,
        double a01,
        double a10,
        double a11,
        double c0,
        double c1,
        double b0,
        double b1,
        double curvaturePerM) {

    /** A radar whose frame is the reference plane translated to (eastM, northM): flat earth. */
    public static RadarGeometry translatedTo(double eastM, double northM) {
        return new RadarGeometry(1, 0, 0, 1, 0, 0, -eastM, -northM, 0);
    }

    double surfaceUp(double e, double n) {
        return -(e * e + n * n) * curvaturePerM;
    }

    /** The radar-frame east of reference-plane point (e, n). */
    public double radarEastM(double e, double n) {
        return a00 * e + a01 * n + c0 * surfaceUp(e, n) + b0;
    }

    /** The radar-frame north of reference-plane point (e, n). */
    public double radarNorthM(double e, double n) {
        return a10 * e + a11 * n + c1 * surfaceUp(e, n) + b1;
    }

    /**
     * The reference-plane point whose radar-frame coordinates are (qe, qn), inverting the map by
     * fixed-point iteration on the small curvature term (three rounds reach 1e-9 m within 100 km).
     */
    public double[] toPlane(double qe, double qn) {
        double det = a00 * a11 - a01 * a10;
        double e = 0, n = 0;
        double u = 0;
        for (int i = 0; i < 3; i++) {
            double re = qe - b0 - c0 * u;
            double rn = qn - b1 - c1 * u;
            e = (a11 * re - a01 * rn) / det;
            n = (-a10 * re + a00 * rn) / det;
            u = surfaceUp(e, n);
        }
        return new double[] {e, n};
    }
}
