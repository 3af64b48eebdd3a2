package io.cordon.connectors.runtime;

/**
 * Where a connector delivers what it decoded: observations to the observations topic, errors to the
 * dead-letter topic. Called concurrently from the connections of a TCP server.
 */
public interface FeedSink extends AutoCloseable {
    /** Delivers one record's outcome (observations or an error). */
    void accept(FeedItem item);

    /** Waits until everything accepted is delivered (or failed and counted). */
    void flush();

    @Override
    void close();
}
