package io.cordon.pipeline.simulation;

import io.cordon.pipeline.observation.TargetClass;

/**
 * A target moving at constant velocity in the simulation's tangent plane.
 *
 * @param id truth id (never given to the tracker)
 * @param targetClass what it is
 * @param startEastM east at {@code bornS}, metres in the reference ENU plane
 * @param startNorthM north at {@code bornS}, metres
 * @param velocityEastMps east velocity, m/s
 * @param velocityNorthMps north velocity, m/s
 * @param bornS when it appears, seconds since the simulation epoch
 * @param diesS when it disappears, seconds since the simulation epoch
 * @param ais the AIS transponder it carries, or null when it carries none (non-cooperative)
 */
public record SimulatedTarget(
        String id,
        TargetClass targetClass,
        double startEastM,
        double startNorthM,
        double velocityEastMps,
        double velocityNorthMps,
        double bornS,
        double diesS,
        AisTransponder ais) {

    /** A target without AIS transponder. */
    public SimulatedTarget(
            String id,
            TargetClass targetClass,
            double startEastM,
            double startNorthM,
            double velocityEastMps,
            double velocityNorthMps,
            double bornS,
            double diesS) {
        this(
                id,
                targetClass,
                startEastM,
                startNorthM,
                velocityEastMps,
                velocityNorthMps,
                bornS,
                diesS,
                null);
    }

    /** Whether it carries an AIS transponder. */
    public boolean cooperative() {
        return ais != null;
    }

    /** Ground speed, m/s. */
    public double speedMps() {
        return Math.hypot(velocityEastMps, velocityNorthMps);
    }

    public boolean aliveAt(double tS) {
        return tS >= bornS && tS <= diesS;
    }

    public double eastAt(double tS) {
        return startEastM + velocityEastMps * (tS - bornS);
    }

    public double northAt(double tS) {
        return startNorthM + velocityNorthMps * (tS - bornS);
    }

    /** Time it crosses {@code northM}, or NaN if it never does while alive. */
    public double crossingTimeS(double northM) {
        if (velocityNorthMps == 0) {
            return Double.NaN;
        }
        double t = bornS + (northM - startNorthM) / velocityNorthMps;
        return t > bornS && t < diesS ? t : Double.NaN;
    }
}
