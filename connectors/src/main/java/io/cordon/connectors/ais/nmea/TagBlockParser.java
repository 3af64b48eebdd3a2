package io.cordon.connectors.ais.nmea;

import io.cordon.connectors.decode.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Parses the body of a TAG block: {@code c:1577923200,s:rcv01,g:1-2-73*5A} (the part between the
 * two backslashes). Parameters are comma-separated {@code code:value} pairs followed by {@code *}
 * and a checksum over the parameters. Codes other than {@code c}, {@code s} and {@code g} ({@code
 * d}, {@code n}, {@code r}, {@code t}) are accepted and ignored.
 */
final class TagBlockParser {
    /** Larger {@code c:} values are taken as milliseconds (year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private TagBlockParser() {}

    /**
     * The tag block in {@code bytes[from, to)}; errors carry offset 0 and no raw bytes (the
     * sentence parser adds them).
     */
    static DecodeResult<TagBlock> parse(byte[] bytes, int from, int to) {
        int star = -1;
        for (int i = to - 1; i >= from; i--) {
            if (bytes[i] == '*') {
                star = i;
                break;
            }
        }
        if (star < 0) {
            return fail("TAG block without checksum");
        }
        int stated = NmeaChecksum.parseHexPair(bytes, star + 1, to);
        if (stated < 0 || star + 3 != to) {
            return fail("TAG block checksum is not two hex digits");
        }
        int computed = NmeaChecksum.compute(bytes, from, star);
        if (computed != stated) {
            return fail(
                    String.format(
                            "TAG block checksum mismatch: stated %02X, computed %02X",
                            stated, computed));
        }
        Optional<Instant> time = Optional.empty();
        String source = "";
        int[] group = {0, 0, 0};
        int start = from;
        while (start < star) {
            int end = start;
            while (end < star && bytes[end] != ',') {
                end++;
            }
            if (end - start < 2 || bytes[start + 1] != ':') {
                return fail("TAG block parameter is not code:value");
            }
            byte code = bytes[start];
            if (code == 'c') {
                long value = parseLong(bytes, start + 2, end);
                if (value < 0) {
                    return fail("TAG block c: is not a UNIX time");
                }
                time =
                        Optional.of(
                                value >= MILLIS_THRESHOLD
                                        ? Instant.ofEpochMilli(value)
                                        : Instant.ofEpochSecond(value));
            } else if (code == 's') {
                source = new String(bytes, start + 2, end - start - 2, StandardCharsets.US_ASCII);
            } else if (code == 'g' && !parseGroup(bytes, start + 2, end, group)) {
                return fail("TAG block g: is not sentence-count-id");
            }
            start = end + 1;
        }
        return DecodeResult.of(new TagBlock(time, source, group[0], group[1], group[2]));
    }

    private static DecodeResult<TagBlock> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }

    private static boolean parseGroup(byte[] bytes, int from, int to, int[] out) {
        int field = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == '-') {
                if (field > 2) {
                    return false;
                }
                long value = parseLong(bytes, start, i);
                if (value < 0 || value > Integer.MAX_VALUE) {
                    return false;
                }
                out[field++] = (int) value;
                start = i + 1;
            }
        }
        return field == 3;
    }

    /** A non-negative decimal of at most 18 digits, or -1. */
    static long parseLong(byte[] bytes, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
