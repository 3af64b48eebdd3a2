package io.cordon.connectors.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.connectors.decode.DecodeResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads one detection {@code Feature}, checking every rule of the package documentation. */
final class SatelliteFeatureReader {
    private static final String[] ELLIPSE = {"sigma_major_m", "sigma_minor_m", "orientation_deg"};
    private static final String[] COVARIANCE = {"cov_ee_m2", "cov_en_m2", "cov_nn_m2"};

    private SatelliteFeatureReader() {}

    static DecodeResult<SatelliteDetection> read(JsonNode feature) {
        if (feature == null
                || !feature.isObject()
                || !"Feature".equals(feature.path("type").asText())) {
            return fail("is not a GeoJSON Feature");
        }
        JsonNode geometry = feature.path("geometry");
        if (!"Point".equals(geometry.path("type").asText())) {
            return fail("geometry is not a Point");
        }
        JsonNode c = geometry.path("coordinates");
        if (!c.isArray() || c.size() < 2 || c.size() > 3 || !allNumbers(c)) {
            return fail("Point coordinates are not [lon, lat] or [lon, lat, height]");
        }
        double lon = c.get(0).asDouble();
        double lat = c.get(1).asDouble();
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            return fail("Point [" + lon + ", " + lat + "] is outside the globe");
        }
        OptionalDouble height =
                c.size() == 3 && Double.isFinite(c.get(2).asDouble())
                        ? OptionalDouble.of(c.get(2).asDouble())
                        : OptionalDouble.empty();
        JsonNode props = feature.path("properties");
        if (!props.isObject()) {
            return fail("has no properties object");
        }
        Instant time = time(props.path("time"));
        if (time == null) {
            return fail("property time is missing or not RFC 3339 with an offset");
        }
        String problem = numbersValid(props);
        if (problem != null) {
            return fail(problem);
        }
        DecodeResult<Optional<HorizontalCovariance>> covariance = covariance(props);
        if (!covariance.errors().isEmpty()) {
            return fail(covariance.errors().get(0).reason());
        }
        String id =
                feature.hasNonNull("id") ? feature.get("id").asText() : text(props, "detection_id");
        return DecodeResult.of(
                new SatelliteDetection(
                        id,
                        time,
                        lat,
                        lon,
                        height,
                        covariance.values().get(0),
                        number(props, "vessel_length_m"),
                        text(props, "vessel_class"),
                        number(props, "confidence"),
                        text(props, "source")));
    }

    private static String numbersValid(JsonNode props) {
        for (String name : new String[] {"vessel_length_m", "confidence"}) {
            JsonNode v = props.get(name);
            if (v != null && !v.isNull() && (!v.isNumber() || !Double.isFinite(v.asDouble()))) {
                return "property " + name + " is not a finite number";
            }
        }
        OptionalDouble length = number(props, "vessel_length_m");
        if (length.isPresent() && !(length.getAsDouble() > 0)) {
            return "property vessel_length_m must be > 0, was " + length.getAsDouble();
        }
        OptionalDouble confidence = number(props, "confidence");
        if (confidence.isPresent()
                && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            return "property confidence must be in [0, 1], was " + confidence.getAsDouble();
        }
        return null;
    }

    private static DecodeResult<Optional<HorizontalCovariance>> covariance(JsonNode props) {
        boolean ellipse = anyPresent(props, ELLIPSE);
        boolean matrix = anyPresent(props, COVARIANCE);
        if (ellipse && matrix) {
            return DecodeResult.error(
                    "give the uncertainty as sigma_major_m/sigma_minor_m/"
                            + "orientation_deg or as cov_ee_m2/cov_en_m2/cov_nn_m2, not both",
                    0,
                    null);
        }
        String[] names = ellipse ? ELLIPSE : COVARIANCE;
        if (!ellipse && !matrix) {
            return DecodeResult.of(Optional.empty());
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode n = props.get(names[i]);
            if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
                return DecodeResult.error(
                        "property "
                                + names[i]
                                + " is missing or not a finite "
                                + "number ("
                                + String.join(", ", names)
                                + " go together)",
                        0,
                        null);
            }
            v[i] = n.asDouble();
        }
        if (ellipse && !(v[1] > 0 && v[0] >= v[1])) {
            return DecodeResult.error(
                    "sigma_major_m "
                            + v[0]
                            + " and sigma_minor_m "
                            + v[1]
                            + " must satisfy major >= minor > 0",
                    0,
                    null);
        }
        HorizontalCovariance cov =
                ellipse
                        ? HorizontalCovariance.fromEllipse(v[0], v[1], v[2])
                        : new HorizontalCovariance(v[0], v[1], v[2]);
        if (!cov.isPositiveDefinite()) {
            return DecodeResult.error(
                    "covariance ee="
                            + v[0]
                            + " en="
                            + v[1]
                            + " nn="
                            + v[2]
                            + " is not positive definite",
                    0,
                    null);
        }
        return DecodeResult.of(Optional.of(cov));
    }

    private static Instant time(JsonNode node) {
        if (!node.isTextual() || node.asText().length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean anyPresent(JsonNode props, String[] names) {
        for (String name : names) {
            if (props.hasNonNull(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                return false;
            }
        }
        return true;
    }

    private static OptionalDouble number(JsonNode props, String name) {
        JsonNode v = props.get(name);
        return v != null && v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    private static String text(JsonNode props, String name) {
        JsonNode v = props.get(name);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    private static <T> DecodeResult<T> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
