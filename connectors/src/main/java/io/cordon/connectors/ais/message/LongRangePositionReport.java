package io.cordon.connectors.ais.message;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Position report for long-range applications, message type 27 (ITU-R M.1371-5 Table 83): the short
 * report class A and B/SO units send for reception by satellite.
 *
 * @param messageType 27
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param positionAccuracyHigh true when better than 10 m
 * @param raim RAIM in use
 * @param navigationStatus navigational status
 * @param position WGS84 position in 1/10 minute (about 185 m of latitude); absent when not
 *     available
 * @param speedOverGroundKnots 0-62 kn in 1 kn; absent when 63 (not available)
 * @param courseOverGroundDeg 0-359° in 1°; absent when 511 (not available)
 * @param positionLatencyOver5s the position latency flag: true when the reported position is more
 *     than 5 s old (gpsd calls it {@code gnss})
 */
public record LongRangePositionReport(
        int messageType,
        int repeatIndicator,
        int mmsi,
        boolean positionAccuracyHigh,
        boolean raim,
        NavigationStatus navigationStatus,
        Optional<GeoPoint> position,
        OptionalDouble speedOverGroundKnots,
        OptionalDouble courseOverGroundDeg,
        boolean positionLatencyOver5s)
        implements AisMessage {

    /** Speed over ground in m/s. */
    public OptionalDouble speedOverGroundMps() {
        return AisFields.knotsToMps(speedOverGroundKnots);
    }
}
