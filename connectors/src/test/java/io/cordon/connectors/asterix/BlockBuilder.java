package io.cordon.connectors.asterix;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds ASTERIX data blocks for tests: items by FRN, FSPEC computed (seven FRNs per octet, FX on
 * every octet but the last), records concatenated, CAT and LEN in front.
 */
public final class BlockBuilder {
    private final int category;
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private final TreeMap<Integer, byte[]> items = new TreeMap<>();

    public BlockBuilder(int category) {
        this.category = category;
    }

    /** Adds item {@code frn} to the current record. */
    public BlockBuilder item(int frn, int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        items.put(frn, b);
        return this;
    }

    /** Closes the current record. */
    public BlockBuilder endRecord() {
        records.writeBytes(record(items));
        items.clear();
        return this;
    }

    public byte[] build() {
        if (!items.isEmpty()) {
            endRecord();
        }
        byte[] body = records.toByteArray();
        byte[] block = new byte[body.length + 3];
        block[0] = (byte) category;
        block[1] = (byte) (block.length >>> 8);
        block[2] = (byte) block.length;
        System.arraycopy(body, 0, block, 3, body.length);
        return block;
    }

    static byte[] record(Map<Integer, byte[]> itemsByFrn) {
        int maxFrn = itemsByFrn.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        int fspecOctets = (maxFrn + 6) / 7;
        byte[] fspec = new byte[fspecOctets];
        for (int frn : itemsByFrn.keySet()) {
            fspec[(frn - 1) / 7] |= (byte) (0x80 >>> ((frn - 1) % 7));
        }
        for (int i = 0; i < fspecOctets - 1; i++) {
            fspec[i] |= 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fspec);
        itemsByFrn.values().forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Big-endian octets of the low {@code count * 8} bits of {@code value}. */
    public static int[] be(long value, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) (value >>> (8 * (count - 1 - i))) & 0xFF;
        }
        return out;
    }

    /** Concatenates octet arrays. */
    public static int[] cat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
