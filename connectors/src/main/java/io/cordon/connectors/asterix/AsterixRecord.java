package io.cordon.connectors.asterix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One delimited ASTERIX record: a view over the input bytes with the offset and length of every
 * item its FSPEC announces. The bytes are not copied; a record is valid while its input is.
 */
public final class AsterixRecord {
    private final byte[] input;
    private final int offset;
    private final int length;
    private final Uap uap;
    private final int[] itemOffsets;
    private final int[] itemLengths;

    AsterixRecord(
            byte[] input, int offset, int length, Uap uap, int[] itemOffsets, int[] itemLengths) {
        this.input = input;
        this.offset = offset;
        this.length = length;
        this.uap = uap;
        this.itemOffsets = itemOffsets;
        this.itemLengths = itemLengths;
    }

    public int category() {
        return uap.category();
    }

    public Uap uap() {
        return uap;
    }

    /** The whole input the record was read from (not a copy). */
    public byte[] input() {
        return input;
    }

    /** Offset of the record's first FSPEC octet in {@link #input()}. */
    public int offset() {
        return offset;
    }

    /** Record length in octets, FSPEC included. */
    public int lengthOctets() {
        return length;
    }

    /** A copy of the record's bytes (for the dead-letter topic). */
    public byte[] bytes() {
        return Arrays.copyOfRange(input, offset, offset + length);
    }

    /** True when the FSPEC announces {@code frn}. */
    public boolean has(int frn) {
        return frn >= 1 && frn < itemOffsets.length && itemOffsets[frn] >= 0;
    }

    /** Offset in {@link #input()} of item {@code frn}, or -1 when absent. */
    public int itemOffset(int frn) {
        return has(frn) ? itemOffsets[frn] : -1;
    }

    /** Length in octets of item {@code frn}, or 0 when absent. */
    public int itemLength(int frn) {
        return has(frn) ? itemLengths[frn] : 0;
    }

    /** Offset of subfield {@code index} (0 based) of compound item {@code frn}, or -1. */
    public int subfieldOffset(int frn, int index) {
        if (!has(frn) || !(uap.item(frn).format() instanceof ItemFormat.Compound compound)) {
            return -1;
        }
        return compound.subfieldOffset(input, itemOffsets[frn], index);
    }

    /** Ids of the items present, in FRN order ({@code [I010, I140, ...]}). */
    public List<String> itemIds() {
        List<String> ids = new ArrayList<>();
        for (int frn = 1; frn < itemOffsets.length; frn++) {
            if (itemOffsets[frn] >= 0) {
                ids.add(uap.item(frn).id());
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return uap.label() + " record at " + offset + " (" + length + " octets) " + itemIds();
    }
}
