package io.cordon.connectors.decode;

/**
 * Why some input could not be decoded.
 *
 * @param reason a human-readable reason, naming the field or rule that failed
 * @param offset byte offset of the offending unit in the input (or line number for text formats,
 *     documented by the decoder)
 * @param raw the offending bytes (one record, block, sentence or message), for the dead-letter
 *     topic
 */
public record DecodeError(String reason, long offset, byte[] raw) {
    public DecodeError {
        reason = reason == null || reason.isBlank() ? "unspecified decode error" : reason;
        raw = raw == null ? new byte[0] : raw;
    }
}
