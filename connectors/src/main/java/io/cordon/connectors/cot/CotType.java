package io.cordon.connectors.cot;

/**
 * A CoT event type: a hyphen-separated atom path such as {@code a-h-G-E-V} (atom, hostile, ground,
 * equipment, vehicle). Only atom types ({@code a-...}) carry an affiliation and a battle dimension;
 * others ({@code b-} bits, {@code t-} tasking, ...) have {@code NOT_APPLICABLE}.
 *
 * @param value the type as written
 * @param affiliation second atom of an {@code a-} type
 * @param dimension third atom of an {@code a-} type
 */
public record CotType(String value, Affiliation affiliation, BattleDimension dimension) {
    public static CotType parse(String value) {
        String[] atoms = value.split("-", 4);
        if (atoms.length < 2 || !atoms[0].equals("a") || atoms[1].length() != 1) {
            return new CotType(value, Affiliation.NOT_APPLICABLE, BattleDimension.NOT_APPLICABLE);
        }
        Affiliation affiliation = Affiliation.of(atoms[1].charAt(0));
        BattleDimension dimension =
                atoms.length >= 3 && atoms[2].length() == 1
                        ? BattleDimension.of(atoms[2].charAt(0))
                        : BattleDimension.NOT_APPLICABLE;
        return new CotType(value, affiliation, dimension);
    }

    /** True when the atom path after the dimension starts with {@code function}, e.g. "E-V". */
    public boolean hasFunction(String function) {
        String[] atoms = value.split("-", 4);
        return atoms.length == 4
                && (atoms[3].equals(function) || atoms[3].startsWith(function + "-"));
    }
}
