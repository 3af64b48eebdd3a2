package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Standard class B equipment position report, message type 18 (ITU-R M.1371-5 Table 70).
 *
 * @param messageType 18
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param speedOverGroundKnots 0-102.2 kn in 0.1 kn; absent when not available
 * @param positionAccuracyHigh true when better than 10 m
 * @param position WGS84 position in 1/10 000 minute; absent when not available
 * @param courseOverGroundDeg 0-359.9°; absent when not available
 * @param trueHeadingDeg 0-359°; absent when not available
 * @param timeStamp UTC second (0-59) or 60-63 as in {@link ClassAPositionReport#timeStamp()}
 * @param carrierSenseUnit true for a class B "CS" (carrier-sense) unit, false for "SOTDMA"
 * @param displayFlag the unit has a display for message 12 and 14
 * @param dscFlag the unit is attached to a VHF with DSC
 * @param bandFlag the unit can use the whole marine band
 * @param message22Flag the unit accepts channel management by message 22
 * @param assignedMode the station operates in assigned mode
 * @param raim RAIM in use
 * @param radioStatus the 20-bit communication state (with its selector flag)
 */
public record ClassBPositionReport(
        int messageType,
        int repeatIndicator,
        int mmsi,
        OptionalDouble speedOverGroundKnots,
        boolean positionAccuracyHigh,
        Optional<GeoPoint> position,
        OptionalDouble courseOverGroundDeg,
        OptionalInt trueHeadingDeg,
        int timeStamp,
        boolean carrierSenseUnit,
        boolean displayFlag,
        boolean dscFlag,
        boolean bandFlag,
        boolean message22Flag,
        boolean assignedMode,
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
}
