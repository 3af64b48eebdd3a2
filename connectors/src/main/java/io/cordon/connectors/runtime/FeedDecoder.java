package io.cordon.connectors.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Turns the bytes of one feed (one TCP connection, one UDP socket, one file) into observations and
 * errors, one {@link FeedItem} per input record. Never throws on bad input. Holds the state of the
 * feed (partial frames, AIS fragments): one instance per connection, not thread-safe.
 */
public interface FeedDecoder {
    /**
     * Decodes a chunk: for a stream, whatever the last read returned; for datagrams, one datagram.
     *
     * @param receivedAt when the chunk arrived (used by formats whose records carry only a time of
     *     day or a second of the minute)
     */
    List<FeedItem> decode(byte[] chunk, Instant receivedAt);

    /** The end of the feed: errors for partial frames left over, last unterminated records. */
    List<FeedItem> finish();
}
