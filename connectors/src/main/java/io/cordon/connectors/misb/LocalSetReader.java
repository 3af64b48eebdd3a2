package io.cordon.connectors.misb;

/**
 * Walks the items of a KLV Local Set in {@code bytes[from, to)}: BER-OID tag, BER length, value.
 * Never throws; a malformed item sets {@link #error()} and ends the walk.
 */
final class LocalSetReader {
    private final byte[] bytes;
    private final int end;
    private int pos;
    private int tag;
    private int valueFrom;
    private int valueTo;
    private String error;

    LocalSetReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.pos = from;
        this.end = to;
    }

    /** Moves to the next item; false at the end of the set or on error. */
    boolean next() {
        if (error != null || pos >= end) {
            return false;
        }
        long[] t = Ber.oid(bytes, pos, end);
        if (t == null) {
            return fail("tag at offset " + pos + " is not a BER-OID");
        }
        long[] length = Ber.length(bytes, pos + (int) t[1], end);
        if (length == null) {
            return fail("tag " + t[0] + " has a malformed BER length");
        }
        int from = pos + (int) t[1] + (int) length[1];
        if (length[0] > end - from) {
            return fail("tag " + t[0] + " length " + length[0] + " runs past the end of its set");
        }
        tag = (int) t[0];
        valueFrom = from;
        valueTo = from + (int) length[0];
        pos = valueTo;
        return true;
    }

    int tag() {
        return tag;
    }

    int valueFrom() {
        return valueFrom;
    }

    int valueTo() {
        return valueTo;
    }

    int length() {
        return valueTo - valueFrom;
    }

    String error() {
        return error;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }
}
