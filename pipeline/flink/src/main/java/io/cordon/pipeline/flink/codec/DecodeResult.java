package io.cordon.pipeline.flink.codec;

import java.util.Objects;

/**
 * The outcome of decoding one message: either a value or a human-readable reason why the input was
 * refused. Decoders return it instead of throwing, so that callers can dead-letter the input with
 * the reason and go on.
 *
 * @param <T> the decoded type
 */
public sealed interface DecodeResult<T> permits DecodeResult.Ok, DecodeResult.Failed {

    /** A successfully decoded value. */
    record Ok<T>(T value) implements DecodeResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A refused input.
     *
     * @param reason what was wrong, naming the field and the allowed range, e.g. {@code
     *     "position.position.lat_deg must be in [-90, 90], was 91.0"}
     */
    record Failed<T>(String reason) implements DecodeResult<T> {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure needs a reason");
            }
        }
    }

    static <T> DecodeResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> DecodeResult<T> failed(String reason) {
        return new Failed<>(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The value, for callers that know the input is valid (tests, data written by Cordon itself).
     *
     * @throws IllegalStateException with the reason when decoding failed
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Failed<T>) this).reason());
    }
}
