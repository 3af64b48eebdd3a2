package io.cordon.connectors.ais.message;

/**
 * A decoded AIS message. Every message starts with the same envelope: message type (6 bits), repeat
 * indicator (2 bits) and the source MMSI (30 bits).
 */
public sealed interface AisMessage
        permits ClassAPositionReport,
                BaseStationReport,
                StaticAndVoyageData,
                ClassBPositionReport,
                ExtendedClassBPositionReport,
                StaticDataReportPartA,
                StaticDataReportPartB,
                LongRangePositionReport,
                UnsupportedMessage {
    /** Metres per second in one knot (1852 m per hour). */
    double MPS_PER_KNOT = 1852.0 / 3600.0;

    /** Message type, 1-27. */
    int messageType();

    /** How many times the message was repeated, 0-3. */
    int repeatIndicator();

    /** Maritime Mobile Service Identity of the source, 0-999 999 999. */
    int mmsi();
}
