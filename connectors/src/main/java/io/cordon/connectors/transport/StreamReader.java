package io.cordon.connectors.transport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;

/** Copies a stream to a handler in chunks as reads return them. */
final class StreamReader {
    static final int CHUNK_BYTES = 64 * 1024;

    private StreamReader() {}

    /** Reads until end of stream; returns the number of bytes read. */
    static long pump(InputStream in, ChunkHandler handler) throws IOException {
        byte[] buf = new byte[CHUNK_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n > 0) {
                handler.onChunk(Arrays.copyOf(buf, n), Instant.now());
                total += n;
            }
        }
        return total;
    }
}
