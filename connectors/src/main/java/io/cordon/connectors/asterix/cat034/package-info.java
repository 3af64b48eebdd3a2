/**
 * ASTERIX Category 034, transmission of monoradar service messages (EUROCONTROL-SPEC-0149-2b,
 * edition 1.27): north markers and sector crossings that give scan timing, and the radar's
 * configuration and status, as {@link io.cordon.connectors.asterix.cat034.Cat034Service}.
 */
package io.cordon.connectors.asterix.cat034;
