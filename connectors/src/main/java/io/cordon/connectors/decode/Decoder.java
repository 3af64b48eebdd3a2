package io.cordon.connectors.decode;

/**
 * Decodes one unit of transport (a datagram, a file chunk, a line, a framed message) of a format.
 * Implementations never throw on bad input: they return errors with reasons.
 */
@FunctionalInterface
public interface Decoder<T> {
    DecodeResult<T> decode(byte[] input);
}
