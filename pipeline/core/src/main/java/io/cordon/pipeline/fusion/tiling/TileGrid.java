package io.cordon.pipeline.fusion.tiling;

import java.util.ArrayList;
import java.util.List;

/**
 * Square tiles over the fusion tangent plane (east and north in metres from the reference point),
 * each with a halo: the tile's <i>core</i> is {@code [ix·s, (ix+1)·s) × [iy·s, (iy+1)·s)}, its
 * <i>extended area</i> every point within {@code haloM} (Euclidean) of the core. A tile's tracker
 * sees every observation in its extended area, so a track at least one gate inside it gets the same
 * detections as it would in a single tracker.
 *
 * <p>Depth ({@link #depthM}) is the signed distance from a point to the core's boundary: positive
 * inside, negative outside. A point is in the tile's <i>interior</i> when its depth exceeds one and
 * a half halo widths ({@link #interiorDepthM}): no other tile's extended area reaches within half a
 * halo of it, so no other tile holds a replica of a track there, even allowing for the two tiles'
 * estimates of one target to differ. Everything else of the extended area (the halo and the strip
 * of the core along its edges) is the <i>overlap zone</i>, where identities are resolved between
 * tiles.
 *
 * @param tileSizeM edge of a tile, m, > 0
 * @param haloM halo width, m, in (0, tileSizeM / 3): a point lies in at most four extended areas
 *     and every tile has an interior
 */
public record TileGrid(double tileSizeM, double haloM) implements java.io.Serializable {
    public TileGrid {
        if (!(tileSizeM > 0) || !Double.isFinite(tileSizeM)) {
            throw new IllegalArgumentException(
                    "tileSizeM must be finite and > 0, was " + tileSizeM);
        }
        if (!(haloM > 0 && haloM < tileSizeM / 3)) {
            throw new IllegalArgumentException(
                    "haloM must be in (0, tileSizeM / 3) = (0, "
                            + tileSizeM / 3
                            + "), was "
                            + haloM);
        }
    }

    /** The tile whose core holds (eastM, northM). */
    public Tile tileOf(double eastM, double northM) {
        return new Tile(index(eastM), index(northM));
    }

    /**
     * Every tile whose extended area holds (eastM, northM): its core tile first, then the others in
     * {@link Tile} order.
     */
    public List<Tile> tilesCovering(double eastM, double northM) {
        Tile core = tileOf(eastM, northM);
        List<Tile> out = new ArrayList<>(4);
        out.add(core);
        for (int ix = index(eastM - haloM); ix <= index(eastM + haloM); ix++) {
            for (int iy = index(northM - haloM); iy <= index(northM + haloM); iy++) {
                Tile t = new Tile(ix, iy);
                if (!t.equals(core) && depthM(t, eastM, northM) >= -haloM) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /**
     * Signed distance of (eastM, northM) from the boundary of {@code tile}'s core, m: the distance
     * to the nearest edge inside, minus the Euclidean distance to the core outside.
     */
    public double depthM(Tile tile, double eastM, double northM) {
        double x0 = tile.ix() * tileSizeM, y0 = tile.iy() * tileSizeM;
        double dx = Math.min(eastM - x0, x0 + tileSizeM - eastM);
        double dy = Math.min(northM - y0, y0 + tileSizeM - northM);
        if (dx >= 0 && dy >= 0) {
            return Math.min(dx, dy);
        }
        return -Math.hypot(Math.max(0, -dx), Math.max(0, -dy));
    }

    /** Depth beyond which a point is in a tile's interior: 1.5 halo widths, m. */
    public double interiorDepthM() {
        return 1.5 * haloM;
    }

    /** Whether a point at this depth in a tile is in its interior. */
    public boolean interior(double depthM) {
        return depthM > interiorDepthM();
    }

    private int index(double m) {
        double i = Math.floor(m / tileSizeM);
        if (!(Math.abs(i) < Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("position out of the grid's range: " + m + " m");
        }
        return (int) i;
    }
}
