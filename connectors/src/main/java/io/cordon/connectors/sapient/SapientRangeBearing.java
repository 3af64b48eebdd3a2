package io.cordon.connectors.sapient;

/**
 * A position relative to the reporting node from a SAPIENT {@code RangeBearing}, converted to
 * degrees and metres; {@code NaN} when a value or error is absent.
 *
 * @param rangeM range from the node, metres
 * @param azimuthDeg azimuth clockwise from {@code north}, degrees
 * @param elevationDeg elevation above the node's horizon, degrees
 * @param rangeErrorM range error, metres
 * @param azimuthErrorDeg azimuth error, degrees
 * @param elevationErrorDeg elevation error, degrees
 * @param north which north the azimuth is measured from
 */
public record SapientRangeBearing(
        double rangeM,
        double azimuthDeg,
        double elevationDeg,
        double rangeErrorM,
        double azimuthErrorDeg,
        double elevationErrorDeg,
        North north) {

    /** The reference of azimuths (RangeBearingDatum). */
    public enum North {
        UNSPECIFIED,
        TRUE,
        MAGNETIC,
        GRID,
        /** The heading of the platform carrying the node. */
        PLATFORM
    }
}
