package io.cordon.connectors.cot;

/**
 * The affiliation atom of a CoT type, the second atom of {@code a-<affiliation>-<dimension>-...}
 * (MITRE types.txt; MIL-STD-2525 standard identities).
 */
public enum Affiliation {
    PENDING('p'),
    UNKNOWN('u'),
    ASSUMED_FRIEND('a'),
    FRIEND('f'),
    NEUTRAL('n'),
    SUSPECT('s'),
    HOSTILE('h'),
    JOKER('j'),
    FAKER('k'),
    NONE_SPECIFIED('o'),
    /** {@code .}: any affiliation (used in type patterns). */
    ANY('.'),
    /** The type is not an atom ({@code a-}) type, or the atom is not one of the above. */
    NOT_APPLICABLE('-');

    private final char code;

    Affiliation(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    static Affiliation of(char code) {
        for (Affiliation a : values()) {
            if (a.code == code && a != NOT_APPLICABLE) {
                return a;
            }
        }
        return NOT_APPLICABLE;
    }
}
