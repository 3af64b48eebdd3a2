/**
 * Encoders for satellite imagery detections as GeoJSON feature collections in the form {@link
 * io.cordon.connectors.geojson.SatelliteDetectionDecoder} reads (see the property table of {@code
 * io.cordon.connectors.geojson}).
 */
package io.cordon.connectors.geojson.encode;
