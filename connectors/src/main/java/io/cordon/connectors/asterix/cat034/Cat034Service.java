package io.cordon.connectors.asterix.cat034;

import io.cordon.connectors.asterix.AsterixMessage;

/**
 * A CAT034 monoradar service message. Absent items are {@code NaN} or false.
 *
 * @param sac System Area Code (I010)
 * @param sic System Identification Code (I010)
 * @param messageType north marker, sector crossing, ... (I000)
 * @param timeOfDaySeconds UTC time of day the message was generated, seconds, 1/128 s (I030)
 * @param sectorAzimuthDeg azimuth of the sector just crossed, degrees, 360/2^8 (I020)
 * @param antennaRotationPeriodSeconds antenna rotation period, seconds, 1/128 s (I041)
 * @param noGo I050 COM NOGO = 1: the system is not released for operational use
 * @param overloaded I050 COM OVL RDP or OVL XMT: the processor or transmission is overloaded
 * @param sensorLatDeg WGS-84 latitude of the radar, degrees, 180/2^23 (I120)
 * @param sensorLonDeg WGS-84 longitude of the radar, degrees, 180/2^23 (I120)
 * @param sensorHeightM height of the radar above WGS-84, metres, 1 m (I120)
 */
public record Cat034Service(
        int sac,
        int sic,
        Cat034MessageType messageType,
        double timeOfDaySeconds,
        double sectorAzimuthDeg,
        double antennaRotationPeriodSeconds,
        boolean noGo,
        boolean overloaded,
        double sensorLatDeg,
        double sensorLonDeg,
        double sensorHeightM)
        implements AsterixMessage {
    @Override
    public int category() {
        return 34;
    }
}
