package io.cordon.connectors.ais.message;

/**
 * Class B static data report part A, message type 24 with part number 0 (ITU-R M.1371-5 Table 73):
 * the name. Part A and part B travel separately; joining them by MMSI is left to the consumer.
 *
 * @param messageType 24
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param shipName up to 20 characters, empty when not available
 */
public record StaticDataReportPartA(int messageType, int repeatIndicator, int mmsi, String shipName)
        implements AisMessage {}
