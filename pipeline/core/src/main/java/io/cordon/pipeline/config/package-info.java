/**
 * The configuration model: {@code cordon.yaml} read into validated records.
 *
 * <p>Every record checks itself in its compact constructor and throws {@link
 * io.cordon.pipeline.config.ConfigException} naming the key, the value found and what is allowed;
 * the YAML reader adds the key path ({@code partners[1].sharing.minSeverity}) and rejects unknown
 * keys, so a typo never passes silently. YAML keys are the record component names. The annotated
 * example is {@code deploy/cordon.yaml}.
 */
package io.cordon.pipeline.config;
