/**
 * ASTERIX encoders: CAT048 plots and CAT034 north markers as data blocks that the decoders of
 * {@code io.cordon.connectors.asterix} read back. Used by the local run's simulator, which speaks
 * the real format into the connectors, and by tests.
 */
package io.cordon.connectors.asterix.encode;
