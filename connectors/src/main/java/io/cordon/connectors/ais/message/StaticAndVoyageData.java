package io.cordon.connectors.ais.message;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Class A static and voyage related data, message type 5 (ITU-R M.1371-5 Table 52), 424 bits in two
 * sentences.
 *
 * @param messageType 5
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param aisVersion 0 (ITU-R M.1371-1) to 3 (M.1371-5 and later)
 * @param imoNumber IMO ship number; absent when 0 (not available)
 * @param callsign radio call sign, up to 7 characters, empty when not available
 * @param shipName up to 20 characters, empty when not available
 * @param shipType type of ship and cargo (0 not available, 30 fishing, 52 tug, 60-69 passenger,
 *     70-79 cargo, 80-89 tanker, ...)
 * @param dimensions where the reference point sits; absent when all four are 0
 * @param epfdType type of electronic position fixing device
 * @param eta estimated time of arrival; absent when any part is not available
 * @param draughtM maximum present static draught, 0.1 m resolution; absent when 0
 * @param destination up to 20 characters, empty when not available
 * @param dataTerminalNotReady the DTE flag: false when a data terminal is available
 */
public record StaticAndVoyageData(
        int messageType,
        int repeatIndicator,
        int mmsi,
        int aisVersion,
        OptionalInt imoNumber,
        String callsign,
        String shipName,
        int shipType,
        Optional<ShipDimensions> dimensions,
        int epfdType,
        Optional<Eta> eta,
        OptionalDouble draughtM,
        String destination,
        boolean dataTerminalNotReady)
        implements AisMessage {}
