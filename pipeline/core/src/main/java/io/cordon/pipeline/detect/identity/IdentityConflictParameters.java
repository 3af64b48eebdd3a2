package io.cordon.pipeline.detect.identity;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;

/**
 * Parameters of {@link IdentityConflictDetector} ({@code detectors.identityConflict}).
 *
 * @param minSeparationM two tracks claiming one identity conflict when, predicted to the same time,
 *     they are farther apart than this, m. Default 1 000 m: an order of magnitude above the worst
 *     fused position error in the demo (satellite-only, σ about 150 m) and above the few hundred
 *     metres by which two tracks of one entity that fusion failed to merge can differ, so only
 *     genuinely separate objects conflict.
 * @param maxClaimAgeS a track's claim is compared only while its last update is at most this old,
 *     and forgotten after it, s. Default 30 s: AIS class A reports every 2-10 s under way (ITU-R
 *     M.1371) and ADS-B twice a second, so a live claim is never that old; a track that dropped the
 *     identity or ended stops conflicting within this time.
 * @param severity severity of the alert (default HIGH: a cloned identity is deliberate)
 * @param updateSeparationFactor while the conflict lasts, an {@code UPDATE} is sent each time the
 *     separation reaches this factor times the one the previous message reported; 0 sends no
 *     updates. Default 2: a clone seen 1 km away, then 2, 4, 8 km away is ever more certainly two
 *     objects, and log-spaced steps keep the messages few.
 * @param takeoverWindowS when a side's track stops claiming (deleted, or its claim older than
 *     maxClaimAgeS) the conflict stays open this long, s, without a message, for a new track at the
 *     same place to take the side over ({@code UPDATE}, {@code reason=trackReplaced}, same id);
 *     after it the conflict is {@code CLOSED}; 0 closes at once. Default 60 s: a tracker re-creates
 *     a lost track within a few scans, and the new track carries the identity from the next
 *     position report on: AIS class B reports every 30 s (ITU-R M.1371), so 60 s also covers one
 *     lost report. On the border simulation a spoof's AIS-only track is re-created 7 s after its
 *     deletion, 20 s after its last claim.
 */
public record IdentityConflictParameters(
        double minSeparationM,
        double maxClaimAgeS,
        Severity severity,
        double updateSeparationFactor,
        double takeoverWindowS) {
    public static final IdentityConflictParameters DEFAULTS =
            new IdentityConflictParameters(1_000, 30, Severity.HIGH, 2, 60);

    public IdentityConflictParameters {
        if (!(minSeparationM > 0) || !Double.isFinite(minSeparationM)) {
            throw new ConfigException("minSeparationM", minSeparationM, "a finite number > 0");
        }
        if (!(maxClaimAgeS > 0) || !Double.isFinite(maxClaimAgeS)) {
            throw new ConfigException("maxClaimAgeS", maxClaimAgeS, "a finite number > 0");
        }
        if (severity == null) {
            throw new ConfigException("severity", null, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        }
        if (!(updateSeparationFactor == 0
                || (updateSeparationFactor > 1 && updateSeparationFactor <= 1000))) {
            throw new ConfigException(
                    "updateSeparationFactor",
                    updateSeparationFactor,
                    "0 (no updates) or in (1, 1000]");
        }
        if (!(takeoverWindowS >= 0 && takeoverWindowS <= 3600)) {
            throw new ConfigException(
                    "takeoverWindowS", takeoverWindowS, "0 (close at once) to 3600 s");
        }
    }

    /**
     * A claim within this distance of where a side's last claim is predicted (constant velocity)
     * takes the side over, m: half the minimum separation, so that a pair of claims in conflict
     * (more than the minimum separation apart) can never both be within it of one side, and a claim
     * is within it of at most one side of a conflict whose sides are still that far apart.
     */
    public double takeoverGateM() {
        return minSeparationM / 2;
    }

    public static IdentityConflictParameters from(ParameterSection s) {
        s.allowOnly(
                "minSeparationM",
                "maxClaimAgeS",
                "severity",
                "updateSeparationFactor",
                "takeoverWindowS");
        IdentityConflictParameters d = DEFAULTS;
        return s.build(
                () ->
                        new IdentityConflictParameters(
                                s.number("minSeparationM", d.minSeparationM()),
                                s.number("maxClaimAgeS", d.maxClaimAgeS()),
                                s.enumValue("severity", Severity.class, d.severity()),
                                s.number("updateSeparationFactor", d.updateSeparationFactor()),
                                s.number("takeoverWindowS", d.takeoverWindowS())));
    }
}
