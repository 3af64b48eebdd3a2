package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeResult;
import java.util.Arrays;

/**
 * Cuts a byte stream of ASTERIX data blocks (TCP, or a raw recording) into blocks by their header:
 * one octet CAT, two octets LEN (big-endian, the whole block including these three). A block split
 * across chunks waits for its end. A LEN below 4 means the stream is out of step: there is no
 * marker to resynchronise on, so the buffered bytes are reported as one error and dropped and
 * framing restarts with the next chunk. Not thread-safe: one per stream.
 */
public final class AsterixBlockFramer {
    static final int HEADER_OCTETS = 3;

    private byte[] pending = new byte[0];
    private long pendingOffset;

    /** Every block that {@code chunk} completes, in order. */
    public DecodeResult<Frame> accept(byte[] chunk) {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (chunk == null || chunk.length == 0) {
            return out.build();
        }
        byte[] buf = pending.length == 0 ? chunk : LineFramer.concat(pending, chunk);
        int pos = 0;
        while (buf.length - pos >= HEADER_OCTETS) {
            int len = ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
            if (len < HEADER_OCTETS + 1) {
                out.error(
                        "ASTERIX block length "
                                + len
                                + " < 4 (stream out of step): "
                                + (buf.length - pos)
                                + " bytes dropped",
                        pendingOffset + pos,
                        Arrays.copyOfRange(buf, pos, buf.length));
                pos = buf.length;
                break;
            }
            if (buf.length - pos < len) {
                break;
            }
            out.value(new Frame(pendingOffset + pos, -1, Arrays.copyOfRange(buf, pos, pos + len)));
            pos += len;
        }
        pending = Arrays.copyOfRange(buf, pos, buf.length);
        pendingOffset += pos;
        return out.build();
    }

    /** An error for a block cut short by the end of the stream, if any. */
    public DecodeResult<Frame> finish() {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (pending.length > 0) {
            out.error(
                    "stream ended inside an ASTERIX block (" + pending.length + " bytes)",
                    pendingOffset,
                    pending);
            pendingOffset += pending.length;
            pending = new byte[0];
        }
        return out.build();
    }
}
