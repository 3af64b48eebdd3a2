package io.cordon.connectors.transport;

import io.cordon.connectors.runtime.Framing;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Accepts TCP connections (sensor nodes that connect to Cordon, such as SAPIENT nodes or CoT
 * senders); every connection gets its own handler and thread, up to {@code maxConnections} at once
 * (further connections are closed on accept, with a log line).
 */
public final class TcpServer implements Transport {
    private final InetSocketAddress bind;
    private final int maxConnections;
    private final Consumer<String> log;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch bound = new CountDownLatch(1);
    private final ExecutorService threads =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "tcp-connection");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile ServerSocket server;
    private volatile boolean closed;

    public TcpServer(String host, int port, int maxConnections, Consumer<String> log) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException(
                    "maxConnections must be >= 1, was " + maxConnections);
        }
        this.bind = new InetSocketAddress(host, port);
        this.maxConnections = maxConnections;
        this.log = log;
    }

    @Override
    public Framing framing() {
        return Framing.STREAM;
    }

    @Override
    public void run(Supplier<ChunkHandler> connections) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(bind);
            server = s;
            bound.countDown();
            while (!closed) {
                Socket socket;
                try {
                    socket = s.accept();
                } catch (SocketException e) {
                    if (closed) {
                        break;
                    }
                    throw e;
                }
                if (open.size() >= maxConnections) {
                    log.accept(
                            "refusing "
                                    + socket.getRemoteSocketAddress()
                                    + ": "
                                    + maxConnections
                                    + " connections already open");
                    socket.close();
                    continue;
                }
                open.add(socket);
                ChunkHandler handler = connections.get();
                threads.execute(() -> serve(socket, handler));
            }
        } finally {
            bound.countDown();
            close();
            try {
                threads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(Socket socket, ChunkHandler handler) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        log.accept("connection from " + peer);
        try (socket) {
            StreamReader.pump(socket.getInputStream(), handler);
        } catch (IOException e) {
            if (!closed) {
                log.accept("connection from " + peer + " failed: " + e.getMessage());
            }
        } finally {
            open.remove(socket);
            handler.onEnd();
            log.accept("connection from " + peer + " closed");
        }
    }

    /** The bound port (waits up to 10 s for {@link #run} to bind). */
    public int localPort() throws InterruptedException {
        bound.await(10, TimeUnit.SECONDS);
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public String describe() {
        return "tcp://" + bind.getHostString() + ":" + bind.getPort() + " (listen)";
    }

    @Override
    public void close() {
        closed = true;
        ServerSocket s = server;
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdown();
    }
}
