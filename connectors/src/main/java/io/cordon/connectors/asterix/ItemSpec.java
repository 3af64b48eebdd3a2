package io.cordon.connectors.asterix;

/**
 * One line of a User Application Profile: the data item a field reference number stands for.
 *
 * @param id the item's name as the category specification writes it ({@code I010}, {@code SP})
 * @param format its length rule; {@code null} for a spare FRN, whose length is unknown
 */
public record ItemSpec(String id, ItemFormat format) {
    private static final ItemSpec SPARE = new ItemSpec("spare", null);

    public ItemSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
    }

    public static ItemSpec item(String id, ItemFormat format) {
        if (format == null) {
            throw new IllegalArgumentException("format is required for item " + id);
        }
        return new ItemSpec(id, format);
    }

    /** A spare FRN: a record that sets it cannot be delimited. */
    public static ItemSpec spare() {
        return SPARE;
    }

    public boolean isSpare() {
        return format == null;
    }
}
