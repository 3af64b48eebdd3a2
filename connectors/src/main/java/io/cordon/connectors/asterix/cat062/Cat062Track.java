package io.cordon.connectors.asterix.cat062;

import io.cordon.connectors.asterix.AsterixFields;
import io.cordon.connectors.asterix.AsterixMessage;

/**
 * A CAT062 system track update from a surveillance data processing system (SDPS). Absent items are
 * {@code NaN} (measures), -1 (codes and numbers), {@code ""} (identities) or false (flags).
 * Cartesian quantities are in the SDPS's system stereographic plane (x east, y north of the system
 * reference point).
 *
 * @param sac System Area Code of the SDPS (I010)
 * @param sic System Identification Code of the SDPS (I010)
 * @param serviceId service identification (I015)
 * @param timeOfTrackSeconds UTC time of day the track state applies to, seconds, 1/128 s (I070)
 * @param latDeg WGS-84 latitude, degrees, 180/2^25 (I105)
 * @param lonDeg WGS-84 longitude, degrees, 180/2^25 (I105)
 * @param xM system-plane x, metres, 0.5 m (I100)
 * @param yM system-plane y, metres, 0.5 m (I100)
 * @param vxMps velocity along x, m/s, 0.25 m/s (I185)
 * @param vyMps velocity along y, m/s, 0.25 m/s (I185)
 * @param axMps2 acceleration along x, m/s^2, 0.25 m/s^2 (I210)
 * @param ayMps2 acceleration along y, m/s^2, 0.25 m/s^2 (I210)
 * @param mode3A Mode 3/A code as a 12-bit number (I060)
 * @param trackNumber the SDPS's track number (I040)
 * @param icao24 ICAO 24-bit address, six upper-case hex digits (I380 ADR)
 * @param callsign target identification (I245, else I380 ID), trailing spaces removed
 * @param measuredFlightLevel last measured Mode C flight level, FL, 1/4 FL (I136)
 * @param geometricAltitudeM calculated geometric altitude, metres, 6.25 ft (I130)
 * @param barometricFlightLevel calculated barometric altitude, FL, 1/4 FL (I135)
 * @param rateOfClimbMps calculated rate of climb (+) or descent (-), m/s, 6.25 ft/min (I220)
 * @param simulated I080 SIM: a simulated track
 * @param tentative I080 CNF: the track is tentative (not confirmed)
 * @param coasting I080 CST: the track was extrapolated, no fresh measurement
 * @param lastUpdate I080 TSE: the last message of this track
 * @param sigmaXM estimated accuracy (one sigma) of x, metres, 0.5 m (I500 APC)
 * @param sigmaYM estimated accuracy (one sigma) of y, metres, 0.5 m (I500 APC)
 * @param covarianceXYM2 x-y covariance, m^2, sent as sign(cov)·sqrt|cov| in 0.5 m (I500 COV)
 */
public record Cat062Track(
        int sac,
        int sic,
        int serviceId,
        double timeOfTrackSeconds,
        double latDeg,
        double lonDeg,
        double xM,
        double yM,
        double vxMps,
        double vyMps,
        double axMps2,
        double ayMps2,
        int mode3A,
        int trackNumber,
        String icao24,
        String callsign,
        double measuredFlightLevel,
        double geometricAltitudeM,
        double barometricFlightLevel,
        double rateOfClimbMps,
        boolean simulated,
        boolean tentative,
        boolean coasting,
        boolean lastUpdate,
        double sigmaXM,
        double sigmaYM,
        double covarianceXYM2)
        implements AsterixMessage {

    @Override
    public int category() {
        return 62;
    }

    /** True when the track has a WGS-84 position (I105). */
    public boolean hasGeodeticPosition() {
        return !Double.isNaN(latDeg);
    }

    /** Mode 3/A code as four octal digits, or {@code ""} when absent. */
    public String mode3AOctal() {
        return mode3A < 0 ? "" : AsterixFields.mode3AOctal(mode3A);
    }
}
