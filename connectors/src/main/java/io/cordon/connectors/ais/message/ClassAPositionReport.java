package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Class A position report, message types 1, 2 and 3 (ITU-R M.1371-5 Table 47).
 *
 * @param messageType 1 (scheduled), 2 (assigned scheduled) or 3 (interrogated)
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param navigationStatus navigational status
 * @param rateOfTurnIndicator the raw ROT_AIS field, -128-127: 0-±126 encode {@code 4.733 *
 *     sqrt(degPerMin)}, ±127 turning faster than 5°/30 s without a turn indicator, -128 not
 *     available; see {@link #rateOfTurnDegPerMin()}
 * @param speedOverGroundKnots 0-102.2 kn in 0.1 kn (102.2 means 102.2 or more); absent when not
 *     available
 * @param positionAccuracyHigh true when better than 10 m (DGNSS), false when worse
 * @param position WGS84 position in 1/10 000 minute; absent when not available or out of range
 * @param courseOverGroundDeg 0-359.9° in 0.1°; absent when not available
 * @param trueHeadingDeg 0-359°; absent when not available
 * @param timeStamp UTC second of the report (0-59), or 60 not available, 61 manual input, 62 dead
 *     reckoning, 63 positioning system inoperative; see {@link #utcSecond()}
 * @param specialManoeuvre 0 not available, 1 not engaged, 2 engaged in special manoeuvre
 * @param raim RAIM in use
 * @param radioStatus the 19-bit communication state (SOTDMA/ITDMA)
 */
public record ClassAPositionReport(
        int messageType,
        int repeatIndicator,
        int mmsi,
        NavigationStatus navigationStatus,
        int rateOfTurnIndicator,
        OptionalDouble speedOverGroundKnots,
        boolean positionAccuracyHigh,
        Optional<GeoPoint> position,
        OptionalDouble courseOverGroundDeg,
        OptionalInt trueHeadingDeg,
        int timeStamp,
        int specialManoeuvre,
        boolean raim,
        int radioStatus)
        implements AisMessage {

    /** Speed over ground in m/s. */
    public OptionalDouble speedOverGroundMps() {
        return AisFields.knotsToMps(speedOverGroundKnots);
    }

    /** The UTC second the position was taken, when the transmitter reported one. */
    public OptionalInt utcSecond() {
        return AisFields.utcSecond(timeStamp);
    }

    /**
     * Rate of turn in degrees per minute, positive to starboard: {@code (ROT_AIS / 4.733)^2} with
     * the sign of ROT_AIS; absent for ±127 (no turn indicator) and -128 (not available).
     */
    public OptionalDouble rateOfTurnDegPerMin() {
        int rot = rateOfTurnIndicator;
        if (rot < -126 || rot > 126) {
            return OptionalDouble.empty();
        }
        double rate = (rot / 4.733) * (rot / 4.733);
        return OptionalDouble.of(rot < 0 ? -rate : rate);
    }
}
