package io.cordon.connectors.output.geojson;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * One partner's GeoJSON feed as HTTP server-sent events (the WHATWG {@code text/event-stream}
 * format): {@code GET /events} streams every feature published, one event each, {@code id: <boot>-
 * <sequence>}, {@code data:} the feature's JSON line.
 *
 * <p><b>Bounded buffer.</b> The server keeps the latest {@code capacity} events. A client that
 * connects without {@code Last-Event-ID} receives the retained events, then the live ones. A client
 * that sends {@code Last-Event-ID} of an event still retained resumes exactly after it; if that
 * event is no longer retained (or comes from an earlier run of the server, another boot), it first
 * receives an {@code event: gap} whose data says why, then the retained events: it knows it missed
 * some and can fall back to the partner's Kafka topic.
 *
 * <p><b>Back-pressure.</b> Each client is read from the buffer at its own pace by its own thread.
 * {@link #publish} would overwrite the oldest event; while a connected client has not yet sent that
 * event, {@link #publish} waits (so a slow reader back-pressures the caller, as a slow webhook
 * does), for at most {@code maxBlockMs} per call; then the clients still behind are disconnected
 * (they may resume, and will be told of the gap). Memory is thus bounded by {@code capacity}
 * events, and no client can stall the feed for longer than {@code maxBlockMs} at a time.
 *
 * <p>HTTP/1.1 with {@code Connection: close}: the stream ends when either side closes. A comment
 * line is sent every {@value #HEARTBEAT_MS} ms of silence, so a vanished client is noticed. With an
 * {@link SSLContext} the server speaks HTTPS; {@code needClientAuth} requires a client certificate
 * the context trusts. Other paths get 404, other methods 405, clients beyond {@code maxClients}
 * 503.
 */
public final class SseFeedServer implements AutoCloseable {
    public static final String PATH = "/events";
    static final long HEARTBEAT_MS = 15_000;
    static final int REQUEST_TIMEOUT_MS = 10_000;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int EVENTS_PER_WRITE = 64;

    private final ServerSocket server;
    private final int capacity;
    private final int maxClients;
    private final long maxBlockMs;
    private final String boot;
    private final byte[][] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    /** Sequence of the oldest retained event and of the next one to publish (guarded by lock). */
    private long first;

    private long next;
    private volatile boolean closed;

    /** One connected client: its socket and the sequence of the next event to send it. */
    private static final class Client {
        final Socket socket;
        long cursor; // guarded by the server's lock

        Client(Socket socket) {
            this.socket = socket;
        }
    }

    private SseFeedServer(
            ServerSocket server, int capacity, int maxClients, long maxBlockMs, String boot) {
        this.server = server;
        this.capacity = capacity;
        this.maxClients = maxClients;
        this.maxBlockMs = maxBlockMs;
        this.boot = boot;
        this.ring = new byte[capacity][];
        Thread acceptor = new Thread(this::acceptLoop, "sse-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts listening.
     *
     * @param bindHost local address ({@code 0.0.0.0} for all)
     * @param port TCP port, 0 for any free one ({@link #port()} tells which)
     * @param capacity events retained for new and resuming clients, and the most a client may lag
     * @param maxClients clients connected at once
     * @param maxBlockMs longest {@link #publish} waits for slow clients before dropping them
     * @param tls HTTPS context, or null for plain HTTP
     * @param needClientAuth with TLS: require a client certificate the context trusts
     */
    public static SseFeedServer start(
            String bindHost,
            int port,
            int capacity,
            int maxClients,
            long maxBlockMs,
            SSLContext tls,
            boolean needClientAuth)
            throws IOException {
        if (capacity < 1 || maxClients < 1 || maxBlockMs < 0) {
            throw new IllegalArgumentException(
                    "capacity and maxClients must be >= 1, maxBlockMs >= 0");
        }
        ServerSocketFactory factory =
                tls == null ? ServerSocketFactory.getDefault() : tls.getServerSocketFactory();
        ServerSocket s = factory.createServerSocket(port, 50, InetAddress.getByName(bindHost));
        if (s instanceof SSLServerSocket ssl) {
            ssl.setNeedClientAuth(needClientAuth);
        }
        return new SseFeedServer(
                s, capacity, maxClients, maxBlockMs, Long.toString(System.currentTimeMillis(), 36));
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Clients connected now. */
    public int clients() {
        return clients.size();
    }

    /** Clients disconnected because they fell more than the capacity behind. */
    public long droppedClients() {
        return dropped.get();
    }

    /** Times {@link #publish} waited for a slow client. */
    public long publishWaits() {
        return waits.get();
    }

    /** Events retained now (at most the capacity). */
    public int retained() {
        lock.lock();
        try {
            return (int) (next - first);
        } finally {
            lock.unlock();
        }
    }

    /** The id the next published event will get. */
    public String nextEventId() {
        lock.lock();
        try {
            return boot + "-" + next;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends events (one JSON object each, on one line) for every connected and future client,
     * waiting for slow clients as the class documentation says.
     */
    public void publish(List<byte[]> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxBlockMs);
        lock.lock();
        try {
            for (byte[] line : lines) {
                if (next - first == capacity) {
                    makeRoom(deadline);
                    first++;
                }
                ring[(int) (next % capacity)] = line;
                next++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits (lock held) until no client still needs the oldest event, or drops those that do. */
    private void makeRoom(long deadline) throws InterruptedException {
        boolean waited = false;
        while (!closed && lagging()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                for (Client c : clients) {
                    if (c.cursor <= first) {
                        drop(c);
                        dropped.incrementAndGet();
                    }
                }
                return;
            }
            if (!waited) {
                waits.incrementAndGet();
                waited = true;
            }
            changed.awaitNanos(left);
        }
    }

    private boolean lagging() {
        for (Client c : clients) {
            if (c.cursor <= first) {
                return true;
            }
        }
        return false;
    }

    private void drop(Client c) {
        clients.remove(c);
        try {
            c.socket.close(); // unblocks its thread if it is stuck in a write
        } catch (IOException ignored) {
            // closing a connection we are giving up
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "sse-client-" + server.getLocalPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        Client client = new Client(socket);
        try (socket) {
            socket.setSoTimeout(REQUEST_TIMEOUT_MS);
            Request request = Request.read(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            if (request == null) {
                refuse(socket, out, "400 Bad Request", "malformed HTTP request");
                return;
            }
            if (!"GET".equals(request.method)) {
                refuse(socket, out, "405 Method Not Allowed", "only GET " + PATH);
                return;
            }
            if (!PATH.equals(request.path)) {
                refuse(socket, out, "404 Not Found", "the feed is at " + PATH);
                return;
            }
            String gap = admit(client, request.lastEventId);
            if (gap == null) {
                refuse(socket, out, "503 Service Unavailable", maxClients + " clients connected");
                return;
            }
            out.write(
                    ("HTTP/1.1 200 OK\r\n"
                                    + "Content-Type: text/event-stream; charset=utf-8\r\n"
                                    + "Cache-Control: no-cache\r\n"
                                    + "Connection: close\r\n"
                                    + "\r\n"
                                    + "retry: 2000\n\n")
                            .getBytes(StandardCharsets.US_ASCII));
            if (!gap.isEmpty()) {
                out.write(("event: gap\ndata: " + gap + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            stream(client, out);
        } catch (IOException | InterruptedException e) {
            // the client went away, was dropped or the server closed
        } finally {
            clients.remove(client);
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Registers the client at the event after {@code lastEventId}; returns "" or the gap to report,
     * or null when the server is full.
     */
    private String admit(Client client, String lastEventId) {
        lock.lock();
        try {
            if (clients.size() >= maxClients) {
                return null;
            }
            String gap = "";
            client.cursor = first;
            if (lastEventId != null) {
                long seq = -1;
                String prefix = boot + "-";
                if (lastEventId.startsWith(prefix)) {
                    try {
                        seq = Long.parseLong(lastEventId.substring(prefix.length()));
                    } catch (NumberFormatException ignored) {
                        seq = -1;
                    }
                }
                if (seq < 0 || seq >= next) {
                    gap =
                            gapJson(
                                    lastEventId,
                                    "not an event of this run of the feed; the retained events"
                                            + " follow");
                } else if (seq + 1 < first) {
                    gap =
                            gapJson(
                                    lastEventId,
                                    (first - seq - 1)
                                            + " events after it are no longer retained; the"
                                            + " retained events follow");
                } else {
                    client.cursor = seq + 1;
                }
            }
            clients.add(client);
            return gap;
        } finally {
            lock.unlock();
        }
    }

    private static String gapJson(String lastEventId, String reason) {
        return "{\"lastEventId\":\""
                + lastEventId.replaceAll("[^A-Za-z0-9._-]", "?")
                + "\",\"reason\":\""
                + reason
                + "\"}";
    }

    /** Sends events as they come until the client or the server goes away. */
    private void stream(Client client, OutputStream out) throws IOException, InterruptedException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        while (!closed) {
            long from;
            int n;
            lock.lock();
            try {
                if (!clients.contains(client)) {
                    return; // dropped for lagging
                }
                if (client.cursor == next) {
                    if (!changed.await(HEARTBEAT_MS, TimeUnit.MILLISECONDS)) {
                        lock.unlock();
                        try {
                            out.write(":\n\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        } finally {
                            lock.lock();
                        }
                    }
                    continue;
                }
                from = client.cursor;
                n = (int) Math.min(next - from, EVENTS_PER_WRITE);
                chunk.reset();
                for (long s = from; s < from + n; s++) {
                    writeEvent(chunk, s, ring[(int) (s % capacity)]);
                }
            } finally {
                lock.unlock();
            }
            out.write(chunk.toByteArray());
            out.flush();
            lock.lock();
            try {
                client.cursor = from + n;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void writeEvent(ByteArrayOutputStream out, long seq, byte[] line) {
        out.writeBytes(("id: " + boot + "-" + seq + "\n").getBytes(StandardCharsets.US_ASCII));
        // a data line may not contain a line break: each line of the payload is its own data line
        int start = 0;
        for (int i = 0; i <= line.length; i++) {
            if (i == line.length || line[i] == '\n') {
                int end = i > start && line[i - 1] == '\r' ? i - 1 : i;
                if (end > start || i < line.length) {
                    out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
                    out.write(line, start, end - start);
                    out.write('\n');
                }
                start = i + 1;
            }
        }
        out.write('\n');
    }

    /**
     * Answers with an error and closes gracefully: output first, then whatever the client still
     * sends (a request body) is read and discarded for a moment, so the close is not a reset that
     * could destroy the answer before the client read it.
     */
    private static void refuse(Socket socket, OutputStream out, String status, String body)
            throws IOException {
        respond(out, status, body);
        socket.shutdownOutput();
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        long total = 0;
        try {
            int n;
            while ((n = in.read(sink)) >= 0 && (total += n) < 1 << 20) {
                // discard
            }
        } catch (SocketTimeoutException enough) {
            // the client keeps the connection open; we have waited long enough
        }
    }

    private static void respond(OutputStream out, String status, String body) throws IOException {
        byte[] b = (body + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(
                ("HTTP/1.1 "
                                + status
                                + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                                + b.length
                                + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The parts of an HTTP request line and headers the feed needs. */
    private record Request(String method, String path, String lastEventId) {
        /** Reads up to the blank line; null when malformed or too long. */
        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            int tail = 0;
            try {
                while ((b = in.read()) >= 0) {
                    head.write(b);
                    tail = (tail << 8 | b) & 0xFFFFFFFF;
                    if (tail == 0x0D0A0D0A || (tail & 0xFFFF) == 0x0A0A) {
                        break;
                    }
                    if (head.size() > MAX_HEADER_BYTES) {
                        return null;
                    }
                }
            } catch (SocketTimeoutException e) {
                return null;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r?\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
                return null;
            }
            String path = requestLine[1];
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            String lastEventId = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0
                        && lines[i].substring(0, colon)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("last-event-id")) {
                    lastEventId = lines[i].substring(colon + 1).trim();
                }
            }
            return new Request(requestLine[0], path, lastEventId);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Client c : clients) {
            drop(c);
        }
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
