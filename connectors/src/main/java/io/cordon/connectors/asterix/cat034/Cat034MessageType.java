package io.cordon.connectors.asterix.cat034;

/** CAT034 I000 message type (EUROCONTROL-SPEC-0149-2b edition 1.27, section 5.2.1). */
public enum Cat034MessageType {
    NORTH_MARKER(1),
    SECTOR_CROSSING(2),
    GEOGRAPHICAL_FILTERING(3),
    JAMMING_STROBE(4),
    SOLAR_STORM(5),
    SSR_JAMMING_STROBE(6),
    MODE_S_JAMMING_STROBE(7),
    /** A code this edition does not define, or I000 absent. */
    UNKNOWN(-1);

    private final int code;

    Cat034MessageType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Cat034MessageType of(int code) {
        for (Cat034MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
