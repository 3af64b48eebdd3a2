package io.cordon.connectors.ais.message;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Class B static data report part B, message type 24 with part number 1 (ITU-R M.1371-5 Table 74).
 *
 * @param messageType 24
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param shipType type of ship and cargo (0 not available)
 * @param vendorId manufacturer's id, up to 3 characters
 * @param unitModelCode the manufacturer's model code, 0-15
 * @param serialNumber the unit's serial number, 0-1 048 575
 * @param callsign up to 7 characters, empty when not available
 * @param dimensions where the reference point sits; absent for auxiliary craft and when all four
 *     are 0
 * @param mothershipMmsi for auxiliary craft (MMSI 98MIDxxxx) the MMSI of the mother ship, in place
 *     of the dimensions; absent otherwise
 */
public record StaticDataReportPartB(
        int messageType,
        int repeatIndicator,
        int mmsi,
        int shipType,
        String vendorId,
        int unitModelCode,
        int serialNumber,
        String callsign,
        Optional<ShipDimensions> dimensions,
        OptionalInt mothershipMmsi)
        implements AisMessage {}
