package io.cordon.connectors.asterix;

import java.util.List;

/**
 * A category's User Application Profile: which data item each field reference number (FRN) of the
 * FSPEC stands for, in transmission order.
 *
 * @param category the ASTERIX category (0 to 255)
 * @param edition the specification edition this profile follows, for error messages and docs
 * @param items the item for FRN 1, 2, ... in order (spare FRNs as {@link ItemSpec#spare()})
 */
public record Uap(int category, String edition, List<ItemSpec> items) {
    /** FRNs a {@code long} presence mask can hold; no published UAP comes close. */
    public static final int MAX_FRN = 63;

    public Uap {
        if (category < 0 || category > 255) {
            throw new IllegalArgumentException("category must be in [0, 255], was " + category);
        }
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_FRN) {
            throw new IllegalArgumentException(
                    "a UAP has 1 to " + MAX_FRN + " FRNs, this one has " + items.size());
        }
    }

    public static Uap of(int category, String edition, ItemSpec... itemsByFrn) {
        return new Uap(category, edition, List.of(itemsByFrn));
    }

    /** Number of FRNs defined (the highest FRN). */
    public int size() {
        return items.size();
    }

    /** The item for {@code frn} (1 based). */
    public ItemSpec item(int frn) {
        return items.get(frn - 1);
    }

    /** FRN (1 based) of the item named {@code id}, or -1. */
    public int frnOf(String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** {@code CAT048 (ed. 1.21)}: how errors name the profile. */
    public String label() {
        return String.format("CAT%03d (ed. %s)", category, edition);
    }
}
