package io.cordon.connectors.asterix.cat021;

import io.cordon.connectors.asterix.AsterixFields;
import io.cordon.connectors.asterix.AsterixMessage;

/**
 * A CAT021 ADS-B target report. Absent items are {@code NaN} (measures), -1 (codes and numbers),
 * {@code ""} (identities) or false (flags).
 *
 * @param sac System Area Code of the ground station (I010)
 * @param sic System Identification Code of the ground station (I010)
 * @param icao24 target address, six upper-case hex digits (I080; an ICAO address when I040 ATP = 0)
 * @param callsign target identification, trailing spaces removed (I170)
 * @param trackNumber the ground station's track number (I161)
 * @param latDeg WGS-84 latitude, degrees (I131 at 180/2^30, else I130 at 180/2^23)
 * @param lonDeg WGS-84 longitude, degrees (I131, else I130)
 * @param timeOfApplicabilityPositionSeconds UTC time of day the position is valid, s, 1/128 s
 *     (I071)
 * @param timeOfReceptionPositionSeconds UTC time of day the position squitter was received, s
 *     (I073, refined to 2^-30 s by I074 when present)
 * @param timeOfReportTransmissionSeconds UTC time of day the report was sent, s, 1/128 s (I077)
 * @param geometricHeightM geometric height above the WGS-84 ellipsoid, metres, 6.25 ft (I140)
 * @param flightLevel barometric flight level, FL, 1/4 FL (I145)
 * @param groundSpeedMps ground speed, m/s, 2^-14 NM/s (I160)
 * @param trackAngleDeg track angle clockwise from true north, degrees, 360/2^16 (I160)
 * @param barometricVerticalRateMps barometric vertical rate, m/s, 6.25 ft/min (I155)
 * @param geometricVerticalRateMps geometric vertical rate, m/s, 6.25 ft/min (I157)
 * @param mode3A Mode 3/A code as a 12-bit number (I070)
 * @param emitterCategory ADS-B emitter category, 0 to 24 (I020)
 * @param nacp navigation accuracy category for position, 0 to 11 (I090 first extension)
 * @param nic navigation integrity category (NUCp for version 0), 0 to 15 (I090)
 * @param simulated I040 SIM: a simulated target report
 * @param testTarget I040 TST: a test target
 * @param onGround I040 GBS: the aircraft reports it is on the ground
 */
public record Cat021Report(
        int sac,
        int sic,
        String icao24,
        String callsign,
        int trackNumber,
        double latDeg,
        double lonDeg,
        double timeOfApplicabilityPositionSeconds,
        double timeOfReceptionPositionSeconds,
        double timeOfReportTransmissionSeconds,
        double geometricHeightM,
        double flightLevel,
        double groundSpeedMps,
        double trackAngleDeg,
        double barometricVerticalRateMps,
        double geometricVerticalRateMps,
        int mode3A,
        int emitterCategory,
        int nacp,
        int nic,
        boolean simulated,
        boolean testTarget,
        boolean onGround)
        implements AsterixMessage {

    @Override
    public int category() {
        return 21;
    }

    /** True when the report has a position (I130 or I131). */
    public boolean hasPosition() {
        return !Double.isNaN(latDeg);
    }

    /** Mode 3/A code as four octal digits, or {@code ""} when absent. */
    public String mode3AOctal() {
        return mode3A < 0 ? "" : AsterixFields.mode3AOctal(mode3A);
    }
}
