package io.cordon.connectors.ais.nmea;

/**
 * The NMEA 0183 checksum: the XOR of every byte between the start delimiter ({@code !}, {@code $}
 * or the TAG block's {@code \}) and the {@code *}, written as two hex digits after the {@code *}.
 */
public final class NmeaChecksum {
    private NmeaChecksum() {}

    /** XOR of {@code bytes[from, to)}. */
    public static int compute(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum ^= bytes[i];
        }
        return sum & 0xFF;
    }

    /**
     * The value of the two hex digits at {@code bytes[at]} and {@code bytes[at + 1]}, or -1 when
     * they are missing or not hex digits (either case accepted).
     */
    public static int parseHexPair(byte[] bytes, int at, int end) {
        if (at + 1 >= end) {
            return -1;
        }
        int hi = hexValue(bytes[at]);
        int lo = hexValue(bytes[at + 1]);
        return hi < 0 || lo < 0 ? -1 : (hi << 4) | lo;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}
