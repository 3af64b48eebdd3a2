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
 * @param loiterers extra targets that drive up to a point 300-1 500 m from the border and stay
 *     there 360-420 s pacing 20-60 m at 0.1-0.35 m/s (kind {@code loiter}), each with a decoy that
 *     does not loiter by the detector's definition: alternately the same stop 3-6 km from the
 *     border ({@code loiter_far}) and a walker pacing 600-1 000 m along the border at 1.5-2.5 m/s
 *     ({@code pace_border}), >= 0
 * @param intruders restricted zones (hexagons 400-900 m in radius, in scenario.json's {@code
 *     restricted_zones}), each with one target driving through it ({@code intruder}) and one
 *     passing 150-400 m outside it ({@code zone_pass}), >= 0
 * @param convoys extra columns of 3-5 vehicles 60-150 m apart on one path at 6-12 m/s ({@code
 *     convoy}), each with a decoy column of 3 spaced 600-900 m apart ({@code convoy_sparse}), >= 0
 *     <p>The last three are drawn from a random stream of their own after every other target (their
 *     truth_meta.csv rows carry an extra {@code group} column: the zone or convoy index), so with
 *     all three 0 the files are byte for byte those of a spec without them.
 * @param vesselEncounters extra pairs of vessels meeting as in Global Fishing Watch's encounter
 *     (kind {@code rendezvous}: both approach at 3-4 m/s and drift together 100-400 m apart at
 *     0.05-0.2 m/s for 7 500-7 800 s, then leave), each with a decoy pair that does not meet by the
 *     sea rule: alternately {@code vessel_short} (the same for 3 000-4 000 s, under 2 h) and {@code
 *     vessel_apart} (the same 1 000-1 300 m apart); all in radar cover, >= 0. Their detections
 *     carry no class (the bench format has none): a score of the sea rule classifies the tracks
 *     itself. Drawn from a random stream of their own after every other target, so 0 gives the
 *     files of a spec without them. Needs a run of 8 400 s or more.
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
        int nearMissPairs,
        int loiterers,
        int intruders,
        int convoys,
        int vesselEncounters) {
    public ScenarioSpec {
        if (vesselEncounters < 0) {
            throw new IllegalArgumentException(
                    "vesselEncounters must be >= 0, was " + vesselEncounters);
        }
        if (loiterers < 0 || intruders < 0 || convoys < 0) {
            throw new IllegalArgumentException(
                    "loiterers, intruders and convoys must be >= 0, were "
                            + loiterers
                            + ", "
                            + intruders
                            + ", "
                            + convoys);
        }
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

    /** A spec without loiterers, restricted zones or convoys. */
    public ScenarioSpec(
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
        this(
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
                nearMissPairs,
                0,
                0,
                0,
                0);
    }

    /** A spec without vessel encounters. */
    public ScenarioSpec(
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
            int nearMissPairs,
            int loiterers,
            int intruders,
            int convoys) {
        this(
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
                nearMissPairs,
                loiterers,
                intruders,
                convoys,
                0);
    }

    /**
     * Whether the spec adds loiterers, zones or convoys (truth_meta.csv then has a group column).
     */
    public boolean hasPatterns() {
        return loiterers + intruders + convoys > 0;
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
                nearMissPairs,
                loiterers,
                intruders,
                convoys,
                vesselEncounters);
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
                nearMissPairs,
                loiterers,
                intruders,
                convoys,
                vesselEncounters);
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
                pairs,
                loiterers,
                intruders,
                convoys,
                vesselEncounters);
    }

    /** This spec with {@code n} loiterers and as many decoys ({@link #loiterers()}). */
    public ScenarioSpec withLoiterers(int n) {
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
                nearMissPairs,
                n,
                intruders,
                convoys,
                vesselEncounters);
    }

    /**
     * This spec with {@code n} restricted zones, intruders and passers-by ({@link #intruders()}).
     */
    public ScenarioSpec withIntruders(int n) {
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
                nearMissPairs,
                loiterers,
                n,
                convoys,
                vesselEncounters);
    }

    /** This spec with {@code n} convoys and as many sparse decoy columns ({@link #convoys()}). */
    public ScenarioSpec withConvoys(int n) {
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
                nearMissPairs,
                loiterers,
                intruders,
                n,
                vesselEncounters);
    }

    /**
     * This spec with {@code n} vessel encounters and as many decoy pairs ({@link
     * #vesselEncounters()}).
     */
    public ScenarioSpec withVesselEncounters(int n) {
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
                nearMissPairs,
                loiterers,
                intruders,
                convoys,
                n);
    }
}
