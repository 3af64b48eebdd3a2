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

    /** Fails when a key other than {@code keys} is present. */
    public ParameterSection allowOnly(String... keys) {
        for (String present : fields.keys()) {
            if (!Arrays.asList(keys).contains(present)) {
                throw new ConfigException(
                        ConfigException.join(path(), present),
                        "unknown key " + present,
                        "only the keys " + String.join(", ", keys));
            }
        }
        return this;
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
