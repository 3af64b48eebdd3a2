package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.transport.ChunkHandler;
import io.cordon.connectors.transport.Transport;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.observation.Observation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One running connector: bytes from a transport, decoded per connection in the format of the
 * registered sensor, each record's outcome to a sink, counted in {@link FeedHealth}. A record that
 * fails is an error item for the sink; nothing a peer sends stops the connector.
 */
public final class Connector implements AutoCloseable {
    private final FeedFormat format;
    private final SensorConfig sensor;
    private final Transport transport;
    private final Function<byte[], DecodeResult<Observation>> nativeParser;
    private final FeedSink sink;
    private final FeedHealth health;
    private final boolean realtime;

    /**
     * @param realtime pace delivery by event time ({@code --replay realtime}); else as fast as read
     */
    public Connector(
            FeedFormat format,
            SensorConfig sensor,
            Transport transport,
            Function<byte[], DecodeResult<Observation>> nativeParser,
            FeedSink sink,
            FeedHealth health,
            boolean realtime) {
        this.format = format;
        this.sensor = sensor;
        this.transport = transport;
        this.nativeParser = nativeParser;
        this.sink = sink;
        this.health = health;
        this.realtime = realtime;
        // Fail on start, not on the first connection, when format and transport do not fit.
        FeedDecoders.create(format, transport.framing(), sensor, nativeParser);
    }

    /** Runs until the transport ends (files) or {@link #close()}; then flushes the sink. */
    public void run() throws IOException {
        try {
            transport.run(Handler::new);
        } finally {
            sink.flush();
        }
    }

    public FeedHealth health() {
        return health;
    }

    @Override
    public void close() {
        transport.close();
    }

    private final class Handler implements ChunkHandler {
        private final FeedDecoder decoder =
                FeedDecoders.create(format, transport.framing(), sensor, nativeParser);
        private final Pacer pacer = realtime ? new Pacer() : null;

        Handler() {
            health.connectionOpened();
        }

        @Override
        public void onChunk(byte[] bytes, Instant receivedAt) {
            health.bytesReceived(bytes.length);
            List<FeedItem> items;
            try {
                items = decoder.decode(bytes, receivedAt);
            } catch (RuntimeException e) {
                items = List.of(failure(e, bytes));
            }
            deliver(items);
        }

        @Override
        public void onEnd() {
            List<FeedItem> items;
            try {
                items = decoder.finish();
            } catch (RuntimeException e) {
                items = List.of(failure(e, new byte[0]));
            }
            deliver(items);
            health.connectionClosed();
        }

        private void deliver(List<FeedItem> items) {
            health.count(items);
            for (FeedItem item : items) {
                if (pacer != null && !item.observations().isEmpty()) {
                    try {
                        pacer.await(item.observations().get(0).eventTime());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        transport.close();
                    }
                }
                sink.accept(item);
            }
        }

        private FeedItem failure(RuntimeException e, byte[] bytes) {
            String reason = "decoder failed: " + e.getClass().getName() + ": " + e.getMessage();
            return new FeedItem("", -1, -1, -1, List.of(), new DecodeError(reason, -1, bytes));
        }
    }
}
