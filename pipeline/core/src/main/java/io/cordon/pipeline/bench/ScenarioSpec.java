package io.cordon.pipeline.bench;

/**
 * What {@link ScenarioGenerator} makes: how many targets of which kinds over how long, with which
 * clutter and detection probability, from which seed. The sensors and the region are those of the
 * shared benchmark (two radars, two drones and a satellite over an 80 km × 60 km box across the
 * border at 31°20'N).
 *
 * @param seed seed of every random draw (same seed, same files)
 * @param targets number of targets, >= 0
 * @param durationS length of the run, whole seconds, > 0
 * @param evalDtS evaluation period, whole seconds, > 0
 * @param fracRendezvous share of targets in rendezvous pairs, [0, 1]
 * @param fracCross share of border crossers, [0, 1]
 * @param fracDark share of targets that go dark once for 60–180 s, [0, 1]
 * @param lateBirthShare share of the non-rendezvous targets born after t = 0 (uniformly over the
 *     first 30 % of the run), [0, 1]
 * @param clutterScale multiplies every sensor's clutter rate, >= 0
 * @param pdScale multiplies every sensor's detection probability (capped at 0.99), > 0
 * @param nearMissPairs extra pairs of targets that come close without a rendezvous (labelled {@code
 *     near_pass}: passing within 20-150 m at 1.5-10 m/s; {@code near_stop}: converging to 15 m and
 *     leaving after a 5-15 s stop), alternately, >= 0; drawn from their own random stream after the
 *     other targets, so 0 gives the same scenario as before they existed
 */
public record ScenarioSpec(
        long seed,
        int targets,
        int durationS,
        int evalDtS,
        double fracRendezvous,
        double fracCross,
        double fracDark,
        double lateBirthShare,
        double clutterScale,
        double pdScale,
        int nearMissPairs) {
    public ScenarioSpec {
        if (nearMissPairs < 0) {
            throw new IllegalArgumentException("nearMissPairs must be >= 0, was " + nearMissPairs);
        }
        if (targets < 0 || durationS <= 0 || evalDtS <= 0) {
            throw new IllegalArgumentException(
                    "need targets >= 0, durationS > 0 and evalDtS > 0, were "
                            + targets
                            + ", "
                            + durationS
                            + ", "
                            + evalDtS);
        }
        for (double f : new double[] {fracRendezvous, fracCross, fracDark, lateBirthShare}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("shares must be in [0, 1], was " + f);
            }
        }
        if (fracRendezvous + fracCross + fracDark > 1) {
            throw new IllegalArgumentException(
                    "fracRendezvous + fracCross + fracDark must be <= 1");
        }
        if (!(clutterScale >= 0) || !(pdScale > 0)) {
            throw new IllegalArgumentException(
                    "clutterScale must be >= 0 and pdScale > 0, were "
                            + clutterScale
                            + ", "
                            + pdScale);
        }
    }

    /**
     * The shared benchmark's mix: 10 % rendezvous, 30 % crossers, 10 % dark, the rest near-constant
     * velocity with coordinated turns; half born late; default clutter and P_D.
     */
    public static ScenarioSpec border(long seed, int targets, int durationS) {
        return new ScenarioSpec(seed, targets, durationS, 5, 0.1, 0.3, 0.1, 0.5, 1.0, 1.0, 0);
    }

    /** This spec with another clutter scale. */
    public ScenarioSpec withClutterScale(double scale) {
        return new ScenarioSpec(
                seed,
                targets,
                durationS,
                evalDtS,
                fracRendezvous,
                fracCross,
                fracDark,
                lateBirthShare,
                scale,
                pdScale,
                nearMissPairs);
    }

    /** This spec with another late-birth share (0: every target exists from t = 0). */
    public ScenarioSpec withLateBirthShare(double share) {
        return new ScenarioSpec(
                seed,
                targets,
                durationS,
                evalDtS,
                fracRendezvous,
                fracCross,
                fracDark,
                share,
                clutterScale,
                pdScale,
                nearMissPairs);
    }

    /** This spec with {@code pairs} near-miss pairs added. */
    public ScenarioSpec withNearMissPairs(int pairs) {
        return new ScenarioSpec(
                seed,
                targets,
                durationS,
                evalDtS,
                fracRendezvous,
                fracCross,
                fracDark,
                lateBirthShare,
                clutterScale,
                pdScale,
                pairs);
    }
}
