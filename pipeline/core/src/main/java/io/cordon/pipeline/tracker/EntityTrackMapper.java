package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.geo.TangentPlaneTransform;
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

    EntityTrackMapper(LocalTangentPlane plane) {
        this.plane = plane;
    }

    EntityTrack map(TrackRecord track, TrackStatus status, Instant time, GaussianState s) {
        GeoPoint position = plane.surfacePoint(s.eastM(), s.northM());
        TangentPlaneTransform toLocal = plane.transformTo(new LocalTangentPlane(position));
        double r00 = toLocal.rotation(0, 0), r01 = toLocal.rotation(0, 1);
        double r10 = toLocal.rotation(1, 0), r11 = toLocal.rotation(1, 1);
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
