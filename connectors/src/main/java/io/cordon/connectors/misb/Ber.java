package io.cordon.connectors.misb;

/**
 * KLV length and tag encodings (SMPTE 336, MISB ST 0107): BER lengths (short form below 128, long
 * form {@code 0x8n} followed by n big-endian bytes) and BER-OID numbers (7 bits per byte, high bit
 * set on all but the last).
 */
final class Ber {
    private Ber() {}

    /**
     * The BER length at {@code bytes[at]}: {@code {value, byteCount}}, or null when it runs past
     * {@code end}, uses more than 8 length bytes, or exceeds {@code Integer.MAX_VALUE}.
     */
    static long[] length(byte[] bytes, int at, int end) {
        if (at >= end) {
            return null;
        }
        int first = bytes[at] & 0xFF;
        if (first < 0x80) {
            return new long[] {first, 1};
        }
        int n = first & 0x7F;
        if (n == 0 || n > 8 || at + 1 + n > end) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            value = (value << 8) | (bytes[at + 1 + i] & 0xFF);
        }
        return value < 0 || value > Integer.MAX_VALUE ? null : new long[] {value, 1 + n};
    }

    /** The BER-OID at {@code bytes[at]}: {@code {value, byteCount}}, or null (max 4 bytes). */
    static long[] oid(byte[] bytes, int at, int end) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            if (at + i >= end) {
                return null;
            }
            int b = bytes[at + i] & 0xFF;
            value = (value << 7) | (b & 0x7F);
            if (b < 0x80) {
                return new long[] {value, i + 1};
            }
        }
        return null;
    }

    /** Big-endian unsigned value of 1-8 bytes. */
    static long unsigned(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** Big-endian two's-complement value of 1-8 bytes. */
    static long signed(byte[] bytes, int at, int length) {
        long value = unsigned(bytes, at, length);
        int shift = 64 - 8 * length;
        return (value << shift) >> shift;
    }
}
