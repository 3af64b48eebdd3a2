package io.cordon.connectors.transport;

import java.time.Instant;

/**
 * Receives the bytes of one connection (a TCP connection, a UDP socket, a file) in order. Called
 * from the transport's thread for that connection; one handler per connection.
 */
public interface ChunkHandler {
    /**
     * Bytes as they arrived: a datagram, or what one read of a stream returned.
     *
     * @param bytes the bytes (owned by the handler from now on)
     * @param receivedAt when they arrived (wall clock)
     */
    void onChunk(byte[] bytes, Instant receivedAt);

    /** The connection ended (peer closed, file ended, transport closed). Called once. */
    void onEnd();
}
