/**
 * The distribution job's partner outputs outside Kafka: Cursor on Target to TAK endpoints and
 * GeoJSON lines to webhooks, fed with what the sharing policy released (already redacted).
 */
package io.cordon.jobs.output;
