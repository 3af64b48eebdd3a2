package io.cordon.pipeline.config;

/**
 * What a partner may see of what it receives. Applied to every alert and track before it leaves
 * Cordon (see {@code io.cordon.pipeline.sharing.redaction}).
 *
 * <p>YAML (every key optional): {@code hideSensors: true}, {@code positions: EXACT | GRID |
 * HIDDEN}, {@code gridM: 1000}, {@code dropIdentities: true}.
 *
 * @param hideSensors remove sensor identities (track sensor ids, evidence naming sensors) and
 *     sensor positions
 * @param positions how target positions are released
 * @param gridM cell size for {@link PositionRule#GRID}, metres, in [10, 100 000]
 * @param dropIdentities remove cooperative identities (MMSI, ICAO 24-bit address, callsign, CoT
 *     uid) from tracks and alert evidence
 */
public record FieldRules(
        boolean hideSensors, PositionRule positions, double gridM, boolean dropIdentities) {
    /** Nothing hidden. */
    public static final FieldRules NONE = new FieldRules(false, PositionRule.EXACT, 1000, false);

    /** How target positions are released. */
    public enum PositionRule {
        /** As estimated. */
        EXACT,
        /** Snapped to the centre of a cell of {@code gridM}; covariances dropped. */
        GRID,
        /** Not at all: alerts without location, no track feed. */
        HIDDEN
    }

    public FieldRules {
        ConfigChecks.required("positions", positions, "one of EXACT, GRID, HIDDEN");
        ConfigChecks.within("gridM", gridM, 10, 100_000);
    }

    /** True when nothing is removed or changed. */
    public boolean releasesEverything() {
        return !hideSensors && positions == PositionRule.EXACT && !dropIdentities;
    }
}
