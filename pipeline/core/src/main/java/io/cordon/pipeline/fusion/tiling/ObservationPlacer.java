package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an observation lies in the fusion tangent plane, to the metre or so that choosing tiles
 * needs: a position fix (or the fix of a sensor-track update) is converted exactly; a radar plot's
 * range and azimuth are laid out in the radar's own tangent plane at the radar's height and
 * converted from there. Not thread-safe (it caches each radar's plane).
 */
final class ObservationPlacer {
    private final LocalTangentPlane plane;
    private final Map<GeoPoint, LocalTangentPlane> radarPlanes = new HashMap<>();

    ObservationPlacer(LocalTangentPlane plane) {
        this.plane = plane;
    }

    EnuPoint place(Measurement measurement) {
        if (measurement instanceof PositionFix fix) {
            return plane.toEnu(fix.position());
        }
        if (measurement instanceof SensorTrackUpdate track) {
            return plane.toEnu(track.fix().position());
        }
        RadarPlot plot = (RadarPlot) measurement;
        LocalTangentPlane radar =
                radarPlanes.computeIfAbsent(plot.sensorPosition(), LocalTangentPlane::new);
        double az = Math.toRadians(plot.azimuthDeg());
        return plane.toEnu(
                radar.surfacePoint(plot.rangeM() * Math.sin(az), plot.rangeM() * Math.cos(az)));
    }
}
