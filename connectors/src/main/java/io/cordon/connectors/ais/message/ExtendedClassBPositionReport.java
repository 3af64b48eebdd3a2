package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Extended class B equipment position report, message type 19 (ITU-R M.1371-5 Table 71): a type 18
 * position with the static data of a type 5.
 *
 * @param messageType 19
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param speedOverGroundKnots 0-102.2 kn; absent when not available
 * @param positionAccuracyHigh true when better than 10 m
 * @param position WGS84 position; absent when not available
 * @param courseOverGroundDeg 0-359.9°; absent when not available
 * @param trueHeadingDeg 0-359°; absent when not available
 * @param timeStamp UTC second (0-59) or 60-63
 * @param shipName up to 20 characters
 * @param shipType type of ship and cargo
 * @param dimensions where the reference point sits; absent when all four are 0
 * @param epfdType type of electronic position fixing device
 * @param raim RAIM in use
 * @param dataTerminalNotReady the DTE flag
 * @param assignedMode the station operates in assigned mode
 */
public record ExtendedClassBPositionReport(
        int messageType,
        int repeatIndicator,
        int mmsi,
        OptionalDouble speedOverGroundKnots,
        boolean positionAccuracyHigh,
        Optional<GeoPoint> position,
        OptionalDouble courseOverGroundDeg,
        OptionalInt trueHeadingDeg,
        int timeStamp,
        String shipName,
        int shipType,
        Optional<ShipDimensions> dimensions,
        int epfdType,
        boolean raim,
        boolean dataTerminalNotReady,
        boolean assignedMode)
        implements AisMessage {

    /** Speed over ground in m/s. */
    public OptionalDouble speedOverGroundMps() {
        return AisFields.knotsToMps(speedOverGroundKnots);
    }

    /** The UTC second the position was taken, when the transmitter reported one. */
    public OptionalInt utcSecond() {
        return AisFields.utcSecond(timeStamp);
    }
}
