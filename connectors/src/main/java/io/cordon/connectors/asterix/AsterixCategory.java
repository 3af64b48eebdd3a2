package io.cordon.connectors.asterix;

import io.cordon.connectors.decode.DecodeResult;

/**
 * What a category contributes to decoding: its UAP, which delimits records, and the mapping of a
 * delimited record to a typed value.
 *
 * @param <T> the typed value a record becomes
 */
public interface AsterixCategory<T> {
    Uap uap();

    /**
     * Adds the value {@code record} stands for to {@code out}, or an error with a reason (for
     * example a missing mandatory item). Never throws on the record's content.
     */
    void decode(AsterixRecord record, DecodeResult.Builder<? super T> out);
}
