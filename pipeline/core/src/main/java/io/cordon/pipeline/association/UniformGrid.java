package io.cordon.pipeline.association;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A uniform grid over points in the plane, built once per batch of measurements and queried with
 * axis-aligned boxes around each track's gate. Cells are square, {@code cellSizeM} wide (wider when
 * the points are spread so far that the grid would have more than a few cells per point), over the
 * points' bounding box; the points are bucketed by a counting sort on their cell number (column
 * major), so construction is linear, the points of consecutive rows of a column are contiguous, a
 * query visits only the cells it overlaps, points come out by cell then by index, and nothing
 * depends on hash iteration order.
 */
public final class UniformGrid {
    private final double requestedCellM;
    private double cellSizeM;
    private double inverseCell;
    private double originE;
    private double originN;
    private int columns;
    private int rows;
    private int[] cellStart = new int[1];
    private int[] cellOf = new int[0];
    private int[] points = new int[0];
    private int size;
    private int[] found = new int[16];

    /** Indexes points (eastM[i], northM[i]) for i in [0, count). */
    public UniformGrid(double cellSizeM, double[] eastM, double[] northM, int count) {
        this(cellSizeM);
        index(eastM, northM, count);
    }

    /**
     * An empty grid, to be filled by {@link #index}; a caller that indexes a batch after batch
     * reuses its arrays.
     */
    public UniformGrid(double cellSizeM) {
        if (!(cellSizeM > 0)) {
            throw new IllegalArgumentException("cellSizeM must be > 0, was " + cellSizeM);
        }
        this.requestedCellM = cellSizeM;
        this.cellSizeM = cellSizeM;
        this.inverseCell = 1.0 / cellSizeM;
        this.columns = 1;
        this.rows = 1;
    }

    /**
     * Indexes points (eastM[i], northM[i]) for i in [0, count), replacing what was indexed before:
     * the same grid as a new one built on them.
     */
    public void index(double[] eastM, double[] northM, int count) {
        this.size = count;
        double minE = 0, maxE = 0, minN = 0, maxN = 0;
        if (count > 0) {
            minE = maxE = eastM[0];
            minN = maxN = northM[0];
            for (int i = 1; i < count; i++) {
                minE = Math.min(minE, eastM[i]);
                maxE = Math.max(maxE, eastM[i]);
                minN = Math.min(minN, northM[i]);
                maxN = Math.max(maxN, northM[i]);
            }
        }
        double width = maxE - minE, height = maxN - minN;
        double cell = requestedCellM;
        long budget = 4L * count + 4096;
        if ((width / cell + 1) * (height / cell + 1) > budget) {
            cell = Math.max(cell, Math.sqrt(Math.max(width, 1.0) * Math.max(height, 1.0) / budget));
            while ((width / cell + 1) * (height / cell + 1) > budget) {
                cell *= 1.25;
            }
        }
        this.cellSizeM = cell;
        this.inverseCell = 1.0 / cell;
        this.originE = minE;
        this.originN = minN;
        this.columns = (int) (width * inverseCell) + 1;
        this.rows = (int) (height * inverseCell) + 1;
        int cells = columns * rows;
        if (cellStart.length < cells + 1) {
            cellStart = new int[Math.max(cells + 1, 2 * cellStart.length)];
        } else {
            Arrays.fill(cellStart, 0, cells + 1, 0);
        }
        if (cellOf.length < count) {
            int length = Math.max(count, 2 * cellOf.length);
            cellOf = new int[length];
            points = new int[length];
        }
        // Counting sort: cellStart[c] counts cell c, then holds the end of cell c (inclusive prefix
        // sums); filling each cell from its end, points in decreasing index, leaves cellStart[c] at
        // the start of cell c and every cell's points in increasing index.
        int[] start = cellStart, of = cellOf;
        for (int i = 0; i < count; i++) {
            int cx = Math.min(columns - 1, (int) ((eastM[i] - minE) * inverseCell));
            int cy = Math.min(rows - 1, (int) ((northM[i] - minN) * inverseCell));
            int c = cx * rows + cy;
            of[i] = c;
            start[c]++;
        }
        for (int c = 1; c < cells; c++) {
            start[c] += start[c - 1];
        }
        for (int i = count - 1; i >= 0; i--) {
            points[--start[of[i]]] = i;
        }
        start[cells] = count;
    }

    /** Number of indexed points. */
    public int size() {
        return size;
    }

    /** Cell size used, m (at least the one asked for). */
    public double cellSizeM() {
        return cellSizeM;
    }

    /**
     * Calls {@code visitor} with the index of every point whose cell overlaps the box centred on
     * (eastM, northM) with half-width {@code radiusM} (a superset of the points within radiusM).
     */
    public void query(double eastM, double northM, double radiusM, IntConsumer visitor) {
        int n = collect(eastM, northM, radiusM);
        for (int k = 0; k < n; k++) {
            visitor.accept(found[k]);
        }
    }

    /**
     * As {@link #query} without a visitor: returns how many points were found, readable with {@link
     * #found(int)} until the next call.
     */
    public int collect(double eastM, double northM, double radiusM) {
        if (size == 0) {
            return 0;
        }
        double fx0 = Math.floor((eastM - radiusM - originE) * inverseCell);
        double fx1 = Math.floor((eastM + radiusM - originE) * inverseCell);
        double fy0 = Math.floor((northM - radiusM - originN) * inverseCell);
        double fy1 = Math.floor((northM + radiusM - originN) * inverseCell);
        if (fx1 < 0 || fy1 < 0 || fx0 >= columns || fy0 >= rows) {
            return 0;
        }
        int x0 = (int) Math.max(0, fx0), x1 = (int) Math.min(columns - 1, fx1);
        int y0 = (int) Math.max(0, fy0), y1 = (int) Math.min(rows - 1, fy1);
        int n = 0;
        for (int cx = x0; cx <= x1; cx++) {
            int from = cellStart[cx * rows + y0], to = cellStart[cx * rows + y1 + 1];
            int count = to - from;
            if (n + count > found.length) {
                found = Arrays.copyOf(found, Math.max(2 * found.length, n + count));
            }
            System.arraycopy(points, from, found, n, count);
            n += count;
        }
        return n;
    }

    /**
     * Writes into {@code dst[i]} the position of point i in this grid's order (by cell, column
     * major, then by index): the order in which {@link #collect} lists points of different cells.
     * Lets a caller that queries a finer grid put its results in this grid's order.
     */
    public void positions(int[] dst) {
        for (int k = 0; k < size; k++) {
            dst[points[k]] = k;
        }
    }

    /** The k-th point of the last {@link #collect}. */
    public int found(int k) {
        return found[k];
    }
}
