package io.cordon.connectors.transport;

import io.cordon.connectors.runtime.Framing;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Receives UDP datagrams on one socket; every datagram is one chunk, all to one handler (so that
 * state that spans datagrams, such as AIS fragments, is kept). Datagrams larger than the buffer (64
 * KiB, the UDP maximum) cannot occur.
 */
public final class UdpListener implements Transport {
    static final int MAX_DATAGRAM = 65_535;

    private final InetSocketAddress bind;
    private final int receiveBufferBytes;
    private final CountDownLatch bound = new CountDownLatch(1);
    private volatile DatagramSocket socket;
    private volatile boolean closed;

    public UdpListener(String host, int port) {
        this(host, port, 4 << 20);
    }

    /**
     * @param receiveBufferBytes requested kernel receive buffer (SO_RCVBUF): datagrams that arrive
     *     while it is full are dropped by the kernel
     */
    public UdpListener(String host, int port, int receiveBufferBytes) {
        this.bind = new InetSocketAddress(host, port);
        this.receiveBufferBytes = receiveBufferBytes;
    }

    @Override
    public Framing framing() {
        return Framing.DATAGRAM;
    }

    @Override
    public void run(Supplier<ChunkHandler> connections) throws IOException {
        ChunkHandler handler = connections.get();
        try (DatagramSocket s = new DatagramSocket(null)) {
            s.setReuseAddress(true);
            s.setReceiveBufferSize(receiveBufferBytes);
            s.bind(bind);
            socket = s;
            bound.countDown();
            if (closed) {
                return;
            }
            byte[] buf = new byte[MAX_DATAGRAM];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            while (!closed) {
                packet.setLength(buf.length);
                try {
                    s.receive(packet);
                } catch (SocketException e) {
                    if (closed) {
                        break;
                    }
                    throw e;
                }
                handler.onChunk(
                        Arrays.copyOfRange(buf, packet.getOffset(), packet.getLength()),
                        Instant.now());
            }
        } finally {
            bound.countDown();
            handler.onEnd();
        }
    }

    /** The bound port (after {@link #run} has bound the socket; waits up to 10 s for it). */
    public int localPort() throws InterruptedException {
        bound.await(10, java.util.concurrent.TimeUnit.SECONDS);
        DatagramSocket s = socket;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public String describe() {
        return "udp://" + bind.getHostString() + ":" + bind.getPort();
    }

    @Override
    public void close() {
        closed = true;
        DatagramSocket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
