/**
 * GeoJSON output: released alerts and tracks as GeoJSON Features, one per line ({@link
 * io.cordon.connectors.output.geojson.GeoJsonFeatureWriter}), POSTed in batches to a partner's
 * webhook with retries and back-pressure ({@link
 * io.cordon.connectors.output.geojson.WebhookClient}), or served as HTTP server-sent events with
 * resume and a bounded buffer ({@link io.cordon.connectors.output.geojson.SseFeedServer}).
 */
package io.cordon.connectors.output.geojson;
