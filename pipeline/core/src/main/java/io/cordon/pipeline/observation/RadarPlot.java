package io.cordon.pipeline.observation;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;

/**
 * A radar plot: horizontal range and azimuth in the radar's own ENU tangent plane, and for a 3-D
 * radar the elevation angle above that plane. The tracker estimates the horizontal position from
 * range and azimuth; an elevation measures the track's height ({@code sigmaElevationDeg > 0}; 0
 * means none was measured, as for surface-search radars).
 *
 * @param sensorPosition where the radar is (WGS84)
 * @param rangeM horizontal range, metres, >= 0 (a slant range is converted by the connector)
 * @param azimuthDeg azimuth clockwise from true north, degrees, [0, 360)
 * @param sigmaRangeM one-sigma range noise, metres, > 0
 * @param sigmaAzimuthDeg one-sigma azimuth noise, degrees, > 0
 * @param elevationDeg elevation above the radar's horizontal plane, degrees, (-90, 90); 0 when not
 *     measured
 * @param sigmaElevationDeg one-sigma elevation noise, degrees: > 0 when the elevation is measured,
 *     else 0
 */
public record RadarPlot(
        GeoPoint sensorPosition,
        double rangeM,
        double azimuthDeg,
        double sigmaRangeM,
        double sigmaAzimuthDeg,
        double elevationDeg,
        double sigmaElevationDeg)
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
        if (!(sigmaElevationDeg >= 0) || !Double.isFinite(sigmaElevationDeg)) {
            throw new IllegalArgumentException(
                    "sigmaElevationDeg must be finite and > 0 (elevation measured) or 0 (not"
                            + " measured), was "
                            + sigmaElevationDeg);
        }
        if (sigmaElevationDeg > 0
                ? !(elevationDeg > -90 && elevationDeg < 90)
                : elevationDeg != 0) {
            throw new IllegalArgumentException(
                    sigmaElevationDeg > 0
                            ? "elevationDeg must be in (-90, 90), was " + elevationDeg
                            : "elevationDeg must be 0 when sigmaElevationDeg is 0 (not measured),"
                                    + " was "
                                    + elevationDeg);
        }
    }

    /** A plot of a surface-search (2-D) radar: no elevation. */
    public RadarPlot(
            GeoPoint sensorPosition,
            double rangeM,
            double azimuthDeg,
            double sigmaRangeM,
            double sigmaAzimuthDeg) {
        this(sensorPosition, rangeM, azimuthDeg, sigmaRangeM, sigmaAzimuthDeg, 0.0, 0.0);
    }

    /**
     * The ellipsoidal height of the point the plot gives: its horizontal range, azimuth and
     * elevation in the radar's ENU tangent plane ({@code up = range · tan(elevation)}), taken to
     * WGS84, m; the earth's curvature is in the conversion (the plane's drop below the target is
     * range² / 2R: 8 m at 10 km), atmospheric refraction is not (a ray bends by about an eighth of
     * the curvature: 1 m at 10 km). For a plot without an elevation, the height of the point in the
     * plane itself.
     */
    public double pointHeightM() {
        double az = Math.toRadians(azimuthDeg);
        double up = rangeM * Math.tan(Math.toRadians(elevationDeg));
        return new LocalTangentPlane(sensorPosition)
                .toGeodetic(new EnuPoint(rangeM * Math.sin(az), rangeM * Math.cos(az), up))
                .altM();
    }

    /** Whether the plot measured the elevation (a 3-D radar). */
    public boolean hasElevation() {
        return sigmaElevationDeg > 0;
    }
}
