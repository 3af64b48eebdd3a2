package io.cordon.connectors.tak;

import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf wire-format reader over {@code bytes[from, to)} that never throws: a malformed
 * field sets {@link #error()} and ends the read.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private final int limit;
    private int pos;
    private String error;
    private int lengthFrom;
    private int lengthTo;

    WireReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.pos = from;
        this.limit = to;
    }

    boolean hasNext() {
        return error == null && pos < limit;
    }

    String error() {
        return error;
    }

    /** The next field key (field number << 3 | wire type), or -1 on error. */
    long nextKey() {
        long key = varint();
        if (error == null && (key >>> 3) == 0) {
            fail("field number 0");
            return -1;
        }
        return key;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                fail("varint runs past the end");
                return 0;
            }
            byte b = bytes[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        fail("varint longer than 10 bytes");
        return 0;
    }

    double fixed64Double() {
        if (limit - pos < 8) {
            fail("fixed64 runs past the end");
            return 0;
        }
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = (bits << 8) | (bytes[pos + i] & 0xFF);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    /** Reads a length-delimited field; its bounds are {@link #from()} and {@link #to()}. */
    boolean lengthDelimited() {
        long length = varint();
        if (error != null) {
            return false;
        }
        if (length < 0 || length > limit - pos) {
            fail("length " + length + " runs past the end");
            return false;
        }
        lengthFrom = pos;
        lengthTo = pos + (int) length;
        pos = lengthTo;
        return true;
    }

    int from() {
        return lengthFrom;
    }

    int to() {
        return lengthTo;
    }

    String string() {
        return lengthDelimited()
                ? new String(bytes, lengthFrom, lengthTo - lengthFrom, StandardCharsets.UTF_8)
                : "";
    }

    byte[] bytes() {
        return bytes;
    }

    /** Skips a field of an unknown number. */
    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> lengthDelimited();
            case FIXED32 -> advance(4);
            default -> fail("wire type " + wireType + " is not supported");
        }
    }

    /** Checks a known field's wire type. */
    boolean expect(long key, int wireType) {
        if ((key & 7) != wireType) {
            fail("field " + (key >>> 3) + " has wire type " + (key & 7) + ", expected " + wireType);
            return false;
        }
        return true;
    }

    private void advance(int n) {
        if (limit - pos < n) {
            fail("fixed field runs past the end");
            return;
        }
        pos += n;
    }

    private void fail(String reason) {
        if (error == null) {
            error = reason;
        }
        pos = limit;
    }
}
