package io.cordon.pipeline.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The scorer's CLEAR-MOT count (c = 500 m), one evaluation step at a time: the ID switches and
 * fragmentations of each step, each fragmentation with its gap classed by where the truth was while
 * unmatched. For the diagnostics that explain a score; it reads what they give it.
 */
final class ClearMotCount {
    /** Something the step counted. */
    sealed interface Event permits Switch, Fragmentation {}

    /** Truth {@code truth} matched to {@code to}, after {@code from}; {@code zone} at this step. */
    record Switch(String truth, String from, String to, int zone) implements Event {}

    /**
     * Truth {@code truth} matched again at {@code step} after none since {@code lastStep}: by
     * {@code track}, where {@code lastTrack} matched it before; {@code gapKind} where it was
     * meanwhile.
     */
    record Fragmentation(
            String truth,
            int lastStep,
            int step,
            String lastTrack,
            String track,
            String gapKind,
            int zone)
            implements Event {
        boolean sameTrack() {
            return track.equals(lastTrack);
        }
    }

    private final double dtS;
    private Map<String, String> prev = new HashMap<>();
    private final Map<String, String> last = new HashMap<>();
    private final Set<String> ever = new HashSet<>();
    private final Map<String, Boolean> assignedPrev = new HashMap<>();
    private final Map<String, Integer> lastStep = new HashMap<>();
    private final Map<String, Integer> firstStep = new HashMap<>();
    // per truth, the zones it was in while unmatched since its last match (bit per zone)
    private final Map<String, Integer> gapZones = new HashMap<>();

    /** {@code dtS}: the evaluation step in seconds. */
    ClearMotCount(double dtS) {
        this.dtS = dtS;
    }

    /**
     * Step {@code k}: the truths alive ({@code truthIds}, positions {@code y}) and the tracks
     * reported ({@code trackIds}, positions {@code x}); {@code zoneOfTruth} gives truth j's zone (0
     * in cover, 1 satellite only, 2 dark). Returns what it counted, in truth order.
     */
    List<Event> step(
            int k,
            List<String> truthIds,
            List<String> trackIds,
            List<double[]> x,
            List<double[]> y,
            IntUnaryOperator zoneOfTruth) {
        List<Event> events = new ArrayList<>();
        Map<String, String> now = TrackingErrorBreakdown.motMatch(prev, truthIds, trackIds, x, y);
        prev = now;
        for (int j = 0; j < y.size(); j++) {
            String tr = truthIds.get(j);
            String a = now.get(tr);
            int zone = zoneOfTruth.applyAsInt(j);
            if (a != null) {
                if (last.containsKey(tr) && !last.get(tr).equals(a)) {
                    events.add(new Switch(tr, last.get(tr), a, zone));
                }
                if (ever.contains(tr) && !assignedPrev.getOrDefault(tr, false)) {
                    events.add(
                            new Fragmentation(
                                    tr, lastStep.get(tr), k, last.get(tr), a, gapKind(tr), zone));
                }
                last.put(tr, a);
                ever.add(tr);
                firstStep.putIfAbsent(tr, k);
                lastStep.put(tr, k);
                gapZones.remove(tr);
            } else if (ever.contains(tr)) {
                gapZones.merge(tr, 1 << zone, (u, v) -> u | v);
            }
            assignedPrev.put(tr, a != null);
        }
        return events;
    }

    private String gapKind(String tr) {
        int zonesSeen = gapZones.getOrDefault(tr, 0);
        if ((zonesSeen & 4) != 0) {
            return "through a dark interval";
        } else if ((zonesSeen & 2) != 0) {
            return "seen only by the satellite";
        } else if ((lastStep.get(tr) - firstStep.get(tr)) * dtS < 30) {
            return "in cover, within 30 s of its first report";
        } else {
            return "in cover, later";
        }
    }
}
