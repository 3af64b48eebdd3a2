package io.cordon.pipeline.simulation;

/**
 * The AIS transponder a cooperative simulated target carries, and how often it transmits (ITU-R
 * M.1371-5, Annex 1, Table 1: autonomous mode reporting intervals).
 *
 * <p>Class A reports its position (message 1) every 10 s up to 14 knots, every 6 s up to 23 knots
 * and every 2 s above, and its static and voyage data (message 5) every 6 minutes. Class B "CS"
 * reports its position (message 18) every 30 s above 2 knots; its static data (message 24) is not
 * simulated.
 *
 * @param mmsi the Maritime Mobile Service Identity, 9 digits
 * @param classA class A (true) or class B "CS" (false)
 * @param callsign radio call sign, up to 7 characters of the AIS six-bit set
 * @param name name, up to 20 characters of the AIS six-bit set
 * @param positionPhaseS whole seconds after the target's first whole UTC second of life at which
 *     its first position report goes out, in [0, interval)
 * @param staticPhaseS whole seconds after that at which its first static report goes out (class A)
 */
public record AisTransponder(
        int mmsi,
        boolean classA,
        String callsign,
        String name,
        int positionPhaseS,
        int staticPhaseS) {
    /** Class A static and voyage data interval, seconds. */
    public static final int STATIC_INTERVAL_S = 360;

    private static final double MPS_PER_KNOT = 1852.0 / 3600.0;

    public AisTransponder {
        if (mmsi < 0 || mmsi > 999_999_999) {
            throw new IllegalArgumentException("MMSI must be 9 digits at most, was " + mmsi);
        }
        if (positionPhaseS < 0 || staticPhaseS < 0) {
            throw new IllegalArgumentException(
                    "phases must be >= 0, were " + positionPhaseS + " and " + staticPhaseS);
        }
    }

    /** The MMSI as its 9 digits. */
    public String mmsiDigits() {
        return String.format(java.util.Locale.ROOT, "%09d", mmsi);
    }

    /** Seconds between position reports at a speed over ground of {@code speedMps}. */
    public int positionIntervalS(double speedMps) {
        if (!classA) {
            return 30;
        }
        double knots = speedMps / MPS_PER_KNOT;
        return knots <= 14 ? 10 : knots <= 23 ? 6 : 2;
    }
}
