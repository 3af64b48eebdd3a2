package io.cordon.connectors.cot;

/**
 * The battle dimension atom of a CoT type, the third atom of {@code a-<affiliation>-<dimension>}
 * (MITRE types.txt).
 */
public enum BattleDimension {
    SPACE('P'),
    AIR('A'),
    GROUND('G'),
    SEA_SURFACE('S'),
    SUBSURFACE('U'),
    OTHER('X'),
    /** Not an atom type, no dimension atom, or an unknown one. */
    NOT_APPLICABLE('-');

    private final char code;

    BattleDimension(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static BattleDimension of(char code) {
        for (BattleDimension d : values()) {
            if (d.code == code && d != NOT_APPLICABLE) {
                return d;
            }
        }
        return NOT_APPLICABLE;
    }
}
