package io.cordon.pipeline.tracker;

import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.Arrays;
import java.util.List;

/**
 * Which live tracks a batch can concern, without a pass over all of them: a coarse grid of the
 * tracks' rows ({@link MultiTargetTracker}'s birth-order structure of arrays), so that with many
 * sensors over a wide area a batch touches the tracks near its sensor's coverage and its
 * detections, not every track.
 *
 * <p>The grid is valid for batch times in [{@code anchor}, {@code anchor} + {@link #HORIZON_NANOS}]
 * and is rebuilt (one pass) at the first batch outside that. Each track is keyed by its row's
 * position carried at its velocity to the anchor, with a reach that bounds, for any batch time in
 * the horizon, how far from the key the per-batch pass can find the track in view or near (per
 * axis): the velocity over the horizon, plus the largest gating radius the pass can compute for it
 * (the position variance bounded term by term over the longest prediction in the horizon, and the
 * turn margin) without the batch's measurement variance, which the query adds; the reach also
 * covers the lost-track test of the births ({@code MultiTargetTracker.nearLostTrack}), so that the
 * lost tracks near a batch's detections are found the same way. A track is listed in every cell its
 * key ± reach overlaps; a track whose reach spans more than {@link #MAX_CELLS} cells (or is not
 * finite) is listed apart and handed out to every query. A changed row (an update, a new track) is
 * keyed again before the next query and listed in its new cells; the old listings are left until
 * the rebuild and filtered by the current key. So a query returns, in ascending order, a superset
 * of the tracks the full pass would examine; the caller examines them exactly as the full pass
 * does.
 */
final class TrackGrid {
    static final double CELL_M = 8000.0;
    static final long HORIZON_NANOS = 4_000_000_000L;
    static final int MAX_CELLS = 64;

    /**
     * Below this many rows a full pass is cheaper than the grid's upkeep (measured: +7 % per
     * observation at 140 rows, docs/benchmarks.md); the grid is not even built.
     */
    static final int FEW_ROWS = 512;

    /**
     * With this many known sensors or fewer a full pass: a few wide sensors (the box world of
     * {@code TrackerBenchmark}: two radars, two drones and a satellite over one box) make most
     * queries fall back to it anyway, and the grid's upkeep cost 6-10 % per observation there
     * (docs/benchmarks.md, G8); the grid pays where many sensors each see a small part.
     */
    static final int FEW_SENSORS = 16;

    /** A query whose cells are more than this share of the listed ones: a full pass is cheaper. */
    private static final double FULL_PASS_SHARE = 0.5;

    private final int row;
    private final double gamma;
    // Coefficient of the square root of the variance: the gating radius's 1.2 sqrt(gamma), or the
    // lost-track test's sqrt(reidentifyGate) (MultiTargetTracker.nearLostTrack) if larger.
    private final double spread;
    // The row's column holding the track's rough process noise (MultiTargetTracker.NOISE).
    private final int noiseColumn;
    private final double[] covMinE, covMaxE, covMinN, covMaxN;

    private boolean valid;
    private long anchor;
    private double[] keyE = new double[64], keyN = new double[64], reach = new double[64];
    private boolean[] pending = new boolean[64];
    private final IntList dirty = new IntList();
    private final IntList wide = new IntList();
    private final CellIndex cellIndex = new CellIndex();
    // The listing of each cell, by its index in cellIndex.
    private IntList[] cells = new IntList[64];
    private int occupied;
    private int minCx = Integer.MAX_VALUE, maxCx = Integer.MIN_VALUE;
    private int minCy = Integer.MAX_VALUE, maxCy = Integer.MIN_VALUE;
    private long[] bits = new long[1];
    private int[] out = new int[64];

    /** Tracks examined by the per-batch passes (for the benchmark's count). */
    long visits;

    /** Old tracks examined by the re-identification passes (for the tests' count). */
    long reidentifyVisits;

    /** Every query answers "full pass" (tests compare the grid's results with the full pass's). */
    boolean fullPassesOnly;

    private final boolean fewSensors;

    TrackGrid(
            List<SensorPrior> sensors,
            LocalTangentPlane plane,
            int row,
            double gamma,
            double reidentifyGate,
            int noiseColumn) {
        this.row = row;
        this.gamma = gamma;
        this.spread = Math.max(1.2 * Math.sqrt(gamma), Math.sqrt(reidentifyGate));
        this.noiseColumn = noiseColumn;
        int count = sensors.size();
        fewSensors = count <= FEW_SENSORS;
        covMinE = new double[count];
        covMaxE = new double[count];
        covMinN = new double[count];
        covMaxN = new double[count];
        for (int k = 0; k < count; k++) {
            double[] box = SensorGrid.coverageBox(sensors.get(k).coverage(), plane);
            covMinE[k] = box == null ? Double.NEGATIVE_INFINITY : box[0];
            covMaxE[k] = box == null ? Double.POSITIVE_INFINITY : box[1];
            covMinN[k] = box == null ? Double.NEGATIVE_INFINITY : box[2];
            covMaxN[k] = box == null ? Double.POSITIVE_INFINITY : box[3];
        }
    }

