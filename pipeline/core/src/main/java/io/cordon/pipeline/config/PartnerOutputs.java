package io.cordon.pipeline.config;

/**
 * Where and how a partner receives what its agreement releases.
 *
 * <p>YAML: {@code outputs: {kafka: true, cot: {...}, geojson: {...}, sse: {...}}}.
 *
 * @param kafka protobuf on {@code cordon.partner.<id>.alerts.v1} (and {@code .tracks.v1} when the
 *     track feed is on), written exactly once; default true
 * @param cot Cursor on Target to a TAK endpoint, or null
 * @param geojson GeoJSON lines to a webhook, or null
 * @param sse GeoJSON features as server-sent events from an HTTP endpoint of Cordon's, or null
 */
public record PartnerOutputs(boolean kafka, CotOutput cot, GeoJsonOutput geojson, SseOutput sse) {
    /** Kafka only. */
    public static final PartnerOutputs KAFKA = new PartnerOutputs(true, null, null, null);

    /** Kafka, CoT and webhook outputs, no server-sent events. */
    public PartnerOutputs(boolean kafka, CotOutput cot, GeoJsonOutput geojson) {
        this(kafka, cot, geojson, null);
    }

    /** True when the partner has an output outside Kafka. */
    public boolean hasEndpoints() {
        return cot != null || geojson != null || sse != null;
    }

    /** True when one of the outputs outside Kafka asks for the track feed too. */
    public boolean endpointsWantTracks() {
        return cot != null && cot.tracks()
                || geojson != null && geojson.tracks()
                || sse != null && sse.tracks();
    }
}
