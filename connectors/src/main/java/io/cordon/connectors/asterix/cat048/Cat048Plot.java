package io.cordon.connectors.asterix.cat048;

import io.cordon.connectors.asterix.AsterixFields;
import io.cordon.connectors.asterix.AsterixMessage;

/**
 * A CAT048 monoradar target report. Absent items are {@code NaN} (measures), -1 (codes and
 * numbers), {@code ""} (identities) or false (flags).
 *
 * @param sac System Area Code (I010)
 * @param sic System Identification Code (I010)
 * @param timeOfDaySeconds UTC time of day of the detection, seconds since midnight, 1/128 s (I140)
 * @param detectionType I020 TYP: 0 no detection, 1 PSR, 2 SSR, 3 SSR+PSR, 4 Mode S all-call, 5 Mode
 *     S roll-call, 6 Mode S all-call+PSR, 7 Mode S roll-call+PSR
 * @param simulated I020 SIM: a simulated target report
 * @param specialPositionIndication I020 SPI: the pilot pressed IDENT
 * @param rangeM slant range, metres, resolution 1/256 NM (I040 RHO)
 * @param azimuthDeg azimuth clockwise from the radar's north, degrees, resolution 360/2^16 (I040
 *     THETA)
 * @param mode3A Mode 3/A code as a 12-bit number (I070); {@link #mode3AOctal()} for the 4 digits
 * @param mode3AValid I070 V = 0: the code is validated
 * @param mode3AGarbled I070 G = 1: the code is garbled
 * @param flightLevel Mode C flight level, hundreds of feet, resolution 1/4 FL (I090)
 * @param flightLevelValid I090 V = 0: the flight level is validated
 * @param icao24 ICAO 24-bit aircraft address, six upper-case hex digits (I220)
 * @param callsign aircraft identification without trailing spaces (I240)
 * @param trackNumber the radar tracker's track number, 0 to 4095 (I161)
 * @param xM calculated position east of the radar, metres, resolution 1/128 NM (I042)
 * @param yM calculated position north of the radar, metres, resolution 1/128 NM (I042)
 * @param groundSpeedMps calculated ground speed, m/s, resolution 2^-14 NM/s (I200)
 * @param headingDeg calculated heading, degrees clockwise from north, 360/2^16 (I200)
 * @param heightM height measured by a 3D radar, metres, resolution 25 ft (I110)
 * @param trackConfirmed I170 CNF = 0: the radar track is confirmed (false when I170 is absent)
 */
public record Cat048Plot(
        int sac,
        int sic,
        double timeOfDaySeconds,
        int detectionType,
        boolean simulated,
        boolean specialPositionIndication,
        double rangeM,
        double azimuthDeg,
        int mode3A,
        boolean mode3AValid,
        boolean mode3AGarbled,
        double flightLevel,
        boolean flightLevelValid,
        String icao24,
        String callsign,
        int trackNumber,
        double xM,
        double yM,
        double groundSpeedMps,
        double headingDeg,
        double heightM,
        boolean trackConfirmed)
        implements AsterixMessage {

    @Override
    public int category() {
        return 48;
    }

    /** True when the report carries a measured polar position (I040). */
    public boolean hasPolarPosition() {
        return !Double.isNaN(rangeM);
    }

    /** Mode 3/A code as four octal digits, or {@code ""} when absent. */
    public String mode3AOctal() {
        return mode3A < 0 ? "" : AsterixFields.mode3AOctal(mode3A);
    }
}
