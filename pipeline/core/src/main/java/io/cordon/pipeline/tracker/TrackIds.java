package io.cordon.pipeline.tracker;

import java.time.Instant;

/**
 * Deterministic track ids: {@code "T-"} + 12 hex digits (48 bits) of a 64-bit hash (FNV-1a over the
 * UTF-16 code units, then the MurmurHash3 finaliser to spread the bits) of the initiating
 * observation's sensor id, event time and observation id. The same input gives the same id in every
 * run, after restore, and in every replica that sees the same observation (a tile and its
 * neighbour's halo), whatever else each of them sees. With n ids alive over a deployment the chance
 * of any collision is about n² / 2⁴⁹ (10⁻⁴ for n = 250 000).
 */
final class TrackIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TrackIds() {}

    static String derive(String sensorId, Instant eventTime, String observationId) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, sensorId);
        h = mix(h, '\u0000');
        h = mixDecimal(h, eventTime.getEpochSecond());
        h = mix(h, '.');
        h = mixDecimal(h, eventTime.getNano());
        h = mix(h, '\u0000');
        h = mix(h, observationId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        char[] out = new char[14];
        out[0] = 'T';
        out[1] = '-';
        for (int i = 0; i < 12; i++) {
            out[2 + i] = HEX[(int) (h >>> (60 - 4 * i)) & 0xf];
        }
        return new String(out);
    }

    /** Mixes the characters of {@code Long.toString(v)} without making the string. */
    private static long mixDecimal(long h, long v) {
        if (v == Long.MIN_VALUE) {
            return mix(h, Long.toString(v));
        }
        if (v < 0) {
            h = mix(h, '-');
            v = -v;
        }
        long scale = 1;
        while (v / scale >= 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            h = mix(h, (char) ('0' + (v / scale) % 10));
        }
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return h;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }
}
