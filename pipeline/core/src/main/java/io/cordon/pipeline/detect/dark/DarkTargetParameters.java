package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link DarkTargetDetector} ({@code detectors.darkTarget}).
 *
 * @param minGapS the track must be unobserved at least this long, s. Default 30 s: 7 scans of the
 *     demo's ground radars (4 s) and 15 drone frames (2 s), so ordinary missed detections (Pd 0.85
 *     to 0.9) almost never last that long; it is also when the reference tracker deletes an
 *     unobserved confirmed track, so the finding is made before the track ends. GFW uses 12 h for
 *     AIS gaps at sea, where reports are minutes apart.
 * @param maxMissProbability the gap counts only when the probability that the covering sensors all
 *     missed a visible target for that long is at most this. Default 0.001: one false dark finding
 *     per thousand gaps of that length at most; a target seen only by the satellite (one pass in
 *     180 s, Pd 0.7) never gets there within minutes.
 * @param minObservations only a track held by at least this many fused observations since it was
 *     born or last re-acquired after a gap of at least {@code minGapS} can go dark. Default 5: a
 *     confirmation rule passes a track on 2-3 detections, and with 20 false alarms per radar scan
 *     such a short track is as often clutter that lined up as a target; its end says nothing about
 *     a target hiding (on the generated scenarios 9 of 21 false findings were tracks of 2-4
 *     observations, no true one had fewer than 5). The same holds for a track that coasts through a
 *     gap and picks up one stray detection (clutter, or another target passing its grown gate):
 *     counted over the whole track life, 8 of the 11 false findings left on the generated scenarios
 *     were such a single observation after a gap. 1 reports every confirmed track.
 * @param severity severity of the alert (default MEDIUM)
 */
public record DarkTargetParameters(
        double minGapS, double maxMissProbability, int minObservations, Severity severity) {
    public static final DarkTargetParameters DEFAULTS =
            new DarkTargetParameters(30, 0.001, 5, Severity.MEDIUM);

    public DarkTargetParameters {
        if (!(minGapS > 0) || !Double.isFinite(minGapS)) {
            throw new ConfigException("minGapS", minGapS, "a finite number of seconds > 0");
        }
        if (!(maxMissProbability > 0 && maxMissProbability < 1)) {
            throw new ConfigException(
                    "maxMissProbability", maxMissProbability, "a probability in (0, 1)");
        }
        if (minObservations < 1) {
            throw new ConfigException("minObservations", minObservations, "an integer >= 1");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    public static DarkTargetParameters from(ParameterSection s) {
        s.allowOnly("minGapS", "maxMissProbability", "minObservations", "severity");
        DarkTargetParameters d = DEFAULTS;
        return s.build(
                () ->
                        new DarkTargetParameters(
                                s.number("minGapS", d.minGapS()),
                                s.number("maxMissProbability", d.maxMissProbability()),
                                (int)
                                        Math.max(
                                                Integer.MIN_VALUE,
                                                Math.min(
                                                        Integer.MAX_VALUE,
                                                        s.integer(
                                                                "minObservations",
                                                                d.minObservations()))),
                                s.enumValue("severity", Severity.class, d.severity())));
    }
}
