package io.cordon.connectors.transport;

import io.cordon.connectors.runtime.Framing;
import java.io.IOException;
import java.util.function.Supplier;

/** Where a connector's bytes come from. */
public interface Transport extends AutoCloseable {
    /** Whether chunks are datagrams or pieces of a stream. */
    Framing framing();

    /**
     * Delivers bytes until {@link #close()} is called or (files) the input ends, asking {@code
     * connections} for a handler for every new connection. Blocks the calling thread.
     *
     * @throws IOException when the transport cannot start (port taken, file missing)
     */
    void run(Supplier<ChunkHandler> connections) throws IOException;

    /** E.g. {@code udp://0.0.0.0:4000}, for logs and dead-letter sources. */
    String describe();

    /** Stops {@link #run}; idempotent, never throws. */
    @Override
    void close();
}
