/**
 * Kafka access control for a Cordon deployment: which principal may do what on which topic, derived
 * from the configuration ({@link io.cordon.jobs.security.KafkaAcls}), the jobs' client security
 * settings ({@link io.cordon.jobs.security.KafkaClientProperties}) and a secured local broker (TLS,
 * SASL/SCRAM, ACL authoriser: {@link io.cordon.jobs.security.LocalBrokerSecurity}).
 */
package io.cordon.jobs.security;
