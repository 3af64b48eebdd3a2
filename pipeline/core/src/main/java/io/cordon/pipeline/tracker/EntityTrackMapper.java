package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.GaussianState;
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
 * ENU axes at that position (the rotation is the meridian convergence, about 0.1° at 40 km).
 */
final class EntityTrackMapper {
    private final LocalTangentPlane plane;

    // The plane's east and north axes in ECEF.
    private final double pe0, pe1, pe2, pn0, pn1, pn2;

    EntityTrackMapper(LocalTangentPlane plane) {
        this.plane = plane;
        double la = Math.toRadians(plane.origin().latDeg());
        double lo = Math.toRadians(plane.origin().lonDeg());
        pe0 = -Math.sin(lo);
        pe1 = Math.cos(lo);
        pe2 = 0;
        pn0 = -Math.sin(la) * Math.cos(lo);
        pn1 = -Math.sin(la) * Math.sin(lo);
        pn2 = Math.cos(la);
    }

    EntityTrack map(TrackRecord track, TrackStatus status, Instant time, GaussianState s) {
        GeoPoint position = plane.surfacePoint(s.eastM(), s.northM());
        // Horizontal block of R_local R_planeᵀ: local east/north axes dotted with the plane's.
        double la = Math.toRadians(position.latDeg()), lo = Math.toRadians(position.lonDeg());
        double sla = Math.sin(la), cla = Math.cos(la), slo = Math.sin(lo), clo = Math.cos(lo);
        double le0 = -slo, le1 = clo;
        double ln0 = -sla * clo, ln1 = -sla * slo, ln2 = cla;
        double r00 = le0 * pe0 + le1 * pe1;
        double r01 = le0 * pn0 + le1 * pn1;
        double r10 = ln0 * pe0 + ln1 * pe1 + ln2 * pe2;
        double r11 = ln0 * pn0 + ln1 * pn1 + ln2 * pn2;
        double ve = s.velocityEastMps(), vn = s.velocityNorthMps();
        Velocity velocity = new Velocity(r00 * ve + r01 * vn, r10 * ve + r11 * vn, 0.0);
        // T = diag(R, R); C' = T C Tᵀ.
        double[] t = new double[16];
        t[0] = r00;
        t[1] = r01;
        t[4] = r10;
        t[5] = r11;
        t[10] = r00;
        t[11] = r01;
        t[14] = r10;
        t[15] = r11;
        double[] c = s.covarianceArray();
        double[] tc = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = 0;
                for (int k = 0; k < 4; k++) {
                    v += t[i * 4 + k] * c[k * 4 + j];
                }
                tc[i * 4 + j] = v;
            }
        }
        double[] out = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double v = 0;
                for (int k = 0; k < 4; k++) {
                    v += tc[i * 4 + k] * t[j * 4 + k];
                }
                out[i * 4 + j] = v;
                out[j * 4 + i] = v;
            }
        }
        return new EntityTrack(
                track.id,
                status,
                time,
                position,
                velocity,
                StateCovariance.ofRowMajor(out),
                track.sensorIds,
                track.partnerIds,
                track.identity,
                track.classification,
                track.marking,
                track.updateCount);
    }
}
