package io.cordon.connectors.misb;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Value encodings shared by ST 0601 and ST 0903. */
final class MisbValues {
    private MisbValues() {}

    /** ST 0603 time stamp: 8-byte unsigned microseconds since 1970-01-01T00:00:00Z. */
    static Optional<Instant> timestamp(byte[] b, int from, int length) {
        if (length != 8) {
            return null;
        }
        long micros = Ber.unsigned(b, from, 8);
        if (micros < 0) {
            return null;
        }
        return Optional.of(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
    }

    static String text(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.UTF_8);
    }

    /** A variable-length unsigned integer of 1-8 bytes; null when the length is outside that. */
    static OptionalLong unsigned(byte[] b, int from, int length) {
        if (length < 1 || length > 8) {
            return null;
        }
        long value = Ber.unsigned(b, from, length);
        return value < 0 ? null : OptionalLong.of(value);
    }

    static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
