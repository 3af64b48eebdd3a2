package io.cordon.pipeline.metrics;

import io.cordon.pipeline.assignment.CostMatrix;
import io.cordon.pipeline.assignment.JonkerVolgenantSolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tracker's score over a run, as the benchmark's {@code evaluate.py} computes it: mean GOSPA (α =
 * 2, cut-off c, p = 2) over the evaluation times with its localisation, missed and false parts, and
 * CLEAR-MOT identity metrics with threshold c (Bernardin & Stiefelhagen 2008): a truth keeps last
 * step's track while that track exists and is within c, the others are matched by an optimal
 * assignment on {@code min(d, c)} (pairs closer than c). An <i>ID switch</i> is a truth matched to
 * a track other than its last; a <i>fragmentation</i> a truth matched again after at least one
 * unmatched step.
 *
 * @param gospaMeanM mean GOSPA distance per step, m
 * @param localisationMeanM2 mean localisation part, m²
 * @param missedMeanM2 mean missed part, m²
 * @param falseMeanM2 mean false part, m²
 * @param idSwitches ID switches
 * @param fragmentations fragmentations
 * @param trackIds distinct track ids reported
 * @param steps evaluation times
 */
public record TrackingScore(
        double gospaMeanM,
        double localisationMeanM2,
        double missedMeanM2,
        double falseMeanM2,
        int idSwitches,
        int fragmentations,
        int trackIds,
        int steps) {

    /**
     * Labelled points at one evaluation time (truths or tracks), in one plane.
     *
     * @param ids one label per point
     * @param eastM east, m
     * @param northM north, m
     */
    public record Frame(List<String> ids, double[] eastM, double[] northM) {
        public Frame {
            ids = List.copyOf(ids);
            if (eastM.length != ids.size() || northM.length != ids.size()) {
                throw new IllegalArgumentException("one position per id");
            }
        }

        int size() {
            return ids.size();
        }
    }

    /** Scores {@code tracks} against {@code truths}, one frame of each per evaluation time. */
    public static TrackingScore of(List<Frame> truths, List<Frame> tracks, double cutoffM) {
        if (truths.size() != tracks.size()) {
            throw new IllegalArgumentException(
                    "one track frame per truth frame: " + truths.size() + " vs " + tracks.size());
        }
        Gospa gospa = new Gospa(cutoffM, 2);
        double sumDistance = 0, sumLoc = 0, sumMissed = 0, sumFalse = 0;
        Map<String, String> previous = new HashMap<>();
        Map<String, String> last = new HashMap<>();
        Map<String, Boolean> assignedBefore = new HashMap<>();
        Set<String> ever = new HashSet<>();
        Set<String> trackIds = new TreeSet<>();
        int switches = 0, fragmentations = 0;
        for (int k = 0; k < truths.size(); k++) {
            Frame y = truths.get(k);
            Frame x = tracks.get(k);
            trackIds.addAll(x.ids());
            Gospa.Result g = gospa.between(points(x), points(y));
            sumDistance += g.distance();
            sumLoc += g.localisation();
            sumMissed += g.missed();
            sumFalse += g.falseTracks();
            Map<String, String> match = clearMotMatch(previous, y, x, cutoffM);
            for (String truth : y.ids()) {
                String track = match.get(truth);
                if (track != null) {
                    if (last.containsKey(truth) && !last.get(truth).equals(track)) {
                        switches++;
                    }
                    if (ever.contains(truth) && !assignedBefore.getOrDefault(truth, false)) {
                        fragmentations++;
                    }
                    last.put(truth, track);
                    ever.add(truth);
                }
                assignedBefore.put(truth, track != null);
            }
            previous = match;
        }
        int n = Math.max(1, truths.size());
        return new TrackingScore(
                sumDistance / n,
                sumLoc / n,
                sumMissed / n,
                sumFalse / n,
                switches,
                fragmentations,
                trackIds.size(),
                truths.size());
    }

    private static List<Gospa.Point> points(Frame f) {
        List<Gospa.Point> out = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            out.add(new Gospa.Point(f.eastM()[i], f.northM()[i]));
        }
        return out;
    }

    private static Map<String, String> clearMotMatch(
            Map<String, String> previous, Frame truths, Frame tracks, double c) {
        Map<String, String> match = new HashMap<>();
        int m = tracks.size(), n = truths.size();
        if (m == 0 || n == 0) {
            return match;
        }
        double[][] d = new double[m][n];
        Map<String, Integer> trackIndex = new HashMap<>();
        for (int i = 0; i < m; i++) {
            trackIndex.put(tracks.ids().get(i), i);
            for (int j = 0; j < n; j++) {
                d[i][j] =
                        Math.hypot(
                                tracks.eastM()[i] - truths.eastM()[j],
                                tracks.northM()[i] - truths.northM()[j]);
            }
        }
        boolean[] usedTrack = new boolean[m];
        boolean[] usedTruth = new boolean[n];
        for (int j = 0; j < n; j++) {
            String truth = truths.ids().get(j);
            String kept = previous.get(truth);
            Integer i = kept == null ? null : trackIndex.get(kept);
            if (i != null && !usedTrack[i] && d[i][j] < c) {
                match.put(truth, kept);
                usedTrack[i] = true;
                usedTruth[j] = true;
            }
        }
        List<Integer> ri = new ArrayList<>();
        List<Integer> rj = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (!usedTrack[i]) {
                ri.add(i);
            }
        }
        for (int j = 0; j < n; j++) {
            if (!usedTruth[j]) {
                rj.add(j);
            }
        }
        if (ri.isEmpty() || rj.isEmpty()) {
            return match;
        }
        boolean tracksAsRows = ri.size() <= rj.size();
        int rows = tracksAsRows ? ri.size() : rj.size();
        int cols = tracksAsRows ? rj.size() : ri.size();
        CostMatrix costs = new CostMatrix(rows, cols);
        for (int a = 0; a < ri.size(); a++) {
            for (int b = 0; b < rj.size(); b++) {
                double v = Math.min(d[ri.get(a)][rj.get(b)], c);
                if (tracksAsRows) {
                    costs.set(a, b, v);
                } else {
                    costs.set(b, a, v);
                }
            }
        }
        var assignment = new JonkerVolgenantSolver().solve(costs);
        for (int r = 0; r < rows; r++) {
            int col = assignment.columnOf(r);
            int a = tracksAsRows ? r : col;
            int b = tracksAsRows ? col : r;
            int i = ri.get(a), j = rj.get(b);
            if (d[i][j] < c) {
                match.put(truths.ids().get(j), tracks.ids().get(i));
            }
        }
        return match;
    }
}
