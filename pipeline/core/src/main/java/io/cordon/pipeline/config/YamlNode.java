package io.cordon.pipeline.config;

import io.cordon.pipeline.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A value of the loaded YAML tree with its key path, so every error can name where it is. Absent
 * keys are nodes whose value is null.
 */
final class YamlNode {
    private static final String POINT_ALLOWED = "a map with latDeg, lonDeg and optional altM";

    private final String path;
    private final Object value;

    YamlNode(String path, Object value) {
        this.path = path;
        this.value = value;
    }

    String path() {
        return path;
    }

    Object value() {
        return value;
    }

    boolean present() {
        return value != null;
    }

    /** This node as a map whose keys must all be among {@code allowedKeys}; absent = empty. */
    Fields fields(String... allowedKeys) {
        if (value == null) {
            return new Fields(path, Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(
                    path, value, "a map with keys " + String.join(", ", allowedKeys));
        }
        List<String> allowed = Arrays.asList(allowedKeys);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!allowed.contains(key)) {
                throw new ConfigException(
                        ConfigException.join(path, key),
                        "unknown key " + key,
                        "only the keys " + String.join(", ", allowedKeys));
            }
            values.put(key, e.getValue());
        }
        return new Fields(path, values);
    }

    /** The elements of this list; absent = empty. */
    List<YamlNode> elements() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(path, value, "a list");
        }
        List<YamlNode> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new YamlNode(path + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    String text() {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ConfigException(path, value, "a non-empty string");
        }
        return s;
    }

    String text(String defaultValue) {
        return value == null ? defaultValue : text();
    }

    double number() {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ConfigException(path, value, "a finite number");
        }
        return n.doubleValue();
    }

    double number(double defaultValue) {
        return value == null ? defaultValue : number();
    }

    long integer(long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new ConfigException(path, value, "an integer");
        }
        return ((Number) value).longValue();
    }

    boolean bool(boolean defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean b)) {
            throw new ConfigException(path, value, "true or false");
        }
        return b;
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String allowed = "one of " + names(type);
        if (!(value instanceof String s)) {
            throw new ConfigException(path, value, allowed);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(s)) {
                return constant;
            }
        }
        throw new ConfigException(path, value, allowed);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, E defaultValue) {
        return value == null ? defaultValue : enumValue(type);
    }

    GeoPoint geoPoint() {
        if (value == null) {
            throw new ConfigException(path, null, POINT_ALLOWED);
        }
        Fields f = fields("latDeg", "lonDeg", "altM");
        double lat = f.required("latDeg", POINT_ALLOWED).number();
        double lon = f.required("lonDeg", POINT_ALLOWED).number();
        if (!(lat >= -90 && lat <= 90)) {
            throw new ConfigException(
                    ConfigException.join(path, "latDeg"), lat, "degrees in [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new ConfigException(
                    ConfigException.join(path, "lonDeg"), lon, "degrees in [-180, 180]");
        }
        return new GeoPoint(lat, lon, f.get("altM").number(0.0));
    }

    /** Builds a record from this node, re-rooting its validation errors at this node's path. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ConfigException e) {
            throw e.keyPath().startsWith(path) ? e : e.under(path);
        }
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(constant.name());
        }
        return sb.toString();
    }

    /** A map node whose keys have been checked. */
    static final class Fields {
        private final String path;
        private final Map<String, Object> values;

        Fields(String path, Map<String, Object> values) {
            this.path = path;
            this.values = values;
        }

        YamlNode get(String key) {
            return new YamlNode(ConfigException.join(path, key), values.get(key));
        }

        YamlNode required(String key, String allowed) {
            YamlNode node = get(key);
            if (!node.present()) {
                throw new ConfigException(node.path(), null, allowed);
            }
            return node;
        }

        java.util.Set<String> keys() {
            return values.keySet();
        }
    }
}
