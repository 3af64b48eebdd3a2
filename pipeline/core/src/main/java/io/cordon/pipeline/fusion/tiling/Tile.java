package io.cordon.pipeline.fusion.tiling;

/**
 * One square tile of a {@link TileGrid}: column {@code ix} (east) and row {@code iy} (north). Its
 * {@link #key()} is the fusion partition key, {@code "<ix>:<iy>"}.
 */
public record Tile(int ix, int iy) implements Comparable<Tile> {
    public String key() {
        return ix + ":" + iy;
    }

    /** The tile whose {@link #key()} is {@code key}. */
    public static Tile parse(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a tile key (ix:iy): '" + key + "'");
        }
        try {
            return new Tile(
                    Integer.parseInt(key.substring(0, colon)),
                    Integer.parseInt(key.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tile key (ix:iy): '" + key + "'", e);
        }
    }

    /** Whether {@code other} is this tile or one of its eight neighbours. */
    public boolean touches(Tile other) {
        return Math.abs(ix - other.ix) <= 1 && Math.abs(iy - other.iy) <= 1;
    }

    @Override
    public int compareTo(Tile o) {
        return ix != o.ix ? Integer.compare(ix, o.ix) : Integer.compare(iy, o.iy);
    }

    @Override
    public String toString() {
        return key();
    }
}
