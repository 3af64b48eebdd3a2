package io.cordon.pipeline.config;

import java.util.regex.Pattern;

/**
 * Checks shared by the config records' compact constructors; each throws {@link ConfigException}.
 */
final class ConfigChecks {
    /** Partner ids: lower case, start with a letter, 2 to 31 characters. */
    static final Pattern PARTNER_ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

    static final String PARTNER_ID_ALLOWED =
            "a partner id matching [a-z][a-z0-9-]{1,30} (lower case, starts with a letter)";

    private ConfigChecks() {}

    static String text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, value, "a non-empty string");
        }
        return value;
    }

    static String matching(String key, String value, Pattern pattern, String allowed) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ConfigException(key, value, allowed);
        }
        return value;
    }

    static double positive(String key, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number > 0");
        }
        return value;
    }

    static double nonNegative(String key, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new ConfigException(key, value, "a finite number >= 0");
        }
        return value;
    }

    static double within(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, value, "a number in [" + min + ", " + max + "]");
        }
        return value;
    }

    static <T> T required(String key, T value, String allowed) {
        if (value == null) {
            throw new ConfigException(key, null, allowed);
        }
        return value;
    }
}
