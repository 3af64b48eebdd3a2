package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.MeasurementModel;
import io.cordon.pipeline.filter.PositionMeasurement;
import io.cordon.pipeline.filter.RadarGeometry;
import io.cordon.pipeline.filter.RangeAzimuthMeasurement;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.geo.TangentPlaneTransform;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.Velocity;
import java.util.HashMap;
import java.util.Map;

/**
 * Expresses each observation's measurement in the tracker's reference plane, keeping its own model:
 * a radar plot stays a range-azimuth measurement with the radar's frame placed by the exact
 * plane-to-plane transform ({@link RadarGeometry}); a position fix becomes a plane position with
 * its covariance rotated from the local ENU frame at the fix into the plane. A sensor-track update
 * becomes the plane position of the estimate it carries, which the tracker fuses track-to-track
 * ({@link SensorTrackFusion}).
 */
final class ObservationConverter {
    private final LocalTangentPlane plane;
    private final Map<GeoPoint, RadarGeometry> radars = new HashMap<>();
    private final double[] axes = new double[7];
    private GeoPoint lastRadar;
    private RadarGeometry lastGeometry;

    ObservationConverter(LocalTangentPlane plane) {
        this.plane = plane;
    }

    MeasurementModel convert(Observation observation) {
        var measurement = observation.measurement();
        if (measurement instanceof RadarPlot plot) {
            return radar(plot);
        }
        if (measurement instanceof PositionFix fix) {
            return position(fix);
        }
        return position(((SensorTrackUpdate) measurement).fix());
    }

    /**
     * A velocity given in the ENU frame at a fix, in the plane's axes, into out[0] (east) and
     * out[1] (north).
     */
    void velocityInPlane(PositionFix fix, Velocity velocity, double[] out) {
        double[] r = axes;
        plane.toEnuWithAxes(fix.position(), r);
        double ve = velocity.eastMps(), vn = velocity.northMps();
        out[0] = r[3] * ve + r[4] * vn;
        out[1] = r[5] * ve + r[6] * vn;
    }

    private MeasurementModel radar(RadarPlot plot) {
        GeoPoint at = plot.sensorPosition();
        RadarGeometry geometry;
        if (at == lastRadar || at.equals(lastRadar)) {
            geometry = lastGeometry;
        } else {
            geometry = radars.computeIfAbsent(at, this::geometryOf);
            lastRadar = at;
            lastGeometry = geometry;
        }
        return new RangeAzimuthMeasurement(
                plot.rangeM(),
                Math.toRadians(plot.azimuthDeg()),
                plot.sigmaRangeM(),
                Math.toRadians(plot.sigmaAzimuthDeg()),
                geometry);
    }

    private RadarGeometry geometryOf(GeoPoint radar) {
        TangentPlaneTransform t = plane.transformTo(new LocalTangentPlane(radar));
        double kappa = -plane.surfaceUpM(1.0, 0.0);
        return new RadarGeometry(
                t.rotation(0, 0),
                t.rotation(0, 1),
                t.rotation(1, 0),
                t.rotation(1, 1),
                t.rotation(0, 2),
                t.rotation(1, 2),
                t.translation().eastM(),
                t.translation().northM(),
                kappa);
    }

    private MeasurementModel position(PositionFix fix) {
        double[] r = axes;
        plane.toEnuWithAxes(fix.position(), r);
        double r00 = r[3], r01 = r[4], r10 = r[5], r11 = r[6];
        double ee = fix.covEastEastM2(), en = fix.covEastNorthM2(), nn = fix.covNorthNorthM2();
        double t00 = r00 * ee + r01 * en, t01 = r00 * en + r01 * nn;
        double t10 = r10 * ee + r11 * en, t11 = r10 * en + r11 * nn;
        double cee = t00 * r00 + t01 * r01;
        double cen = t00 * r10 + t01 * r11;
        double cnn = t10 * r10 + t11 * r11;
        return new PositionMeasurement(r[0], r[1], cee, cen, cnn);
    }
}
