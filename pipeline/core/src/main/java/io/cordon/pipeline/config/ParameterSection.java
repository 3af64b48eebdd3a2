package io.cordon.pipeline.config;

import java.util.Arrays;
import java.util.Map;

/**
 * The parameters of one detector as written under {@code detectors.<name>} in {@code cordon.yaml}.
 * A detector's parameters record reads its values here with its own defaults and declares its keys
 * with {@link #allowOnly}, so a misspelt parameter is an error naming {@code
 * detectors.<name>.<key>}.
 */
public final class ParameterSection {
    private final YamlNode node;
    private final YamlNode.Fields fields;

    ParameterSection(YamlNode node) {
        this.node = node;
        this.fields = node.fields(node.present() ? keysOf(node) : new String[0]);
    }

    /** A section with no values: every parameter takes its default. */
    public static ParameterSection empty(String path) {
        return new ParameterSection(new YamlNode(path, null));
    }

    /** Key path of this section, such as {@code detectors.loitering}. */
    public String path() {
        return node.path();
    }

    /**
     * Fails when a key other than {@code keys} is present. A key written {@code name.*} allows a
     * nested section {@code name} (see {@link #section}): the key {@code name} and every flat key
     * {@code name.<key>}.
     */
    public ParameterSection allowOnly(String... keys) {
        for (String present : fields.keys()) {
            int dot = present.indexOf('.');
            String head = dot < 0 ? present : present.substring(0, dot);
            boolean nested = Arrays.asList(keys).contains(head + ".*");
            if (!Arrays.asList(keys).contains(present) && !nested) {
                throw new ConfigException(
                        ConfigException.join(path(), present),
                        "unknown key " + present,
                        "only the keys " + String.join(", ", keys));
            }
        }
        return this;
    }

    /**
     * The nested section {@code name}: the map under the key {@code name} merged with the flat keys
     * {@code name.<key>} of this section (as {@code --param rendezvous.sea.minDurationS=7200}
     * writes them). A key given both ways is an error naming it.
     */
    public ParameterSection section(String name) {
        YamlNode nested = fields.get(name);
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        if (nested.present()) {
            if (!(nested.value() instanceof Map<?, ?> map)) {
                throw new ConfigException(
                        nested.path(), nested.value(), "a map of parameter names to values");
            }
            map.forEach((k, v) -> merged.put(String.valueOf(k), v));
        }
        String prefix = name + ".";
        for (String key : fields.keys()) {
            if (key.startsWith(prefix)) {
                String sub = key.substring(prefix.length());
                if (merged.containsKey(sub)) {
                    throw new ConfigException(
                            ConfigException.join(path(), key),
                            "given twice",
                            "either " + prefix + sub + " or " + sub + " under " + name);
                }
                merged.put(sub, fields.get(key).value());
            }
        }
        return new ParameterSection(
                new YamlNode(ConfigException.join(path(), name), merged.isEmpty() ? null : merged));
    }

    /** A list of points ({@code {latDeg, lonDeg}} maps) under {@code key}; absent = empty. */
    public java.util.List<io.cordon.pipeline.geo.GeoPoint> points(String key) {
        return fields.get(key).elements().stream().map(YamlNode::geoPoint).toList();
    }

    public double number(String key, double defaultValue) {
        return fields.get(key).number(defaultValue);
    }

    public long integer(String key, long defaultValue) {
        return fields.get(key).integer(defaultValue);
    }

    public boolean bool(String key, boolean defaultValue) {
        return fields.get(key).bool(defaultValue);
    }

    public String text(String key, String defaultValue) {
        return fields.get(key).text(defaultValue);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        return fields.get(key).enumValue(type, defaultValue);
    }

    /**
     * Runs a parameters record's constructor, re-rooting its {@link ConfigException} at this
     * section ({@code minDurationS} becomes {@code detectors.loitering.minDurationS}).
     */
    public <T> T build(java.util.function.Supplier<T> constructor) {
        return node.build(constructor);
    }

    private static String[] keysOf(YamlNode node) {
        if (!(node.value() instanceof Map<?, ?> map)) {
            throw new ConfigException(
                    node.path(), node.value(), "a map of parameter names to values");
        }
        return map.keySet().stream().map(String::valueOf).toArray(String[]::new);
    }
}
