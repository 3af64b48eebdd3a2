package io.cordon.jobs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TAK endpoint for integration tests: a TCP server on localhost, optionally with mutual TLS (the
 * test material of {@code connectors/src/test/resources/security}), that keeps every CoT event it
 * receives, split at {@code </event>}, with its arrival time.
 */
public final class CotListener implements AutoCloseable {
    /** The test TLS material (relative to the jobs module). */
    public static final Path SECURITY =
            Path.of("..", "connectors", "src", "test", "resources", "security");

    /** An event as received. */
    public record Received(String xml, long receivedAtMs) {}

    private final ServerSocket server;
    private final List<Received> events = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private CotListener(ServerSocket server) {
        this.server = server;
        Thread t = new Thread(this::accept, "cot-listener");
        t.setDaemon(true);
        t.start();
    }

    public static CotListener plain() throws IOException {
        return new CotListener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** Presents tak-server.p12 and accepts only the clients in tak-server-trust.p12. */
    public static CotListener mutualTls() throws Exception {
        char[] pw = "changeit".toCharArray();
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(SECURITY.resolve("tak-server.p12"), pw), pw);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(SECURITY.resolve("tak-server-trust.p12"), pw));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket s =
                (SSLServerSocket)
                        ctx.getServerSocketFactory()
                                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        s.setNeedClientAuth(true);
        return new CotListener(s);
    }

    private static KeyStore load(Path p, char[] pw) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            ks.load(in, pw);
        }
        return ks;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> events() {
        return List.copyOf(events);
    }

    /** Waits until an event matching {@code wanted} arrived; returns all events. */
    public List<Received> awaitEvent(Predicate<String> wanted, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (events.stream().anyMatch(e -> wanted.test(e.xml()))) {
                break;
            }
            Thread.sleep(50);
        }
        return events();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.add(s);
                Thread t = new Thread(() -> read(s), "cot-listener-connection");
                t.setDaemon(true);
                t.start();
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
                    events.add(
                            new Received(
                                    text.substring(0, end + 8).strip(),
                                    System.currentTimeMillis()));
                    text = text.substring(end + 8);
                }
                buffer.reset();
                buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // connection ended
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : connections) {
            s.close();
        }
    }
}
