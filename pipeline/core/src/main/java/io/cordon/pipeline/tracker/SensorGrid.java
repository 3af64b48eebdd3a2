package io.cordon.pipeline.tracker;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.ArrayList;
import java.util.List;

/**
 * Which known sensors can cover a point, without asking every sensor: each cell of a coarse grid
 * lists the sensors whose coverage's bounding box (a metre wider than the coverage test's rounding)
 * overlaps it, in the priors' order. {@link #anyCovers} and {@link #coveredByOther} answer exactly
 * as {@link SensorPriors}' passes over all sensors do, at the cost of the few sensors near the
 * point: with hundreds of sensors over a wide area those passes (a coverage check of each track
 * every few seconds, two per unassigned detection) cost more than the tracking.
 */
final class SensorGrid {
    private static final double CELL_M = 8000.0;

    private final SensorPriors priors;
    private final boolean anyKnown;
    private final boolean anyEverywhere;
    // So few sensors that asking each is cheaper than the lookup.
    private final boolean direct;
    private static final int DIRECT_MAX = 16;
    private final CellIndex cellIndex = new CellIndex();
    // The sensors of each cell, by its index in cellIndex.
    private final int[][] cells;
    // Sensors whose box spans more than MAX_CELLS cells: asked for every point.
    private final int[] wide;
    private static final int MAX_CELLS = 4096;
    private static final int[] NONE = new int[0];

    /**
     * A coverage's bounding box {min e, max e, min n, max n} in the plane, a metre wider on every
     * side than the coverage test's rounding; null for a coverage without bounds.
     */
    static double[] coverageBox(SensorCoverage c, LocalTangentPlane plane) {
        double ce, cn, he, hn;
        if (c instanceof SensorCoverage.Disc d) {
            EnuPoint centre = plane.toEnu(d.centre());
            ce = centre.eastM();
            cn = centre.northM();
            he = hn = d.radiusM();
        } else if (c instanceof SensorCoverage.Rectangle r) {
            EnuPoint centre = plane.toEnu(r.centre());
            ce = centre.eastM();
            cn = centre.northM();
            he = r.halfEastM();
            hn = r.halfNorthM();
        } else {
            return null;
        }
        return new double[] {ce - he - 1.0, ce + he + 1.0, cn - hn - 1.0, cn + hn + 1.0};
    }

    SensorGrid(List<SensorPrior> sensors, LocalTangentPlane plane, SensorPriors priors) {
        this.priors = priors;
        this.anyKnown = !sensors.isEmpty();
        this.direct = sensors.size() <= DIRECT_MAX;
        List<IntList> lists = new ArrayList<>(); // by cell index
        boolean everywhere = false;
        IntList wideList = new IntList();
        for (int k = 0; k < sensors.size(); k++) {
            double[] box = coverageBox(sensors.get(k).coverage(), plane);
            if (box == null) {
                everywhere = true;
                continue;
            }
            int cx0 = cell(box[0]), cx1 = cell(box[1]);
            int cy0 = cell(box[2]), cy1 = cell(box[3]);
            if ((double) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS) {
                wideList.add(k);
                continue;
            }
            for (int cx = cx0; cx <= cx1; cx++) {
                for (int cy = cy0; cy <= cy1; cy++) {
                    int at = cellIndex.add(key(cx, cy));
                    if (at == lists.size()) {
                        lists.add(new IntList());
                    }
                    lists.get(at).add(k);
                }
            }
        }
        this.anyEverywhere = everywhere;
        this.wide = wideList.toArray();
        this.cells = new int[lists.size()][];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = lists.get(c).toArray();
        }
    }

    /** {@link SensorPriors#anyCovers}. */
    boolean anyCovers(double pe, double pn) {
        if (!anyKnown || anyEverywhere) {
            return true;
        }
        if (direct) {
            return priors.anyCovers(pe, pn);
        }
        for (int k : near(pe, pn)) {
            if (priors.covers(k, pe, pn)) {
                return true;
            }
        }
        for (int k : wide) {
            if (priors.covers(k, pe, pn)) {
                return true;
            }
        }
        return false;
    }

    /** {@link SensorPriors#coveredByOther}. */
    boolean coveredByOther(int k, double pe, double pn) {
        if (anyEverywhere || direct) {
            return priors.coveredByOther(k, pe, pn);
        }
        for (int o : near(pe, pn)) {
            if (o != k && priors.covers(o, pe, pn)) {
                return true;
            }
        }
        for (int o : wide) {
            if (o != k && priors.covers(o, pe, pn)) {
                return true;
            }
        }
        return false;
    }

    private int[] near(double pe, double pn) {
        int c = cellIndex.get(key(cell(pe), cell(pn)));
        return c < 0 ? NONE : cells[c];
    }

    private static int cell(double v) {
        return (int) Math.max(-1e9, Math.min(1e9, Math.floor(v / CELL_M)));
    }

    private static long key(int cx, int cy) {
        return cx * 2_000_003L + cy;
    }
}
