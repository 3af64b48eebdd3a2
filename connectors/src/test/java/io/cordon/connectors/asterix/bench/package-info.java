/**
 * JMH throughput benchmarks of the ASTERIX decoders, runnable through their {@code main}; each
 * class's Javadoc gives the command.
 */
package io.cordon.connectors.asterix.bench;
