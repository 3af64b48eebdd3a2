package io.cordon.pipeline.observation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * A surface-search radar plot: horizontal range and azimuth in the radar's own ENU tangent plane.
 *
 * @param sensorPosition where the radar is (WGS84)
 * @param rangeM horizontal range, metres, >= 0
 * @param azimuthDeg azimuth clockwise from true north, degrees, [0, 360)
 * @param sigmaRangeM one-sigma range noise, metres, > 0
 * @param sigmaAzimuthDeg one-sigma azimuth noise, degrees, > 0
 */
public record RadarPlot(
        GeoPoint sensorPosition,
        double rangeM,
        double azimuthDeg,
        double sigmaRangeM,
        double sigmaAzimuthDeg)
        implements Measurement {
    public RadarPlot {
        if (sensorPosition == null) {
            throw new IllegalArgumentException("sensorPosition is required");
        }
        if (!(rangeM >= 0) || !Double.isFinite(rangeM)) {
            throw new IllegalArgumentException("rangeM must be finite and >= 0, was " + rangeM);
        }
        if (!(azimuthDeg >= 0 && azimuthDeg < 360)) {
            throw new IllegalArgumentException("azimuthDeg must be in [0, 360), was " + azimuthDeg);
        }
        if (!(sigmaRangeM > 0) || !(sigmaAzimuthDeg > 0)) {
            throw new IllegalArgumentException(
                    "sigmas must be > 0, were "
                            + sigmaRangeM
                            + " m and "
                            + sigmaAzimuthDeg
                            + " deg");
        }
    }
}
