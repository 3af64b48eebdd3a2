package io.cordon.connectors.output.cot;

import io.cordon.connectors.output.TlsContexts;
import io.cordon.pipeline.config.CotOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A connection to a TAK server or client that takes CoT XML events on a TCP stream (TAK's streaming
 * protocol, XML, as on ports 8087 and, with TLS and a client certificate, 8089).
 *
 * <p>{@link #send} writes a batch and flushes; on an I/O error it closes, reconnects and sends the
 * whole batch again, up to {@code attempts} times with exponential back-off (CoT events replace
 * each other by uid, so a resend is harmless). With TLS the server certificate is verified against
 * the trust store and the host name. Not thread-safe; one instance per endpoint.
 */
public final class CotStreamClient implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final CotOutput endpoint;
    private final Function<String, String> secrets;
    private final int attempts;
    private final long backoffMs;
    private Socket socket;
    private OutputStream out;

    /**
     * @param endpoint where and how to connect
     * @param secrets password lookup for the TLS stores ({@link TlsContexts#ENVIRONMENT})
     * @param attempts connection attempts per batch, >= 1
     * @param backoffMs first back-off, doubled after each failed attempt
     */
    public CotStreamClient(
            CotOutput endpoint, Function<String, String> secrets, int attempts, long backoffMs) {
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.attempts = Math.max(1, attempts);
        this.backoffMs = backoffMs;
    }

    /** Sends every event, in order; throws when all attempts failed. */
    public void send(List<byte[]> events) throws IOException, InterruptedException {
        IOException last = null;
        long wait = backoffMs;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (out == null) {
                    connect();
                }
                for (byte[] e : events) {
                    out.write(e);
                }
                out.flush();
                return;
            } catch (IOException e) {
                last = e;
                close();
                if (attempt < attempts) {
                    Thread.sleep(wait);
                    wait = Math.min(wait * 2, 10_000);
                }
            }
        }
        throw new IOException(
                "CoT endpoint "
                        + endpoint.host()
                        + ":"
                        + endpoint.port()
                        + " failed "
                        + attempts
                        + " attempts: "
                        + last.getMessage(),
                last);
    }

    private void connect() throws IOException {
        Socket s;
        if (endpoint.tls()) {
            try {
                s =
                        TlsContexts.client(endpoint.tlsSettings(), secrets)
                                .getSocketFactory()
                                .createSocket();
            } catch (GeneralSecurityException e) {
                throw new IOException(
                        "TLS set-up for " + endpoint.host() + ": " + e.getMessage(), e);
            }
        } else {
            s = new Socket();
        }
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MS);
            if (s instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.startHandshake();
            }
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** True while a connection is open. */
    public boolean connected() {
        return socket != null;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        socket = null;
        out = null;
    }
}
