package io.cordon.pipeline.tracker;

/**
 * Tuning of {@link MultiTargetTracker}. Times in seconds of event time.
 *
 * @param gateProbability P_G of the chi-square validation gate, in (0, 1)
 * @param processNoiseM2PerS3 white-noise acceleration density q of the near-constant velocity
 *     model, m²/s³
 * @param initialSpeedSigmaMps standard deviation of each velocity component of a new track (its
 *     mean velocity is zero), m/s
 * @param detectionProbability P_D assumed for a sensor that sees a track, in (0, 1)
 * @param clutterDensityPerM2 false alarms per scan per m² (spatial density λ)
 * @param confirmHits M of the M-of-N confirmation rule
 * @param confirmWindow N: the last N opportunities (batches of a sensor that has seen the track)
 * @param tentativeTimeoutS a tentative track without update for longer is deleted
 * @param coastAfterS a confirmed track without update for longer becomes COASTING
 * @param deleteAfterS a confirmed or coasting track without update for longer is deleted
 */
public record TrackerParameters(
        double gateProbability,
        double processNoiseM2PerS3,
        double initialSpeedSigmaMps,
        double detectionProbability,
        double clutterDensityPerM2,
        int confirmHits,
        int confirmWindow,
        double tentativeTimeoutS,
        double coastAfterS,
        double deleteAfterS) {
    public TrackerParameters {
        requireIn("gateProbability", gateProbability, 0, 1);
        requireIn("detectionProbability", detectionProbability, 0, 1);
        requirePositive("processNoiseM2PerS3", processNoiseM2PerS3);
        requirePositive("initialSpeedSigmaMps", initialSpeedSigmaMps);
        requirePositive("clutterDensityPerM2", clutterDensityPerM2);
        requirePositive("tentativeTimeoutS", tentativeTimeoutS);
        requirePositive("coastAfterS", coastAfterS);
        if (confirmHits < 1 || confirmWindow < confirmHits || confirmWindow > 31) {
            throw new IllegalArgumentException(
                    "need 1 <= confirmHits <= confirmWindow <= 31, were "
                            + confirmHits
                            + " of "
                            + confirmWindow);
        }
        if (!(deleteAfterS > coastAfterS)) {
            throw new IllegalArgumentException(
                    "deleteAfterS must exceed coastAfterS, were "
                            + deleteAfterS
                            + " and "
                            + coastAfterS);
        }
    }

    /** Defaults for surface targets seen by 4 s radars, 2 s drones and a satellite. */
    public static TrackerParameters defaults() {
        return new TrackerParameters(0.9997, 0.5, 15.0, 0.9, 1e-8, 3, 5, 12.0, 10.0, 60.0);
    }

    private static void requireIn(String name, double v, double lo, double hi) {
        if (!(v > lo && v < hi)) {
            throw new IllegalArgumentException(
                    name + " must be in (" + lo + ", " + hi + "), was " + v);
        }
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }
}
