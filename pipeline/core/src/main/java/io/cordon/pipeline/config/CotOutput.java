package io.cordon.pipeline.config;

/**
 * Cursor on Target XML events streamed over TCP (optionally TLS) to a TAK server or client.
 *
 * <p>YAML: {@code cot: {host, port, tls: false, trustStore, trustStorePasswordEnv, keyStore,
 * keyStorePasswordEnv, alertStaleS: 3600, trackStaleS: 60, tracks: false}}.
 *
 * @param host the TAK endpoint's host name or address
 * @param port its TCP port (TAK servers: 8087 plain, 8089 TLS)
 * @param tls whether to speak TLS
 * @param tlsSettings key material when {@code tls}
 * @param alertStaleS how long an alert marker stays valid after its event time, seconds
 * @param trackStaleS how long a track position stays valid after its time, seconds
 * @param tracks whether the partner's track feed goes to this endpoint too
 */
public record CotOutput(
        String host,
        int port,
        boolean tls,
        TlsSettings tlsSettings,
        double alertStaleS,
        double trackStaleS,
        boolean tracks) {
    public CotOutput {
        ConfigChecks.text("host", host);
        if (port < 1 || port > 65_535) {
            throw new ConfigException("port", port, "a TCP port in [1, 65535]");
        }
        tlsSettings = tlsSettings == null ? TlsSettings.DEFAULT : tlsSettings;
        ConfigChecks.within("alertStaleS", alertStaleS, 1, 7 * 86_400);
        ConfigChecks.within("trackStaleS", trackStaleS, 1, 86_400);
    }
}
