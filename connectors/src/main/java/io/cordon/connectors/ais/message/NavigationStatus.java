package io.cordon.connectors.ais.message;

/** Navigational status (ITU-R M.1371-5 Table 48, field "Navigational status", 4 bits). */
public enum NavigationStatus {
    UNDER_WAY_USING_ENGINE,
    AT_ANCHOR,
    NOT_UNDER_COMMAND,
    RESTRICTED_MANOEUVRABILITY,
    CONSTRAINED_BY_DRAUGHT,
    MOORED,
    AGROUND,
    ENGAGED_IN_FISHING,
    UNDER_WAY_SAILING,
    RESERVED_HSC,
    RESERVED_WIG,
    POWER_DRIVEN_TOWING_ASTERN,
    POWER_DRIVEN_PUSHING_AHEAD_OR_TOWING_ALONGSIDE,
    RESERVED_13,
    AIS_SART_ACTIVE,
    NOT_DEFINED;

    private static final NavigationStatus[] BY_CODE = values();

    /** The status for a 4-bit code (0-15). */
    public static NavigationStatus of(int code) {
        return BY_CODE[code & 0xF];
    }

    public int code() {
        return ordinal();
    }
}
