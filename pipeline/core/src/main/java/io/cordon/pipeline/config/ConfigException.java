package io.cordon.pipeline.config;

/**
 * An invalid configuration value. The message names the key path (for example {@code
 * partners[1].sharing.minSeverity}), the value found and what is allowed, so the person editing
 * {@code cordon.yaml} can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String keyPath;
    private final String found;
    private final String allowed;

    /**
     * @param keyPath dotted key path relative to where the value was checked
     * @param found the offending value (null when the key is missing)
     * @param allowed what would have been accepted, in words
     */
    public ConfigException(String keyPath, Object found, String allowed) {
        this(keyPath, describe(found), allowed, null);
    }

    /** As {@link #ConfigException(String, Object, String)}, keeping the underlying cause. */
    public ConfigException(String keyPath, Object found, String allowed, Throwable cause) {
        this(keyPath, describe(found), allowed, cause);
    }

    private ConfigException(String keyPath, String found, String allowed, Throwable cause) {
        super(keyPath + ": found " + found + "; allowed: " + allowed, cause);
        this.keyPath = keyPath;
        this.found = found;
        this.allowed = allowed;
    }

    /**
     * The same problem seen from {@code parentPath}: {@code sharing.x} under {@code partners[1]}.
     */
    public ConfigException under(String parentPath) {
        return new ConfigException(join(parentPath, keyPath), found, allowed, getCause());
    }

    public String keyPath() {
        return keyPath;
    }

    public String found() {
        return found;
    }

    public String allowed() {
        return allowed;
    }

    static String join(String parent, String child) {
        if (parent == null || parent.isEmpty()) {
            return child;
        }
        if (child.isEmpty()) {
            return parent;
        }
        return child.startsWith("[") ? parent + child : parent + "." + child;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing (missing)";
        }
        if (value instanceof CharSequence text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }
}
