package io.cordon.pipeline.config;

/**
 * GeoJSON features served to the partner as HTTP server-sent events: Cordon listens, the partner's
 * client connects ({@code GET /events}, {@code Accept: text/event-stream}) and may resume after a
 * disconnection with {@code Last-Event-ID}.
 *
 * <p>YAML: {@code sse: {port, bindHost: 0.0.0.0, tracks: false, bufferEvents: 10000, maxClients: 8,
 * keyStore, keyStorePasswordEnv, trustStore, trustStorePasswordEnv}}. With a {@code keyStore} the
 * endpoint speaks HTTPS with that certificate; with a {@code trustStore} as well, it requires a
 * client certificate issued by it (mutual TLS), so only the partner can read its feed.
 *
 * @param bindHost the local address to listen on
 * @param port the TCP port to listen on, one per partner
 * @param tracks whether the partner's track feed goes to this endpoint too
 * @param bufferEvents how many of the latest events are kept for new and resuming clients; also the
 *     most a client may lag behind before the feed waits for it, then drops it
 * @param maxClients how many clients may be connected at once
 * @param tlsSettings the server certificate (key store) and the client CAs (trust store)
 */
public record SseOutput(
        String bindHost,
        int port,
        boolean tracks,
        int bufferEvents,
        int maxClients,
        TlsSettings tlsSettings) {
    public SseOutput {
        ConfigChecks.text("bindHost", bindHost);
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port", port, "a TCP port in [1, 65535] (0: any free port)");
        }
        if (bufferEvents < 1 || bufferEvents > 1_000_000) {
            throw new ConfigException("bufferEvents", bufferEvents, "an integer in [1, 1000000]");
        }
        if (maxClients < 1 || maxClients > 1_000) {
            throw new ConfigException("maxClients", maxClients, "an integer in [1, 1000]");
        }
        tlsSettings = tlsSettings == null ? TlsSettings.DEFAULT : tlsSettings;
        if (tlsSettings.keyStore().isEmpty() && !tlsSettings.trustStore().isEmpty()) {
            throw new ConfigException(
                    "trustStore",
                    tlsSettings.trustStore(),
                    "only together with a keyStore (client certificates need HTTPS)");
        }
    }

    /** Whether the endpoint speaks HTTPS. */
    public boolean tls() {
        return !tlsSettings.keyStore().isEmpty();
    }
}
