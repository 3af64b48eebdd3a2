package io.cordon.connectors.transport;

import io.cordon.connectors.runtime.Framing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connects to a sensor server (a TAK server, an AIS aggregator, a SAPIENT middleware) and reads
 * until the transport is closed. When the connection fails or the server closes it, it reconnects
 * after a delay that doubles from {@code minBackoff} up to {@code maxBackoff} and returns to {@code
 * minBackoff} once a connection delivered data. Every connection gets a fresh handler (framing
 * state does not carry over a reconnect).
 */
public final class TcpClient implements Transport {
    private final String host;
    private final int port;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Consumer<String> log;
    private final Object sleeper = new Object();
    private volatile Socket socket;
    private volatile boolean closed;

    public TcpClient(
            String host, int port, Duration minBackoff, Duration maxBackoff, Consumer<String> log) {
        this.host = host;
        this.port = port;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.log = log;
    }

    @Override
    public Framing framing() {
        return Framing.STREAM;
    }

    @Override
    public void run(Supplier<ChunkHandler> connections) {
        long backoffMs = minBackoff.toMillis();
        while (!closed) {
            long received = 0;
            try (Socket s = new Socket()) {
                socket = s;
                if (closed) {
                    break;
                }
                s.connect(new InetSocketAddress(host, port), 10_000);
                log.accept("connected to " + host + ":" + port);
                ChunkHandler handler = connections.get();
                try {
                    received = StreamReader.pump(s.getInputStream(), handler);
                } finally {
                    handler.onEnd();
                }
                if (!closed) {
                    log.accept("server " + host + ":" + port + " closed the connection");
                }
            } catch (IOException e) {
                if (!closed) {
                    log.accept("connection to " + host + ":" + port + " failed: " + e.getMessage());
                }
            }
            if (received > 0) {
                backoffMs = minBackoff.toMillis();
            }
            if (!closed) {
                log.accept("reconnecting in " + backoffMs + " ms");
                synchronized (sleeper) {
                    try {
                        sleeper.wait(backoffMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                backoffMs = Math.min(maxBackoff.toMillis(), backoffMs * 2);
            }
        }
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port + " (connect)";
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }
}
