package io.cordon.pipeline.simulation;

/**
 * The AIS transponder a cooperative simulated target carries, how often it transmits (ITU-R
 * M.1371-5, Annex 1, Tables 1 and 2: autonomous mode reporting intervals) and whether its crew
 * switches it off.
 *
 * <p>Class A (Table 1) reports its position (message 1) every 10 s up to 14 knots, every 6 s up to
 * 23 knots and every 2 s above, and its static and voyage data (message 5) every 6 minutes; a ship
 * at anchor or moored (3 minutes) and the faster rate while changing course are not simulated: the
 * simulated targets are under way on a constant course. Class B "CS" (Table 2) reports its position
 * (message 18) every 3 minutes when not moving faster than 2 knots and every 30 s above; its static
 * data (message 24) is not simulated.
 *
 * @param mmsi the Maritime Mobile Service Identity, 9 digits
 * @param classA class A (true) or class B "CS" (false)
 * @param callsign radio call sign, up to 7 characters of the AIS six-bit set
 * @param name name, up to 20 characters of the AIS six-bit set
 * @param positionPhaseS whole seconds after the target's first whole UTC second of life at which
 *     its first position report goes out, in [0, interval)
 * @param staticPhaseS whole seconds after that at which its first static report goes out (class A)
 * @param silentFromS seconds since the simulation epoch from which it transmits nothing (switched
 *     off: the target goes dark in the cooperative sense), or {@code Double.POSITIVE_INFINITY}
 */
public record AisTransponder(
        int mmsi,
        boolean classA,
        String callsign,
        String name,
        int positionPhaseS,
        int staticPhaseS,
        double silentFromS) {
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
        if (Double.isNaN(silentFromS)) {
            throw new IllegalArgumentException("silentFromS must be a time or +infinity, was NaN");
        }
    }

    /** A transponder that is never switched off. */
    public AisTransponder(
            int mmsi,
            boolean classA,
            String callsign,
            String name,
            int positionPhaseS,
            int staticPhaseS) {
        this(mmsi, classA, callsign, name, positionPhaseS, staticPhaseS, Double.POSITIVE_INFINITY);
    }

    /** Whether it is switched on at {@code tS}, seconds since the simulation epoch. */
    public boolean transmitsAt(double tS) {
        return tS < silentFromS;
    }

    /** Whether its crew switches it off during the run. */
    public boolean goesSilent() {
        return silentFromS != Double.POSITIVE_INFINITY;
    }

    /** The same transponder switched off from {@code tS} on. */
    public AisTransponder silentFrom(double tS) {
        return new AisTransponder(mmsi, classA, callsign, name, positionPhaseS, staticPhaseS, tS);
    }

    /** The MMSI as its 9 digits. */
    public String mmsiDigits() {
        return String.format(java.util.Locale.ROOT, "%09d", mmsi);
    }

    /** Seconds between position reports at a speed over ground of {@code speedMps}. */
    public int positionIntervalS(double speedMps) {
        double knots = speedMps / MPS_PER_KNOT;
        if (!classA) {
            return knots <= 2 ? 180 : 30;
        }
        return knots <= 14 ? 10 : knots <= 23 ? 6 : 2;
    }
}
