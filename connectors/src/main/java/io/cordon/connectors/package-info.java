/**
 * Sensor connectors: format decoders (pure Java, never throw on bad bytes), transports and the
 * adapters that publish {@code cordon.v1.Observation} to Kafka.
 */
package io.cordon.connectors;
