package io.cordon.connectors.cot;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a legacy (TAK protocol version 0) CoT stream: XML events back to back on TCP, each
 * optionally preceded by its {@code <?xml ...?>} declaration, split after every {@code </event>} as
 * the TAK protocol README prescribes. Inputs are chunks as they arrive; an event split across
 * chunks waits for its end. Whitespace between events is skipped.
 *
 * <p>When more than {@code maxEventBytes} accumulate without an {@code </event>}, they are dropped
 * with an error and decoding resumes at the next {@code <}. Error offsets are byte offsets in the
 * whole stream. Not thread-safe: one decoder per connection.
 */
public final class CotStreamDecoder implements Decoder<CotEvent> {
    public static final int DEFAULT_MAX_EVENT_BYTES = 1 << 20;
    private static final byte[] END = "</event>".getBytes(StandardCharsets.US_ASCII);

    private final CotXmlDecoder xml = new CotXmlDecoder();
    private final int maxEventBytes;
    private byte[] pending = new byte[0];
    private long pendingOffset;

    public CotStreamDecoder() {
        this(DEFAULT_MAX_EVENT_BYTES);
    }

    public CotStreamDecoder(int maxEventBytes) {
        if (maxEventBytes < END.length) {
            throw new IllegalArgumentException("maxEventBytes must be >= 8, was " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
    }

    @Override
    public DecodeResult<CotEvent> decode(byte[] chunk) {
        DecodeResult.Builder<CotEvent> out = new DecodeResult.Builder<>();
        if (chunk == null || chunk.length == 0) {
            return out.build();
        }
        byte[] buf = pending.length == 0 ? chunk : concat(pending, chunk);
        int pos = skipSpace(buf, 0);
        while (pos < buf.length) {
            int end = indexOf(buf, END, pos);
            if (end < 0) {
                if (buf.length - pos > maxEventBytes) {
                    int next = indexOf(buf, new byte[] {'<'}, pos + 1);
                    next = next < 0 ? buf.length : next;
                    out.error(
                            "no </event> within " + maxEventBytes + " bytes",
                            pendingOffset + pos,
                            Arrays.copyOfRange(buf, pos, Math.min(next, pos + 256)));
                    pos = next;
                    continue;
                }
                break;
            }
            int eventEnd = end + END.length;
            DecodeResult<CotEvent> event = xml.decode(Arrays.copyOfRange(buf, pos, eventEnd));
            event.values().forEach(out::value);
            for (DecodeError e : event.errors()) {
                out.error(e.reason(), pendingOffset + pos, e.raw());
            }
            pos = skipSpace(buf, eventEnd);
        }
        pendingOffset += pos;
        pending = pos >= buf.length ? new byte[0] : Arrays.copyOfRange(buf, pos, buf.length);
        return out.build();
    }

    /** Reports an unfinished event left at the end of the stream, and drops it. */
    public List<DecodeError> flush() {
        if (pending.length == 0) {
            return List.of();
        }
        DecodeError e =
                new DecodeError(
                        "stream ended inside an event (" + pending.length + " bytes)",
                        pendingOffset,
                        pending);
        pendingOffset += pending.length;
        pending = new byte[0];
        return List.of(e);
    }

    private static int skipSpace(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
