package io.cordon.connectors.tak;

/** The protobuf base-128 varint the TAK headers use (TAK README, "Varint Encoding"). */
final class Varint {
    static final int MAX_BYTES = 10;

    private Varint() {}

    /**
     * The varint at {@code bytes[from]}: {@code {value, byteCount}}, or null when it does not end
     * before {@code to} or within 10 bytes. See {@link #complete} to tell the two apart.
     */
    static long[] read(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (from + i >= to) {
                return null;
            }
            byte b = bytes[from + i];
            value |= (long) (b & 0x7F) << (7 * i);
            if (b >= 0) {
                return new long[] {value, i + 1};
            }
        }
        return null;
    }

    /** True when the bytes from {@code from} to {@code to} cannot be the start of a varint. */
    static boolean overlong(byte[] bytes, int from, int to) {
        return to - from >= MAX_BYTES && read(bytes, from, to) == null;
    }
}
