/**
 * Field rules of sharing agreements: what a partner may see of an alert or track it receives
 * (sensor identities, exact positions, cooperative identities), applied after the sharing policy
 * decided that it receives it at all.
 */
package io.cordon.pipeline.sharing.redaction;
