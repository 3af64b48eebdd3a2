package io.cordon.connectors.geojson;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One vessel detection in a satellite scene (see the package documentation for the GeoJSON
 * properties it comes from).
 *
 * @param detectionId the provider's id, empty when it gave none
 * @param time acquisition time
 * @param latDeg WGS84 latitude
 * @param lonDeg WGS84 longitude
 * @param heightM height above the ellipsoid, absent when the point had two coordinates
 * @param covariance position uncertainty, absent when the feature states none
 * @param vesselLengthM estimated length overall, metres
 * @param vesselClass the provider's class, empty when not given
 * @param confidence probability of a vessel, [0, 1]
 * @param source satellite or product, empty when not given
 */
public record SatelliteDetection(
        String detectionId,
        Instant time,
        double latDeg,
        double lonDeg,
        OptionalDouble heightM,
        Optional<HorizontalCovariance> covariance,
        OptionalDouble vesselLengthM,
        String vesselClass,
        OptionalDouble confidence,
        String source) {}
