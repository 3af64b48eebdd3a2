package io.cordon.connectors.asterix.encode;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes one ASTERIX data block: CAT, LEN (16 bits, big-endian, counting the three header octets),
 * then records, each an FSPEC (seven FRNs per octet, most significant bit first, FX on every octet
 * but the last) followed by its items in FRN order.
 *
 * <p>Use: {@code new AsterixBlockWriter(48).item(1, ...).item(2, ...).endRecord() ... build()}.
 * Items of a record must be given in increasing FRN order.
 */
public final class AsterixBlockWriter {
    /** Largest data block LEN can express. */
    public static final int MAX_BLOCK_LENGTH = 0xFFFF;

    private final int category;
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private final ByteArrayOutputStream items = new ByteArrayOutputStream();
    private byte[] fspec = new byte[4];
    private int lastFrn;
    private int recordCount;

    public AsterixBlockWriter(int category) {
        if (category < 0 || category > 255) {
            throw new IllegalArgumentException("category must be in [0, 255], was " + category);
        }
        this.category = category;
    }

    /** Adds item {@code frn} (1-based) with its encoded octets to the current record. */
    public AsterixBlockWriter item(int frn, byte... octets) {
        if (frn <= lastFrn) {
            throw new IllegalArgumentException(
                    "items must be added in increasing FRN order: " + frn + " after " + lastFrn);
        }
        int octet = (frn - 1) / 7;
        if (octet >= fspec.length) {
            fspec = Arrays.copyOf(fspec, octet + 1);
        }
        fspec[octet] |= (byte) (0x80 >>> ((frn - 1) % 7));
        items.writeBytes(octets);
        lastFrn = frn;
        return this;
    }

    /** Closes the current record (at least one item). */
    public AsterixBlockWriter endRecord() {
        if (lastFrn == 0) {
            throw new IllegalStateException("a record needs at least one item");
        }
        int octets = (lastFrn - 1) / 7 + 1;
        for (int i = 0; i < octets - 1; i++) {
            fspec[i] |= 1;
        }
        records.write(fspec, 0, octets);
        records.writeBytes(items.toByteArray());
        items.reset();
        Arrays.fill(fspec, (byte) 0);
        lastFrn = 0;
        recordCount++;
        return this;
    }

    /** Octets the block would have now (header included, open record excluded). */
    public int length() {
        return 3 + records.size();
    }

    public int recordCount() {
        return recordCount;
    }

    /** The data block; an open record is closed first. */
    public byte[] build() {
        if (lastFrn != 0) {
            endRecord();
        }
        if (recordCount == 0) {
            throw new IllegalStateException("a data block needs at least one record");
        }
        int length = length();
        if (length > MAX_BLOCK_LENGTH) {
            throw new IllegalStateException(
                    "data block of " + length + " octets exceeds LEN's " + MAX_BLOCK_LENGTH);
        }
        byte[] block = new byte[length];
        block[0] = (byte) category;
        block[1] = (byte) (length >>> 8);
        block[2] = (byte) length;
        byte[] body = records.toByteArray();
        System.arraycopy(body, 0, block, 3, body.length);
        return block;
    }

    /** Big-endian octets of the low {@code count * 8} bits of {@code value}. */
    static byte[] be(long value, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) (value >>> (8 * (count - 1 - i)));
        }
        return out;
    }
}
