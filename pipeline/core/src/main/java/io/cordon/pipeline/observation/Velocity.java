package io.cordon.pipeline.observation;

/**
 * A velocity in the local east-north-up frame of the position it belongs to.
 *
 * @param eastMps metres per second towards east
 * @param northMps metres per second towards north
 * @param upMps metres per second up
 */
public record Velocity(double eastMps, double northMps, double upMps) {
    public static final Velocity ZERO = new Velocity(0, 0, 0);

    /** Horizontal speed, m/s. */
    public double groundSpeedMps() {
        return Math.hypot(eastMps, northMps);
    }

    /** Course over ground, degrees clockwise from true north in [0, 360). */
    public double courseDeg() {
        double deg = Math.toDegrees(Math.atan2(eastMps, northMps));
        return deg < 0 ? deg + 360.0 : deg;
    }
}
