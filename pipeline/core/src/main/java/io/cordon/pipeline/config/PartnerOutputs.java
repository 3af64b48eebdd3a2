package io.cordon.pipeline.config;

/**
 * Where and how a partner receives what its agreement releases.
 *
 * <p>YAML: {@code outputs: {kafka: true, cot: {...}, geojson: {...}}}.
 *
 * @param kafka protobuf on {@code cordon.partner.<id>.alerts.v1} (and {@code .tracks.v1} when the
 *     track feed is on), written exactly once; default true
 * @param cot Cursor on Target to a TAK endpoint, or null
 * @param geojson GeoJSON lines to a webhook, or null
 */
public record PartnerOutputs(boolean kafka, CotOutput cot, GeoJsonOutput geojson) {
    /** Kafka only. */
    public static final PartnerOutputs KAFKA = new PartnerOutputs(true, null, null);

    /** True when the partner has an output outside Kafka. */
    public boolean hasEndpoints() {
        return cot != null || geojson != null;
    }
}
