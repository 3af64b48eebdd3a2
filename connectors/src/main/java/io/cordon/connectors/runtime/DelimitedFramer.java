package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeResult;
import java.util.Arrays;

/**
 * Cuts a stream of length-delimited protobuf messages (each preceded by its length as a base-128
 * varint, as {@code MessageLite.writeDelimitedTo} writes them) into messages. A message split
 * across chunks waits for its end. A length above {@code maxMessageBytes} or a varint longer than
 * five bytes means the stream is out of step: the buffered bytes are reported as one error and
 * dropped. Not thread-safe: one per stream.
 */
public final class DelimitedFramer {
    /** A cordon.v1.Observation is a few hundred bytes. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    private final int maxMessageBytes;
    private byte[] pending = new byte[0];
    private long pendingOffset;

    public DelimitedFramer() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public DelimitedFramer(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be >= 1, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Every message that {@code chunk} completes (without its length prefix), in order. */
    public DecodeResult<Frame> accept(byte[] chunk) {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (chunk == null || chunk.length == 0) {
            return out.build();
        }
        byte[] buf = pending.length == 0 ? chunk : LineFramer.concat(pending, chunk);
        int pos = 0;
        while (pos < buf.length) {
            long length = 0;
            int i = pos;
            int shift = 0;
            boolean complete = false;
            while (i < buf.length && i - pos < 5) {
                int b = buf[i++] & 0xFF;
                length |= (long) (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete && i - pos < 5) {
                break; // length prefix incomplete
            }
            if (!complete || length > maxMessageBytes) {
                out.error(
                        (complete
                                        ? "message length " + length + " exceeds " + maxMessageBytes
                                        : "length varint longer than 5 bytes")
                                + " (stream out of step): "
                                + (buf.length - pos)
                                + " bytes dropped",
                        pendingOffset + pos,
                        Arrays.copyOfRange(buf, pos, Math.min(buf.length, pos + 256)));
                pos = buf.length;
                break;
            }
            if (buf.length - i < length) {
                break;
            }
            out.value(
                    new Frame(
                            pendingOffset + pos, -1, Arrays.copyOfRange(buf, i, i + (int) length)));
            pos = i + (int) length;
        }
        pending = Arrays.copyOfRange(buf, pos, buf.length);
        pendingOffset += pos;
        return out.build();
    }

    /** An error for a message cut short by the end of the stream, if any. */
    public DecodeResult<Frame> finish() {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (pending.length > 0) {
            out.error(
                    "stream ended inside a message (" + pending.length + " bytes)",
                    pendingOffset,
                    pending);
            pendingOffset += pending.length;
            pending = new byte[0];
        }
        return out.build();
    }
}
