package io.cordon.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code detectors} section: per detector, parameters that override its documented defaults.
 * The detector names are fixed here ({@link #KNOWN}); the parameter keys belong to each detector's
 * parameters record, which reads them with {@code XParameters.from(ParameterSection)}.
 *
 * @param sections the sections present, by detector name
 */
public record DetectorSettings(Map<String, ParameterSection> sections) {
    /** Detector names allowed under {@code detectors}. */
    public static final List<String> KNOWN =
            List.of(
                    "borderCrossing",
                    "loitering",
                    "rendezvous",
                    "darkTarget",
                    "cooperativeSilence",
                    "zoneIntrusion",
                    "identityConflict",
                    "lowSlowFlyer",
                    "convoy");

    public static final DetectorSettings NONE = new DetectorSettings(Map.of());

    public DetectorSettings {
        sections = java.util.Collections.unmodifiableMap(new TreeMap<>(sections));
        for (String name : sections.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new ConfigException(name, "unknown detector " + name, "one of " + KNOWN);
            }
        }
    }

    /**
     * The section of {@code detectorName}, or an empty one (all defaults) when absent. Accepts the
     * YAML key ({@code borderCrossing}) or the detector's name in alerts ({@code border-crossing}).
     */
    public ParameterSection of(String detectorName) {
        String key = camelCase(detectorName);
        ParameterSection s = sections.get(key);
        return s != null ? s : ParameterSection.empty("detectors." + key);
    }

    static String camelCase(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
