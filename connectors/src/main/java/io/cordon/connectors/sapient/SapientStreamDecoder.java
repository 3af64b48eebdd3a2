package io.cordon.connectors.sapient;

import io.cordon.connectors.decode.DecodeResult;
import java.util.Arrays;

/**
 * Decodes a SAPIENT TCP byte stream read in arbitrary chunks: keeps the bytes of a frame that is
 * not complete yet and decodes it when the rest arrives. A length prefix beyond {@link
 * SapientFraming#MAX_MESSAGE_OCTETS} means the stream is out of step: it is reported and the
 * buffered bytes are dropped (the caller should close the connection). One instance per connection;
 * not thread-safe.
 */
public final class SapientStreamDecoder {
    private byte[] pending = new byte[0];
    private long consumed;

    /** Decodes every frame completed by {@code chunk}. */
    public DecodeResult<SapientReport> accept(byte[] chunk) {
        byte[] buffer = pending.length == 0 ? chunk : concat(pending, chunk);
        DecodeResult.Builder<SapientReport> out = new DecodeResult.Builder<>();
        int at = SapientDecoder.decodeFrames(buffer, out);
        if (buffer.length - at >= SapientFraming.PREFIX_OCTETS
                && SapientFraming.length(buffer, at) > SapientFraming.MAX_MESSAGE_OCTETS) {
            out.error(
                    "frame of "
                            + SapientFraming.length(buffer, at)
                            + " octets "
                            + SapientDecoder.frameProblem(buffer, at),
                    consumed + at,
                    Arrays.copyOfRange(buffer, at, Math.min(buffer.length, at + 64)));
            at = buffer.length;
        }
        consumed += at;
        pending = Arrays.copyOfRange(buffer, at, buffer.length);
        return out.build();
    }

    /** Octets of an incomplete frame waiting for the rest. */
    public int pendingOctets() {
        return pending.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
