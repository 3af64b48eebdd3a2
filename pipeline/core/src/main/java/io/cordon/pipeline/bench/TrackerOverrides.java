package io.cordon.pipeline.bench;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.tracker.DataAssociation;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TrackerParameters} changed by name, as {@code cordon track --param KEY=VALUE} and {@code
 * cordon detect --param tracker.KEY=VALUE} give them: every number of the record by its component
 * name, {@code turnRatesDegPerS} as a comma-separated list and {@code association} as gnn, jpda or
 * jpda-star. The sensor priors (from scenario.json) and the process noise by class are not settable
 * here. A bad key or value is a {@link ConfigException} that names {@code tracker.KEY}, the value
 * and what is allowed; the record's own checks give the allowed range.
 */
public final class TrackerOverrides {
    private static final RecordComponent[] COMPONENTS =
            TrackerParameters.class.getRecordComponents();

    private TrackerOverrides() {}

    /** The names {@link #apply} accepts, sorted. */
    public static List<String> settableKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : COMPONENTS) {
            if (settable(c)) {
                keys.add(c.getName());
            }
        }
        keys.sort(null);
        return keys;
    }

    private static boolean settable(RecordComponent c) {
        return c.getType() == double.class
                || c.getName().equals("turnRatesDegPerS")
                || c.getType() == DataAssociation.class;
    }

    /** {@code base} with each key set to its value, in key order. */
    public static TrackerParameters apply(TrackerParameters base, Map<String, String> overrides) {
        TrackerParameters p = base;
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            p = with(p, e.getKey(), e.getValue());
        }
        return p;
    }

    /** {@code base} with one key set. */
    public static TrackerParameters with(TrackerParameters base, String key, String value) {
        String path = "tracker." + key;
        Object[] values = new Object[COMPONENTS.length];
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        boolean found = false;
        for (int i = 0; i < COMPONENTS.length; i++) {
            RecordComponent c = COMPONENTS[i];
            types[i] = c.getType();
            values[i] = read(c, base);
            if (c.getName().equals(key) && settable(c)) {
                values[i] = parse(c, path, value);
                found = true;
            }
        }
        if (!found) {
            throw new ConfigException(path, key, "a tracker parameter, one of " + settableKeys());
        }
        try {
            Constructor<TrackerParameters> canonical =
                    TrackerParameters.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new ConfigException(path, value, cause.getMessage(), cause);
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(RecordComponent c, TrackerParameters p) {
        try {
            return c.getAccessor().invoke(p);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(RecordComponent c, String path, String value) {
        if (c.getType() == DataAssociation.class) {
            try {
                return DataAssociation.parse(path, value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(path, value, "gnn, jpda or jpda-star", e);
            }
        }
        if (c.getType() == double.class) {
            return number(path, value, value, "a number (Infinity allowed)");
        }
        List<Double> rates = new ArrayList<>();
        if (!value.isBlank()) {
            for (String part : value.split(",", -1)) {
                rates.add(
                        number(
                                path,
                                value,
                                part.trim(),
                                "turn rates in °/s separated by commas, e.g. 1.75,3.25 (empty:"
                                        + " a plain Kalman filter)"));
            }
        }
        return rates;
    }

    private static double number(String path, String whole, String text, String allowed) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v)) {
                throw new ConfigException(path, whole, allowed);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigException(path, whole, allowed, e);
        }
    }
}