    /** Known sensor k's coverage bounding box {min e, max e, min n, max n}, into box (union). */
    void addCoverage(int k, double[] box) {
        box[0] = Math.min(box[0], covMinE[k]);
        box[1] = Math.max(box[1], covMaxE[k]);
        box[2] = Math.min(box[2], covMinN[k]);
        box[3] = Math.max(box[3], covMaxN[k]);
    }

    /** Indices moved (compaction) or the rows replaced: rebuilt at the next query. */
    void invalidate() {
        valid = false;
    }

    /** Track i's row changed (or the track is new): keyed again before the next query. */
    void changed(int i) {
        if (!valid) {
            return;
        }
        if (pending.length <= i) {
            pending = Arrays.copyOf(pending, Math.max(i + 1, 2 * pending.length));
        }
        if (!pending[i]) {
            pending[i] = true;
            dirty.add(i);
        }
    }

    /**
     * The tracks among rows [0, size) that a batch at tn whose coverage and detections lie in the
     * box {min e, max e, min n, max n} can find in view or near, when the pass adds at most {@code
     * extra} m to each track's radius for the measurements' variance: their indices in ascending
     * order in {@link #found}, their number returned; -1 when a full pass is cheaper.
     */
    int query(double[] rows, long[] rowTime, int size, long tn, double[] box, double extra) {
        if (fullPassesOnly
                || fewSensors
                || size < FEW_ROWS
                || !(box[1] - box[0] < Double.POSITIVE_INFINITY)
                || !(box[3] - box[2] < Double.POSITIVE_INFINITY)) {
            return -1;
        }
        double minE = box[0] - extra, maxE = box[1] + extra;
        double minN = box[2] - extra, maxN = box[3] + extra;
        if (!valid) {
            rebuild(rows, rowTime, size, tn);
        } else if (queried(minE, maxE, minN, maxN) > FULL_PASS_SHARE * occupied) {
            // Decided on the listing as it stands, before it is brought up to date: a full pass
            // (a radar's or a satellite's batch over a small area) leaves the keying for later.
            return -1;
        }
        if (tn < anchor || tn - anchor > HORIZON_NANOS) {
            rebuild(rows, rowTime, size, tn);
        } else {
            for (int d = 0, n = dirty.size(); d < n; d++) {
                int i = dirty.get(d);
                pending[i] = false;
                if (i < size && rowTime[i] != Long.MIN_VALUE) {
                    key(rows, rowTime, i);
                }
            }
            dirty.clear();
        }
        if (queried(minE, maxE, minN, maxN) > FULL_PASS_SHARE * occupied) {
            return -1;
        }
        int cx0 = Math.max(cell(minE), minCx), cx1 = Math.min(cell(maxE), maxCx);
        int cy0 = Math.max(cell(minN), minCy), cy1 = Math.min(cell(maxN), maxCy);
        int words = (size + 63) >>> 6;
        if (bits.length < words) {
            bits = new long[Math.max(words, 2 * bits.length)];
        }
        for (int cx = cx0; cx <= cx1; cx++) {
            for (int cy = cy0; cy <= cy1; cy++) {
                int c = cellIndex.get(cellKey(cx, cy));
                if (c < 0) {
                    continue;
                }
                IntList list = cells[c];
                for (int q = 0, n = list.size(); q < n; q++) {
                    int i = list.get(q);
                    if (i >= size || rowTime[i] == Long.MIN_VALUE) {
                        continue;
                    }
                    double r = reach[i];
                    double ke = keyE[i], kn = keyN[i];
                    if (ke + r >= minE && ke - r <= maxE && kn + r >= minN && kn - r <= maxN) {
                        bits[i >>> 6] |= 1L << i;
                    }
                }
            }
        }
        for (int q = 0, n = wide.size(); q < n; q++) {
            int i = wide.get(q);
            if (i < size && rowTime[i] != Long.MIN_VALUE) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        int count = 0;
        for (int w = 0; w < words; w++) {
            long b = bits[w];
            if (b == 0) {
                continue;
            }
            bits[w] = 0;
            while (b != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(b);
                b &= b - 1;
                if (count == out.length) {
                    out = Arrays.copyOf(out, 2 * count);
                }
                out[count++] = i;
            }
        }
        return count;
    }

    /**
     * The number of listed cells' positions a query box covers (within the listing's extent), or 0
     * when it covers at most four: a small query is never worth a full pass.
     */
    private long queried(double minE, double maxE, double minN, double maxN) {
        int cx0 = Math.max(cell(minE), minCx), cx1 = Math.min(cell(maxE), maxCx);
        int cy0 = Math.max(cell(minN), minCy), cy1 = Math.min(cell(maxN), maxCy);
        long n = cx0 > cx1 || cy0 > cy1 ? 0 : (long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1);
        return n > 4 ? n : 0;
    }

    /** The k-th index of the last query. */
    int found(int k) {
        return out[k];
    }

    private void rebuild(double[] rows, long[] rowTime, int size, long tn) {
        for (int c = 0, n = cellIndex.size(); c < n; c++) {
            cells[c].clear();
        }
        wide.clear();
        for (int d = 0, n = dirty.size(); d < n; d++) {
            pending[dirty.get(d)] = false;
        }
        dirty.clear();
        occupied = 0;
        minCx = minCy = Integer.MAX_VALUE;
        maxCx = maxCy = Integer.MIN_VALUE;
        anchor = tn;
        valid = true;
        for (int i = 0; i < size; i++) {
            if (rowTime[i] != Long.MIN_VALUE) {
                key(rows, rowTime, i);
            }
        }
    }

    /** Keys track i at the anchor with its reach over the horizon, and lists it. */
    private void key(double[] rows, long[] rowTime, int i) {
        if (keyE.length <= i) {
            int n = Math.max(i + 1, 2 * keyE.length);
            keyE = Arrays.copyOf(keyE, n);
            keyN = Arrays.copyOf(keyN, n);
            reach = Arrays.copyOf(reach, n);
        }
        int r = i * row;
        double[] c = rows;
        long time = rowTime[i];
        double lead = Math.max(0.0, (anchor - time) * 1e-9);
        double dt = Math.max(0.0, (anchor + HORIZON_NANOS - time) * 1e-9);
        double ve = c[r + 2], vn = c[r + 3];
        double ke = c[r] + ve * lead, kn = c[r + 1] + vn * lead;
        // The pass's variance (largest eigenvalue of the predicted position block) at any
        // prediction of 0..dt s is at most max(a00, a11) + |a01| with each term at its largest.
        double q3 = c[r + noiseColumn] * dt * dt * dt / 3.0;
        double a00 = c[r + 4] + 2 * dt * Math.abs(c[r + 6]) + dt * dt * c[r + 11] + q3;
        double a11 = c[r + 8] + 2 * dt * Math.abs(c[r + 10]) + dt * dt * c[r + 13] + q3;
        double a01 =
                Math.abs(c[r + 5])
                        + dt * (Math.abs(c[r + 7]) + Math.abs(c[r + 9]))
                        + dt * dt * Math.abs(c[r + 12]);
        double variance = Math.max(a00, a11) + a01;
        double speed = Math.sqrt(ve * ve + vn * vn);
        double move = Math.max(Math.abs(ve), Math.abs(vn)) * HORIZON_NANOS * 1e-9;
        // The turn margin: the gating pass adds at most 2 speed dt; a lost track's prediction
        // (nearLostTrack) that margin squared to its variance, within sqrt(13.82) < 3.75 of it.
        double radius = spread * Math.sqrt(variance) + 7.5 * speed * dt + 10.0;
        double rch = (move + radius) * (1 + 1e-6) + 1.0;
        keyE[i] = ke;
        keyN[i] = kn;
        reach[i] = rch;
        double span = 2 * rch / CELL_M + 1;
        if (!(span * span <= MAX_CELLS) || !Double.isFinite(ke) || !Double.isFinite(kn)) {
            wide.add(i);
            reach[i] = Double.POSITIVE_INFINITY;
            return;
        }
        int cx0 = cell(ke - rch), cx1 = cell(ke + rch);
        int cy0 = cell(kn - rch), cy1 = cell(kn + rch);
        for (int cx = cx0; cx <= cx1; cx++) {
            for (int cy = cy0; cy <= cy1; cy++) {
                int at = cellIndex.add(cellKey(cx, cy));
                if (at == cells.length) {
                    cells = Arrays.copyOf(cells, 2 * at);
                }
                IntList list = cells[at];
                if (list == null) {
                    list = new IntList();
                    cells[at] = list;
                }
                if (list.size() == 0) {
                    occupied++;
                }
                list.add(i);
            }
        }
        minCx = Math.min(minCx, cx0);
        maxCx = Math.max(maxCx, cx1);
        minCy = Math.min(minCy, cy0);
        maxCy = Math.max(maxCy, cy1);
    }

    private static int cell(double v) {
        return (int) Math.max(-1e9, Math.min(1e9, Math.floor(v / CELL_M)));
    }

    /** A cell's key: distinct for cells within ±10^6 of the origin, and well spread by its hash. */
    private static long cellKey(int cx, int cy) {
        return cx * 2_000_003L + cy;
    }
}
