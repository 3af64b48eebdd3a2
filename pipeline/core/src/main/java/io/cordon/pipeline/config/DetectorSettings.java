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
                    "zoneIntrusion",
                    "identityConflict");

    public static final DetectorSettings NONE = new DetectorSettings(Map.of());

    public DetectorSettings {
        sections = java.util.Collections.unmodifiableMap(new TreeMap<>(sections));
        for (String name : sections.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new ConfigException(name, "unknown detector " + name, "one of " + KNOWN);
            }
        }
    }

    /** The section of {@code detectorName}, or an empty one (all defaults) when absent. */
    public ParameterSection of(String detectorName) {
        ParameterSection s = sections.get(detectorName);
        return s != null ? s : ParameterSection.empty("detectors." + detectorName);
    }
}
