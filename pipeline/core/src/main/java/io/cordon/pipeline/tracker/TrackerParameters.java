package io.cordon.pipeline.tracker;

import io.cordon.pipeline.observation.TargetClass;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tuning of {@link MultiTargetTracker}. Times are seconds of event time.
 *
 * @param gateProbability P_G of the chi-square validation gate, in (0, 1)
 * @param velocityNoiseM2PerS3 white-noise acceleration density q of the near-constant velocity
 *     model, m²/s³
 * @param turnNoiseM2PerS3 q of the coordinated-turn models, m²/s³
 * @param turnRatesDegPerS turn rates of the coordinated-turn models, each used both ways (empty: a
 *     plain near-constant velocity Kalman filter)
 * @param meanSojournS mean time a target keeps one motion model (IMM switching), s
 * @param initialSpeedSigmaMps standard deviation of each velocity component of a new track (its
 *     mean velocity is zero), m/s
 * @param detectionProbability P_D for sensors without a {@link SensorPrior}
 * @param clutterDensityPerM2 false alarms per scan per m² for sensors without a prior
 * @param newTargetDensityPerM2 least density of not yet tracked targets per m² (against clutter it
 *     sets a new track's initial existence probability); for a sensor with a known coverage the
 *     tracker raises it to what each batch shows: unassigned detections beyond the expected clutter
 *     count, over the coverage area; and where its own confirmed tracks were rarely born in the
 *     last minute it lowers it to that birth rate, down to a tenth, except near a lost track
 * @param confirmExistence existence probability at which a track is confirmed
 * @param deleteExistence existence probability under which a track is deleted
 * @param meanVisibleS mean time a target stays detectable (then hides: dark, masked), s
 * @param meanHiddenS mean time a hidden target stays hidden, s
 * @param meanTrackLifeS mean time until a track loses its target (the target stops or leaves
 *     unseen, or its detections go to another track), s
 * @param coastAfterS a confirmed track without update for longer becomes COASTING
 * @param deleteAfterS a track without update for longer is deleted, whatever its existence
 * @param maxPositionSigmaM a track whose position standard deviation (largest axis) exceeds this is
 *     deleted, m
 * @param maxPredictionStepS predictions over longer gaps are made in steps no longer than this,
 *     each with the IMM's mixing, so that a track coasting through a long gap switches models as it
 *     would at the sensors' cadence, s
 * @param sensors priors of known sensors (P_D, clutter, coverage); may be empty
 * @param association data association: global nearest neighbour (the default) or JPDA
 * @param classNoise process noise of the tracks whose classification names one of these classes
 *     with confidence at least 0.5; other tracks (unclassified, or of a class not listed) use
 *     {@code velocityNoiseM2PerS3} and {@code turnNoiseM2PerS3}. {@link TargetClass#UNKNOWN} may
 *     not be listed. A track follows its best classification so far.
 * @param unscentedAboveNonlinearity a radar plot whose {@link
 *     io.cordon.pipeline.filter.MeasurementModel#nonlinearity} at a track's prediction exceeds this
 *     is gated and applied with the unscented transform ({@link
 *     io.cordon.pipeline.filter.UnscentedKalmanUpdater}, per IMM model) instead of the EKF; 0:
 *     every radar plot, infinite: none
 * @param turnRateNoiseRad2PerS3 0: no other models than those above; &gt; 0: the IMM also has a
 *     coordinated turn at an estimated rate ({@link io.cordon.pipeline.filter.EstimatedTurnModel},
 *     with the turn models' noise), whose rate is a random walk of this density, rad²/s³
 */
public record TrackerParameters(
        double gateProbability,
        double velocityNoiseM2PerS3,
        double turnNoiseM2PerS3,
        List<Double> turnRatesDegPerS,
        double meanSojournS,
        double initialSpeedSigmaMps,
        double detectionProbability,
        double clutterDensityPerM2,
        double newTargetDensityPerM2,
        double confirmExistence,
        double deleteExistence,
        double meanVisibleS,
        double meanHiddenS,
        double meanTrackLifeS,
        double coastAfterS,
        double deleteAfterS,
        double maxPositionSigmaM,
        double maxPredictionStepS,
        List<SensorPrior> sensors,
        DataAssociation association,
        Map<TargetClass, ProcessNoise> classNoise,
        double unscentedAboveNonlinearity,
        double turnRateNoiseRad2PerS3) {
    public TrackerParameters {
        if (association == null) {
            throw new IllegalArgumentException("association is required (gnn, jpda, jpda-star)");
        }
        requireIn("gateProbability", gateProbability, 0, 1);
        requireIn("detectionProbability", detectionProbability, 0, 1);
        requireIn("confirmExistence", confirmExistence, 0, 1);
        requireIn("deleteExistence", deleteExistence, 0, confirmExistence);
        requirePositive("velocityNoiseM2PerS3", velocityNoiseM2PerS3);
        requirePositive("turnNoiseM2PerS3", turnNoiseM2PerS3);
        requirePositive("meanSojournS", meanSojournS);
        requirePositive("initialSpeedSigmaMps", initialSpeedSigmaMps);
        requirePositive("clutterDensityPerM2", clutterDensityPerM2);
        requirePositive("newTargetDensityPerM2", newTargetDensityPerM2);
        requirePositive("meanVisibleS", meanVisibleS);
        requirePositive("meanHiddenS", meanHiddenS);
        requirePositive("meanTrackLifeS", meanTrackLifeS);
        requirePositive("coastAfterS", coastAfterS);
        requirePositive("maxPositionSigmaM", maxPositionSigmaM);
        if (!(unscentedAboveNonlinearity >= 0)) {
            throw new IllegalArgumentException(
                    "unscentedAboveNonlinearity must be >= 0 (infinite: EKF only), was "
                            + unscentedAboveNonlinearity);
        }
        if (!(turnRateNoiseRad2PerS3 >= 0) || !Double.isFinite(turnRateNoiseRad2PerS3)) {
            throw new IllegalArgumentException(
                    "turnRateNoiseRad2PerS3 must be finite and >= 0 (0: no estimated turn rate),"
                            + " was "
                            + turnRateNoiseRad2PerS3);
        }
        if (!(maxPredictionStepS > 0)) {
            throw new IllegalArgumentException(
                    "maxPredictionStepS must be > 0 (infinite: one step), was "
                            + maxPredictionStepS);
        }
        turnRatesDegPerS = List.copyOf(turnRatesDegPerS);
        for (double r : turnRatesDegPerS) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("turn rates must be finite and > 0, was " + r);
            }
        }
        sensors = List.copyOf(sensors);
        if (classNoise == null) {
            throw new IllegalArgumentException("classNoise is required (may be empty)");
        }
        if (classNoise.containsKey(TargetClass.UNKNOWN)) {
            throw new IllegalArgumentException(
                    "classNoise may not list UNKNOWN: unclassified tracks use velocityNoiseM2PerS3"
                            + " and turnNoiseM2PerS3");
        }
        for (Map.Entry<TargetClass, ProcessNoise> e : classNoise.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException(
                        "classNoise may not hold null classes or noise, was " + classNoise);
            }
        }
        classNoise =
                classNoise.isEmpty()
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new EnumMap<>(classNoise));
        if (!(deleteAfterS > coastAfterS)) {
            throw new IllegalArgumentException(
                    "deleteAfterS must exceed coastAfterS, were "
                            + deleteAfterS
                            + " and "
                            + coastAfterS);
        }
    }

    /**
     * Defaults for surface targets (people, vehicles, boats up to about 20 m/s turning at up to 4
     * °/s) seen by radars, drones and satellites: an IMM of near-constant velocity and turns at
     * 1.75 and 3.25 °/s either way.
     */
    public static TrackerParameters defaults() {
        // Tuned on the benchmark scenarios (docs/benchmarks.md, "Tracker"): turn models with more
        // process noise than the straight one (real turns are 1-4 deg/s, not exactly the models'
        // rates); targets that stop being seen are far more often hidden than gone (life 1e5 s
        // against 6000 s between hiding), so a confirmed track keeps its existence while it
        // coasts; long gaps predicted in 10 s steps. A new track's velocity prior of 10 m/s per
        // axis is the spread of surface targets moving at up to 20 m/s in any direction (15 was
        // wider than that): measured on all three benchmark scenarios and the project's generated
        // ones (docs/benchmarks.md). Turn-model noise 0.6 (0.5 before): fewer ID switches where
        // rendezvous targets slow down and turn to meet (t1000s 29 -> 25), lower GOSPA on t100
        // and t1000s. Straight-model noise 0.01 (0.05 before): straight stretches are straighter
        // than 0.05 assumed, the turns are the turn models'; GOSPA on t10, t100 and t1000s 174.41,
        // 1 072.65 and 4 049.41 m before, 173.27, 1 070.37 and 4 047.32 after, with the same ids,
        // switches and fragmentations.
        return new TrackerParameters(
                0.9999,
                0.01,
                0.6,
                List.of(1.75, 3.25),
                30.0,
                10.0,
                0.9,
                1e-8,
                2e-10,
                0.5,
                0.02,
                6000.0,
                120.0,
                100000.0,
                10.0,
                400.0,
                5000.0,
                10.0,
                List.of(),
                DataAssociation.GNN,
                DEFAULT_CLASS_NOISE,
                DEFAULT_UNSCENTED_ABOVE,
                0.0);
    }

    /**
     * {@link #unscentedAboveNonlinearity} of the {@link #defaults()}: the unscented transform for
     * radar plots over 3 units of nonlinearity (near a radar with a wide prior, where the EKF's
     * gate fails). The shared scenarios' tracks are the same to the byte, and a target that goes
     * dark while passing within a few hundred metres of a radar keeps its id (docs/benchmarks.md,
     * "Unscented update for radar plots").
     */
    public static final double DEFAULT_UNSCENTED_ABOVE = 3.0;

    /**
     * Process noise by class of the {@link #defaults()}. Land vehicles keep the defaults' own
     * noise, which the benchmark's surface vehicles calibrated. The others are priors from each
     * kind's manoeuvres, not calibrated on data of their own: a white-noise acceleration density q
     * changes the velocity by about √(q T) over T seconds, so it stands for an RMS acceleration of
     * √(q / T), given below over a radar scan of T = 4 s (straight / turning). People and animals
     * walk at 1-2 m/s but stop and change direction at will: 0.16 / 0.39 m/s². Vessels keep their
     * speed and turn slowly: 0.035 / 0.27 m/s². Light aircraft hold course through gusts and turn
     * at about the standard rate of 3 °/s at 50-70 m/s, so the turn models' rates are about right
     * and the mismatch is about 1 m/s²: 0.35 / 1.0 m/s². Multirotor drones speed up, stop and turn
     * on the spot (2-3 m/s² for a second or two): 0.35 / 0.87 m/s².
     */
    public static final Map<TargetClass, ProcessNoise> DEFAULT_CLASS_NOISE =
            Map.of(
                    TargetClass.PERSON, new ProcessNoise(0.1, 0.6),
                    TargetClass.ANIMAL, new ProcessNoise(0.1, 0.6),
                    TargetClass.VESSEL, new ProcessNoise(0.005, 0.3),
                    TargetClass.AIRCRAFT, new ProcessNoise(0.5, 4.0),
                    TargetClass.DRONE, new ProcessNoise(0.5, 3.0));

    /** These parameters with the given process noise by class. */
    public TrackerParameters withClassNoise(Map<TargetClass, ProcessNoise> noise) {
        return with(sensors, association, noise, unscentedAboveNonlinearity);
    }

    /** These parameters with the given sensor priors. */
    public TrackerParameters withSensors(List<SensorPrior> priors) {
        return with(priors, association, classNoise, unscentedAboveNonlinearity);
    }

    /** These parameters with the given data association. */
    public TrackerParameters withAssociation(DataAssociation association) {
        return with(sensors, association, classNoise, unscentedAboveNonlinearity);
    }

    /**
     * These parameters with radar plots whose nonlinearity at a track exceeds {@code threshold}
     * gated and applied with the unscented transform.
     */
    public TrackerParameters withUnscentedAbove(double threshold) {
        return with(sensors, association, classNoise, threshold);
    }

    /** These parameters with the four that the withers change. */
    private TrackerParameters with(
            List<SensorPrior> sensors,
            DataAssociation association,
            Map<TargetClass, ProcessNoise> classNoise,
            double unscentedAboveNonlinearity) {
        return new TrackerParameters(
                gateProbability,
                velocityNoiseM2PerS3,
                turnNoiseM2PerS3,
                turnRatesDegPerS,
                meanSojournS,
                initialSpeedSigmaMps,
                detectionProbability,
                clutterDensityPerM2,
                newTargetDensityPerM2,
                confirmExistence,
                deleteExistence,
                meanVisibleS,
                meanHiddenS,
                meanTrackLifeS,
                coastAfterS,
                deleteAfterS,
                maxPositionSigmaM,
                maxPredictionStepS,
                sensors,
                association,
                classNoise,
                unscentedAboveNonlinearity,
                turnRateNoiseRad2PerS3);
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
