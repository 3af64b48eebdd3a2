package io.cordon.connectors.tak;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a TAK stream (TCP): messages {@code 0xBF <length varint> <payload>} back to back. Inputs
 * are chunks as they arrive; a message split across chunks is kept until it completes.
 *
 * <p>Bytes that do not start with the 0xBF magic are skipped to the next 0xBF with one error for
 * the skipped run; a length above {@code maxMessageBytes} or an overlong varint is an error, after
 * which the decoder resynchronises on the next 0xBF. Error offsets are byte offsets in the whole
 * stream since this decoder was created.
 *
 * <p>Not thread-safe: one decoder per connection.
 */
public final class TakStreamDecoder implements Decoder<TakMessage> {
    /** TAK events are a few hundred bytes; large detail blobs stay well under this. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

    private final int maxMessageBytes;
    private byte[] pending = new byte[0];
    private long pendingOffset;

    public TakStreamDecoder() {
        this(DEFAULT_MAX_MESSAGE_BYTES);
    }

    public TakStreamDecoder(int maxMessageBytes) {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be >= 1, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public DecodeResult<TakMessage> decode(byte[] chunk) {
        DecodeResult.Builder<TakMessage> out = new DecodeResult.Builder<>();
        if (chunk == null || chunk.length == 0) {
            return out.build();
        }
        byte[] buf = pending.length == 0 ? chunk : concat(pending, chunk);
        int pos = 0;
        while (pos < buf.length) {
            if ((buf[pos] & 0xFF) != TakMeshDecoder.MAGIC) {
                int next = nextMagic(buf, pos + 1);
                out.error(
                        (next - pos) + " bytes without the 0xBF magic skipped",
                        pendingOffset + pos,
                        Arrays.copyOfRange(buf, pos, next));
                pos = next;
                continue;
            }
            long[] length = Varint.read(buf, pos + 1, buf.length);
            if (length == null) {
                if (Varint.overlong(buf, pos + 1, buf.length)) {
                    out.error(
                            "length varint longer than 10 bytes",
                            pendingOffset + pos,
                            Arrays.copyOfRange(buf, pos, pos + 1 + Varint.MAX_BYTES));
                    pos++;
                    continue;
                }
                break; // header incomplete: wait for more bytes
            }
            if (length[0] < 0 || length[0] > maxMessageBytes) {
                out.error(
                        "message length "
                                + Long.toUnsignedString(length[0])
                                + " exceeds "
                                + maxMessageBytes
                                + " bytes",
                        pendingOffset + pos,
                        Arrays.copyOfRange(buf, pos, pos + 1 + (int) length[1]));
                pos++;
                continue;
            }
            int payloadFrom = pos + 1 + (int) length[1];
            int payloadTo = payloadFrom + (int) length[0];
            if (payloadTo > buf.length) {
                break; // payload incomplete: wait for more bytes
            }
            DecodeResult<TakMessage> message =
                    TakPayloadDecoder.decode(buf, payloadFrom, payloadTo);
            message.values().forEach(out::value);
            for (DecodeError e : message.errors()) {
                out.error(e.reason(), pendingOffset + pos, Arrays.copyOfRange(buf, pos, payloadTo));
            }
            pos = payloadTo;
        }
        pendingOffset += pos;
        pending = pos == buf.length ? new byte[0] : Arrays.copyOfRange(buf, pos, buf.length);
        return out.build();
    }

    /** Reports the bytes of an incomplete message left at the end of the stream, and drops them. */
    public List<DecodeError> flush() {
        if (pending.length == 0) {
            return List.of();
        }
        DecodeError e =
                new DecodeError(
                        "stream ended inside a message (" + pending.length + " bytes)",
                        pendingOffset,
                        pending);
        pendingOffset += pending.length;
        pending = new byte[0];
        return List.of(e);
    }

    private static int nextMagic(byte[] buf, int from) {
        for (int i = from; i < buf.length; i++) {
            if ((buf[i] & 0xFF) == TakMeshDecoder.MAGIC) {
                return i;
            }
        }
        return buf.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
