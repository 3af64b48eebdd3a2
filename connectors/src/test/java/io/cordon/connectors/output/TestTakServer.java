package io.cordon.connectors.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TAK endpoint for tests: accepts TCP (or mutual-TLS) connections on localhost and collects every
 * CoT event received, split at {@code </event>}.
 */
public final class TestTakServer implements AutoCloseable {
    public static final Path SECURITY = Path.of("src/test/resources/security");
    public static final char[] PASSWORD = "changeit".toCharArray();

    private final ServerSocket server;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<String> handshakeFailures = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TestTakServer(ServerSocket server) {
        this.server = server;
        acceptor = new Thread(this::acceptLoop, "test-tak-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TestTakServer plain() throws IOException {
        return new TestTakServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** Mutual TLS: presents tak-server.p12, accepts only clients in tak-server-trust.p12. */
    public static TestTakServer mutualTls(Path security) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in =
                java.nio.file.Files.newInputStream(security.resolve("tak-server.p12"))) {
            keys.load(in, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in =
                java.nio.file.Files.newInputStream(security.resolve("tak-server-trust.p12"))) {
            trust.load(in, PASSWORD);
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket s =
                (SSLServerSocket)
                        ctx.getServerSocketFactory()
                                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setNeedClientAuth(true);
        return new TestTakServer(s);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every event received so far, in arrival order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    public List<String> handshakeFailures() {
        return List.copyOf(handshakeFailures);
    }

    /** Waits until at least {@code n} events arrived or the timeout passes; returns the events. */
    public List<String> await(int n, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return events();
    }

    /**
     * Waits until at least {@code n} connections failed their TLS handshake here or the timeout
     * passes; returns the failures.
     */
    public List<String> awaitHandshakeFailures(int n, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (handshakeFailures.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return handshakeFailures();
    }

    /** Drops every open connection (the clients must reconnect). */
    public void dropConnections() throws IOException {
        for (Socket s : connections) {
            s.close();
        }
        connections.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread reader = new Thread(() -> read(s), "test-tak-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket s) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (s;
                InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
                String text = buffer.toString(StandardCharsets.UTF_8);
                int end;
                while ((end = text.indexOf("</event>")) >= 0) {
                    events.add(text.substring(0, end + "</event>".length()).strip());
                    text = text.substring(end + "</event>".length());
                }
                buffer.reset();
                buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (javax.net.ssl.SSLException e) {
            handshakeFailures.add(e.getMessage());
        } catch (IOException closed) {
            // connection dropped
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
