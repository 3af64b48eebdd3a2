/**
 * The connector process ({@code cordon connect}): Kafka output of a running {@link
 * io.cordon.connectors.runtime.Connector}, the sensor registry on {@code cordon.sensors.v1}, the
 * metrics endpoint. See docs/connectors.md.
 */
package io.cordon.jobs.connect;
