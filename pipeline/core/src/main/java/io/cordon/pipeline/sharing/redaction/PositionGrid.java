package io.cordon.pipeline.sharing.redaction;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * A fixed latitude/longitude grid whose cells are about {@code cellM} metres on a side: latitude
 * rows of {@code cellM / 111 320} degrees, and in each row longitude columns of {@code cellM / (111
 * 320 cos(row centre))} degrees. A position is released as the centre of its cell (height rounded
 * to a multiple of {@code cellM}), so every position in a cell gives the same answer and nothing
 * finer than the cell leaves Cordon. The grid depends only on {@code cellM}: the same cell always
 * has the same centre, across tracks, alerts and replays.
 *
 * <p>111 320 m is the length of one degree of latitude (and of longitude at the equator) on a
 * sphere of the WGS84 equatorial radius; the cells are approximate squares, which is all that
 * coarsening needs.
 */
public final class PositionGrid {
    static final double METRES_PER_DEGREE = 111_320.0;

    private final double cellM;
    private final double latStepDeg;

    public PositionGrid(double cellM) {
        if (!(cellM > 0) || !Double.isFinite(cellM)) {
            throw new IllegalArgumentException("cellM must be finite and > 0, was " + cellM);
        }
        this.cellM = cellM;
        this.latStepDeg = cellM / METRES_PER_DEGREE;
    }

    public double cellM() {
        return cellM;
    }

    /** The centre of the cell holding {@code p}. */
    public GeoPoint snap(GeoPoint p) {
        long row = (long) Math.floor((p.latDeg() + 90.0) / latStepDeg);
        double lat = Math.min(90.0, -90.0 + (row + 0.5) * latStepDeg);
        double lonStep = lonStepDeg(lat);
        long col = (long) Math.floor((p.lonDeg() + 180.0) / lonStep);
        double lon = Math.min(180.0, -180.0 + (col + 0.5) * lonStep);
        double alt = Math.round(p.altM() / cellM) * cellM;
        return new GeoPoint(lat, lon, alt);
    }

    /** True when {@code p} is the centre of its own cell (what {@link #snap} returns). */
    public boolean isCellCentre(GeoPoint p) {
        GeoPoint s = snap(p);
        return Math.abs(s.latDeg() - p.latDeg()) < 1e-9
                && Math.abs(s.lonDeg() - p.lonDeg()) < 1e-9
                && Math.abs(s.altM() - p.altM()) < 1e-6;
    }

    /** Decimal places that show a cell centre without suggesting more precision than the cell. */
    public int decimals() {
        return Math.max(0, (int) Math.ceil(-Math.log10(latStepDeg)));
    }

    private double lonStepDeg(double rowCentreLatDeg) {
        double cos = Math.cos(Math.toRadians(rowCentreLatDeg));
        return cos < latStepDeg / 360.0 ? 360.0 : Math.min(360.0, latStepDeg / cos);
    }
}
