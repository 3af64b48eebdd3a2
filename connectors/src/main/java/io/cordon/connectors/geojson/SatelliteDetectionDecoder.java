package io.cordon.connectors.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a GeoJSON {@code FeatureCollection} (or one {@code Feature}) of satellite detections.
 * Each feature stands alone: a bad feature is an error and the others still decode. Error offsets
 * are the feature's index in the collection (0 for a lone feature or a document that is not
 * GeoJSON) and carry the feature's JSON. Thread-safe.
 */
public final class SatelliteDetectionDecoder implements Decoder<SatelliteDetection> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public DecodeResult<SatelliteDetection> decode(byte[] input) {
        DecodeResult.Builder<SatelliteDetection> out = new DecodeResult.Builder<>();
        if (input == null || input.length == 0) {
            return out.error("empty input", 0, input).build();
        }
        JsonNode root;
        try {
            root = JSON.readTree(input);
        } catch (IOException | RuntimeException malformed) {
            String message =
                    malformed instanceof JsonProcessingException j
                            ? j.getOriginalMessage()
                            : String.valueOf(malformed.getMessage());
            return out.error("malformed JSON: " + message, 0, input).build();
        }
        if (root == null || !root.isObject()) {
            return out.error("document is not a GeoJSON object", 0, input).build();
        }
        String type = root.path("type").asText("");
        if (type.equals("Feature")) {
            feature(root, 0, out);
        } else if (type.equals("FeatureCollection")) {
            JsonNode features = root.get("features");
            if (features == null || !features.isArray()) {
                return out.error("FeatureCollection has no features array", 0, input).build();
            }
            for (int i = 0; i < features.size(); i++) {
                feature(features.get(i), i, out);
            }
        } else {
            out.error("GeoJSON type '" + type + "' is not Feature or FeatureCollection", 0, input);
        }
        return out.build();
    }

    private static void feature(
            JsonNode feature, int index, DecodeResult.Builder<SatelliteDetection> out) {
        DecodeResult<SatelliteDetection> r = SatelliteFeatureReader.read(feature);
        r.values().forEach(out::value);
        if (!r.errors().isEmpty()) {
            out.error("feature " + index + ": " + r.errors().get(0).reason(), index, json(feature));
        }
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node).getBytes(StandardCharsets.UTF_8);
        }
    }
}
