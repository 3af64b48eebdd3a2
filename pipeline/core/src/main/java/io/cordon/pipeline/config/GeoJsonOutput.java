package io.cordon.pipeline.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * GeoJSON features, one per line (newline-delimited JSON), POSTed in batches to a partner's
 * webhook, with retries and back-pressure.
 *
 * <p>YAML: {@code geojson: {url, tracks: false, batchSize: 100, maxAttempts: 5, trustStore, ...}}.
 *
 * @param url the webhook, {@code http} or {@code https}
 * @param tracks whether the partner's track feed goes to this endpoint too
 * @param batchSize at most this many features per request
 * @param maxAttempts attempts per batch (with exponential back-off) before it is dead-lettered
 * @param tlsSettings key material for {@code https}
 */
public record GeoJsonOutput(
        String url, boolean tracks, int batchSize, int maxAttempts, TlsSettings tlsSettings) {
    public GeoJsonOutput {
        ConfigChecks.text("url", url);
        try {
            URI u = new URI(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())
                    || u.getHost() == null) {
                throw new ConfigException("url", url, "an http:// or https:// URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("url", url, "an http:// or https:// URL (" + e + ")", e);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new ConfigException("batchSize", batchSize, "an integer in [1, 10000]");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new ConfigException("maxAttempts", maxAttempts, "an integer in [1, 100]");
        }
        tlsSettings = tlsSettings == null ? TlsSettings.DEFAULT : tlsSettings;
    }
}
