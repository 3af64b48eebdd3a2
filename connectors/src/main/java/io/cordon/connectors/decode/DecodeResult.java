package io.cordon.connectors.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * What a decoder made of its input: every value it could decode and an error for every unit it
 * could not. A bad unit never costs the good ones around it.
 *
 * @param values decoded values in input order
 * @param errors errors in input order
 */
public record DecodeResult<T>(List<T> values, List<DecodeError> errors) {
    public DecodeResult {
        values = List.copyOf(values);
        errors = List.copyOf(errors);
    }

    public static <T> DecodeResult<T> of(T value) {
        return new DecodeResult<>(List.of(value), List.of());
    }

    public static <T> DecodeResult<T> error(String reason, long offset, byte[] raw) {
        return new DecodeResult<>(List.of(), List.of(new DecodeError(reason, offset, raw)));
    }

    /** Accumulates values and errors while a decoder walks its input. */
    public static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<DecodeError> errors = new ArrayList<>();

        public Builder<T> value(T value) {
            values.add(value);
            return this;
        }

        public Builder<T> error(String reason, long offset, byte[] raw) {
            errors.add(new DecodeError(reason, offset, raw));
            return this;
        }

        public DecodeResult<T> build() {
            return new DecodeResult<>(values, errors);
        }
    }
}
