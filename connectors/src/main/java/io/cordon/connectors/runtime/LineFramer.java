package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeResult;
import java.util.Arrays;

/**
 * Cuts a byte stream read in arbitrary chunks into lines ({@code \n} or {@code \r\n}). A line not
 * yet terminated waits for the next chunk; {@link #finish()} hands out a last unterminated line. A
 * line longer than {@code maxLineBytes} is an error carrying its first bytes and is skipped up to
 * the next line end, so one runaway line costs nothing else. Not thread-safe: one per stream.
 */
public final class LineFramer {
    /** NMEA 0183 sentences are at most 82 characters; TAG blocks add a few dozen. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4096;

    private final int maxLineBytes;
    private byte[] pending = new byte[0];
    private long pendingOffset;
    private long nextLine = 1;
    private boolean discarding;

    public LineFramer() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public LineFramer(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be >= 1, was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Every line that {@code chunk} completes, in order, and an error per oversize line. */
    public DecodeResult<Frame> accept(byte[] chunk) {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (chunk == null || chunk.length == 0) {
            return out.build();
        }
        byte[] buf = pending.length == 0 ? chunk : concat(pending, chunk);
        int start = 0;
        for (int i = 0; i < buf.length; i++) {
            if (buf[i] != '\n') {
                continue;
            }
            if (discarding) {
                discarding = false;
            } else {
                int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                emit(buf, start, end, out);
            }
            nextLine++;
            start = i + 1;
        }
        long consumedOffset = pendingOffset + start;
        byte[] rest = Arrays.copyOfRange(buf, start, buf.length);
        if (!discarding && rest.length > maxLineBytes) {
            out.error(
                    "line " + nextLine + " longer than " + maxLineBytes + " bytes",
                    consumedOffset,
                    Arrays.copyOf(rest, Math.min(rest.length, 256)));
            discarding = true;
        }
        if (discarding) {
            consumedOffset += rest.length;
            rest = new byte[0];
        }
        pending = rest;
        pendingOffset = consumedOffset;
        return out.build();
    }

    /** The last line when the stream ended without a line end. */
    public DecodeResult<Frame> finish() {
        DecodeResult.Builder<Frame> out = new DecodeResult.Builder<>();
        if (pending.length > 0 && !discarding) {
            int end = pending[pending.length - 1] == '\r' ? pending.length - 1 : pending.length;
            emit(pending, 0, end, out);
            nextLine++;
        }
        pendingOffset += pending.length;
        pending = new byte[0];
        discarding = false;
        return out.build();
    }

    private void emit(byte[] buf, int from, int to, DecodeResult.Builder<Frame> out) {
        if (to - from > maxLineBytes) {
            out.error(
                    "line " + nextLine + " longer than " + maxLineBytes + " bytes",
                    pendingOffset + from,
                    Arrays.copyOfRange(buf, from, Math.min(to, from + 256)));
            return;
        }
        out.value(new Frame(pendingOffset + from, nextLine, Arrays.copyOfRange(buf, from, to)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
