package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of square tiles in latitude/longitude degrees, for keying pair detectors by space. A track
 * update goes to every tile within {@code haloM} of it ({@link #tilesNear}), so two tracks closer
 * than the halo always meet in at least one tile; the pair's alerts come only from the tile that
 * holds the pair's midpoint when the pair starts ({@link #tileOf}).
 *
 * @param tileSizeDeg edge of a tile, degrees (default 0.1°, about 11 km north-south)
 */
public record TileGrid(double tileSizeDeg) {
    public static final TileGrid DEFAULT = new TileGrid(0.1);

    public TileGrid {
        if (!(tileSizeDeg > 0 && tileSizeDeg <= 10)) {
            throw new IllegalArgumentException(
                    "tileSizeDeg must be in (0, 10], was " + tileSizeDeg);
        }
    }

    /** The key of the tile holding {@code p}: {@code "<ix>:<iy>"}. */
    public String tileOf(GeoPoint p) {
        return key(index(p.lonDeg()), index(p.latDeg()));
    }

    /** Keys of every tile within {@code haloM} of {@code p} (its own first). */
    public List<String> tilesNear(GeoPoint p, double haloM) {
        double dLat = haloM / 110_574.0; // metres per degree of latitude at the equator (the least)
        double dLon = haloM / (111_320.0 * Math.max(Math.cos(Math.toRadians(p.latDeg())), 1e-6));
        List<String> out = new ArrayList<>();
        out.add(tileOf(p));
        for (long ix = index(p.lonDeg() - dLon); ix <= index(p.lonDeg() + dLon); ix++) {
            for (long iy = index(p.latDeg() - dLat); iy <= index(p.latDeg() + dLat); iy++) {
                String k = key(ix, iy);
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private long index(double deg) {
        return (long) Math.floor(deg / tileSizeDeg);
    }

    private static String key(long ix, long iy) {
        return ix + ":" + iy;
    }
}
