package io.cordon.connectors.sensor;

/**
 * The plausibility rule the mappers apply to a height they pass on as a measurement ({@code
 * PositionFix.sigmaAltM > 0}): an ellipsoidal height in [{@value #MIN_M}, {@value #MAX_M}] m (below
 * the deepest land depression with the lowest geoid, above any aircraft a border sensor reports). A
 * measured height outside it makes the report a dead letter with this reason, as an out-of-range
 * latitude does; a height without its error is no measurement and is not checked (see
 * docs/connectors.md, "Measured heights").
 */
public final class MeasuredHeights {
    /** Lowest plausible measured ellipsoidal height, m. */
    public static final double MIN_M = -1_000;

    /** Highest plausible measured ellipsoidal height, m. */
    public static final double MAX_M = 100_000;

    private MeasuredHeights() {}

    /**
     * Null when {@code heightM} is a plausible measured height, else the dead letter's reason.
     *
     * @param field the format's name of the height field, for the reason
     */
    public static String problem(String field, double heightM) {
        if (heightM >= MIN_M && heightM <= MAX_M) {
            return null;
        }
        return field
                + " "
                + heightM
                + " m is no plausible measured height (allowed ["
                + MIN_M
                + ", "
                + MAX_M
                + "] m)";
    }
}
