/**
 * Kafka access control for a Cordon deployment: which principal may do what on which topic, derived
 * from the configuration ({@link io.cordon.jobs.security.KafkaAcls}).
 */
package io.cordon.jobs.security;
