package io.cordon.connectors.geojson.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes satellite detections (one scene, one pass) as a GeoJSON {@code FeatureCollection} of
 * {@code Point} features: coordinates {@code [lon, lat, height_m]}, the feature {@code id}, and
 * properties {@code time} (RFC 3339, UTC, as {@link Instant#toString()} writes it), the one-sigma
 * uncertainty as {@code cov_ee_m2}/{@code cov_en_m2}/{@code cov_nn_m2}, and {@code confidence} and
 * {@code source} when given. Numbers are written exactly (shortest round-trip form). Thread-safe.
 */
public final class SatelliteDetectionEncoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SatelliteDetectionEncoder() {}

    /**
     * One detection.
     *
     * @param id the provider's detection id (unique)
     * @param time acquisition time
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param heightM height above the ellipsoid, metres
     * @param covEastEastM2 east variance, m^2 (> 0)
     * @param covEastNorthM2 east-north covariance, m^2
     * @param covNorthNorthM2 north variance, m^2 (> 0)
     * @param confidence probability that it is a vessel, [0, 1], or NaN to leave it out
     * @param source satellite or product, or empty
     */
    public record Detection(
            String id,
            Instant time,
            double latDeg,
            double lonDeg,
            double heightM,
            double covEastEastM2,
            double covEastNorthM2,
            double covNorthNorthM2,
            double confidence,
            String source) {
        public Detection {
            if (id == null || id.isEmpty() || time == null) {
                throw new IllegalArgumentException("id and time are required");
            }
            source = source == null ? "" : source;
        }
    }

    /** The detections as one FeatureCollection, UTF-8 JSON. */
    public static byte[] featureCollection(List<Detection> detections) {
        return bytes(
                collection(detections.stream().map(SatelliteDetectionEncoder::feature).toList()));
    }

    /** A FeatureCollection of the given features (from {@link #feature}, possibly altered). */
    public static ObjectNode collection(List<ObjectNode> features) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "FeatureCollection");
        ArrayNode array = root.putArray("features");
        features.forEach(array::add);
        return root;
    }

    /** One detection as a Feature (a tree the caller may alter or serialise). */
    public static ObjectNode feature(Detection d) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", d.id());
        ObjectNode geometry = f.putObject("geometry");
        geometry.put("type", "Point");
        ArrayNode c = geometry.putArray("coordinates");
        c.add(d.lonDeg()).add(d.latDeg()).add(d.heightM());
        ObjectNode p = f.putObject("properties");
        p.put("time", d.time().toString());
        p.put("cov_ee_m2", d.covEastEastM2());
        p.put("cov_en_m2", d.covEastNorthM2());
        p.put("cov_nn_m2", d.covNorthNorthM2());
        if (!Double.isNaN(d.confidence())) {
            p.put("confidence", d.confidence());
        }
        if (!d.source().isEmpty()) {
            p.put("source", d.source());
        }
        return f;
    }

    /** Serialises a tree from {@link #feature} or a collection built from them. */
    public static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
