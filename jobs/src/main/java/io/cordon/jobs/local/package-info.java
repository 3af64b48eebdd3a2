/**
 * The local stack: a real Kafka broker in its own JVM, the jobs in a Flink mini cluster, the
 * simulator, and live progress read back from the topics.
 */
package io.cordon.jobs.local;
