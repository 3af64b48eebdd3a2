package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.Optional;

/**
 * Base station report, message type 4 (ITU-R M.1371-5 Table 50), also type 11 (UTC/date response)
 * which shares its layout but is decoded here only as type 4.
 *
 * @param messageType 4
 * @param repeatIndicator 0-3
 * @param mmsi the base station's MMSI
 * @param utcTime the station's UTC date and time; absent when any part is not available (year 0,
 *     month 0, day 0, hour 24, minute 60, second 60) or invalid
 * @param positionAccuracyHigh true when better than 10 m
 * @param position the station's position; absent when not available
 * @param epfdType type of electronic position fixing device (0 undefined, 1 GPS, 7 surveyed, 15
 *     internal GNSS, ...)
 * @param raim RAIM in use
 * @param radioStatus the 19-bit SOTDMA communication state
 */
public record BaseStationReport(
        int messageType,
        int repeatIndicator,
        int mmsi,
        Optional<Instant> utcTime,
        boolean positionAccuracyHigh,
        Optional<GeoPoint> position,
        int epfdType,
        boolean raim,
        int radioStatus)
        implements AisMessage {}
