/**
 * Partner output writers: encoders from released (already redacted) alerts and tracks to the
 * partners' formats, and the transports that deliver them ({@code cot}: Cursor on Target over
 * TCP/TLS to TAK; {@code geojson}: GeoJSON lines to a webhook). Decisions about what a partner
 * receives are made before, in {@code io.cordon.pipeline.sharing}.
 */
package io.cordon.connectors.output;
