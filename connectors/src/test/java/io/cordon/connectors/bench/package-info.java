/**
 * JMH decode-throughput benchmarks, one per format, each runnable through its {@code main} (see
 * {@code docs/benchmarks.md} for the commands and figures).
 */
package io.cordon.connectors.bench;
