package io.cordon.pipeline.detect;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import java.time.Duration;
import java.time.Instant;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * The few geodesic operations the detectors need: distance on the WGS84 ellipsoid (Karney,
 * <i>Algorithms for geodesics</i>, J. Geodesy 87, 2013, via GeographicLib) and constant-velocity
 * prediction along the course.
 */
public final class Geodesy {
    private Geodesy() {}

    /** Geodesic distance between two positions, metres (heights ignored). */
    public static double distanceM(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(
                        a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg(), GeodesicMask.DISTANCE)
                .s12;
    }

    /**
     * Where a target at {@code p} moving at {@code v} is after {@code dtS} seconds (may be < 0).
     */
    public static GeoPoint predict(GeoPoint p, Velocity v, double dtS) {
        double speed = v.groundSpeedMps();
        if (speed == 0 || dtS == 0) {
            return p;
        }
        double azimuth = dtS >= 0 ? v.courseDeg() : v.courseDeg() + 180;
        GeodesicData d =
                Geodesic.WGS84.Direct(p.latDeg(), p.lonDeg(), azimuth, speed * Math.abs(dtS));
        return new GeoPoint(d.lat2, d.lon2, p.altM() + v.upMps() * dtS);
    }

    /** Seconds from {@code a} to {@code b} (negative when b is earlier). */
    public static double secondsBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    /** The midpoint of two positions along the geodesic. */
    public static GeoPoint midpoint(GeoPoint a, GeoPoint b) {
        var line = Geodesic.WGS84.InverseLine(a.latDeg(), a.lonDeg(), b.latDeg(), b.lonDeg());
        GeodesicData d = line.Position(line.Distance() / 2);
        return new GeoPoint(d.lat2, d.lon2, (a.altM() + b.altM()) / 2);
    }
}
