package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.bench.GeneratedScenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the sensors of a generated scenario observed a labelled meeting at all: the analogue, for
 * rendezvous recall, of the bench's oracle bound for GOSPA (what the sensors allow).
 *
 * <p>A meeting of targets a and b from {@code timeS} to {@code endS} is <em>observed</em> when,
 * inside that interval, each target was detected (by any sensor, as {@code detections_labels.csv}
 * says) at a time no later than t0 and at a time no earlier than t0 + {@code minDurationS}, for
 * some t0: both were seen at the start and at the end of a stretch as long as the detector's
 * minimum duration. Nothing less can show two targets stayed together that long. A meeting where
 * only the satellite looks (one pass every 180 s, meetings of 40-90 s) has at most one look at each
 * target and is never observed; one in radar or drone cover (a look every 1-4 s) is, unless the
 * targets are hidden.
 *
 * <p>Reads the generator's labels of the detections, which no tracker or detector sees: this is a
 * scoring aid only.
 */
final class MeetingObservability {
    private final Map<Integer, List<Double>> timesByTarget = new HashMap<>();

    MeetingObservability(GeneratedScenario g) {
        Map<Long, Double> timeByDetection = new HashMap<>();
        List<String> detections = g.detectionLines();
        for (int i = 1; i < detections.size(); i++) {
            String[] f = detections.get(i).split(",", 3);
            timeByDetection.put(Long.parseLong(f[0]), Double.parseDouble(f[1]));
        }
        List<String> labels = g.labelLines();
        for (int i = 1; i < labels.size(); i++) {
            String[] f = labels.get(i).split(",");
            int target = Integer.parseInt(f[1].trim());
            if (target < 0) {
                continue;
            }
            Double t = timeByDetection.get(Long.parseLong(f[0].trim()));
            if (t == null) {
                throw new IllegalArgumentException(
                        "detections_labels.csv names detection " + f[0] + " not in detections.csv");
            }
            timesByTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(t);
        }
    }

    /** Whether the meeting {@code e} (two truth ids) was observed for {@code minDurationS}. */
    boolean observed(TruthEvent e, double minDurationS) {
        if (e.truthIds().size() != 2) {
            throw new IllegalArgumentException("a meeting has two targets: " + e);
        }
        double[] a = span(e.truthIds().get(0), e.timeS(), e.endS());
        double[] b = span(e.truthIds().get(1), e.timeS(), e.endS());
        if (a == null || b == null) {
            return false;
        }
        // Both seen by max(first) and again from min(last) on.
        return Math.min(a[1], b[1]) - Math.max(a[0], b[0]) >= minDurationS;
    }

    /** First and last detection time of a target in [from, to], or null if none. */
    private double[] span(int target, double from, double to) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (double t : timesByTarget.getOrDefault(target, List.of())) {
            if (t >= from && t <= to) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        return first <= last ? new double[] {first, last} : null;
    }
}
