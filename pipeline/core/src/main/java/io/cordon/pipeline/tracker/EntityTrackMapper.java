package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.FlatImm;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;

/**
 * Turns a plane estimate into the shared {@link EntityTrack}: the position goes back to WGS84 on
 * the reference height, velocity and covariance are rotated from the plane's axes into the local
 * ENU axes at that position (the rotation is the meridian convergence, about 0.1° at 40 km). A
 * track with a height estimate ({@link TrackHeight}) is published at that height predicted to the
 * track's time (held {@value TrackHeight#MAX_EXTRAPOLATION_S} s after the last measured height),
 * with its vertical rate as the velocity's up component and its sigma ({@link
 * TrackHeight#sigmaAt}); a track without one at the reference height with up 0 and sigma 0.
 */
final class EntityTrackMapper {
    private final LocalTangentPlane plane;

    // The plane's east and north axes in ECEF.
    private final double pe0, pe1, pn0, pn1, pn2;
    private final double[] geodetic = new double[7];
    // Every entry is written on every call, and StateCovariance.ofRowMajor copies it.
    private final double[] covariance = new double[16];

    EntityTrackMapper(LocalTangentPlane plane) {
        this.plane = plane;
        double la = Math.toRadians(plane.origin().latDeg());
        double lo = Math.toRadians(plane.origin().lonDeg());
        pe0 = -Math.sin(lo);
        pe1 = Math.cos(lo);
        pn0 = -Math.sin(la) * Math.cos(lo);
        pn1 = -Math.sin(la) * Math.sin(lo);
        pn2 = Math.cos(la);
    }

    /** The track with the Gaussian block at {@code go} of {@code g} as its estimate. */
    EntityTrack map(TrackRecord track, TrackStatus status, Instant time, double[] g, int go) {
        double[] geo = geodetic;
        plane.surfacePoint(g[go], g[go + 1], geo);
        TrackHeight height = track.height;
        long timeNanos = height == null ? 0 : TrackRecord.nanos(time);
        double altM = height == null ? geo[2] : height.heightAt(timeNanos);
        GeoPoint position = new GeoPoint(geo[0], geo[1], altM);
        // Horizontal block of R_local R_planeᵀ: local east/north axes dotted with the plane's.
        double sla = geo[3], cla = geo[4], slo = geo[5], clo = geo[6];
        double le0 = -slo, le1 = clo;
        double ln0 = -sla * clo, ln1 = -sla * slo, ln2 = cla;
        double r00 = le0 * pe0 + le1 * pe1;
        double r01 = le0 * pn0 + le1 * pn1;
        double r10 = ln0 * pe0 + ln1 * pe1;
        double r11 = ln0 * pn0 + ln1 * pn1 + ln2 * pn2;
        double ve = g[go + 2], vn = g[go + 3];
        Velocity velocity =
                new Velocity(
                        r00 * ve + r01 * vn,
                        r10 * ve + r11 * vn,
                        height == null ? 0.0 : height.rateAt(timeNanos));
        // C' = T C Tᵀ with T = diag(R, R), block by block: R X Rᵀ for each 2×2 block X.
        double[] out = covariance;
        for (int bi = 0; bi < 2; bi++) {
            for (int bj = bi; bj < 2; bj++) {
                double x00 = FlatImm.covariance(g, go, 2 * bi, 2 * bj);
                double x01 = FlatImm.covariance(g, go, 2 * bi, 2 * bj + 1);
                double x10 = FlatImm.covariance(g, go, 2 * bi + 1, 2 * bj);
                double x11 = FlatImm.covariance(g, go, 2 * bi + 1, 2 * bj + 1);
                double t00 = r00 * x00 + r01 * x10, t01 = r00 * x01 + r01 * x11;
                double t10 = r10 * x00 + r11 * x10, t11 = r10 * x01 + r11 * x11;
                double y00 = t00 * r00 + t01 * r01, y01 = t00 * r10 + t01 * r11;
                double y10 = bi == bj ? y01 : t10 * r00 + t11 * r01;
                double y11 = t10 * r10 + t11 * r11;
                int r0 = 2 * bi, c0 = 2 * bj;
                out[r0 * 4 + c0] = y00;
                out[r0 * 4 + c0 + 1] = y01;
                out[(r0 + 1) * 4 + c0] = y10;
                out[(r0 + 1) * 4 + c0 + 1] = y11;
                out[c0 * 4 + r0] = y00;
                out[(c0 + 1) * 4 + r0] = y01;
                out[c0 * 4 + r0 + 1] = y10;
                out[(c0 + 1) * 4 + r0 + 1] = y11;
            }
        }
        return new EntityTrack(
                track.id,
                status,
                time,
                position,
                velocity,
                StateCovariance.ofRowMajor(out),
                track.sensorIdsView(),
                track.partnerIdsView(),
                track.identity,
                track.classification,
                track.marking,
                track.updateCount,
                track.lastCooperative,
                track.lastNonCooperative,
                height == null ? 0.0 : height.sigmaAt(timeNanos));
    }
}
