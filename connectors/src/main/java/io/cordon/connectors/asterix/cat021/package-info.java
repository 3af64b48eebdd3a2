/**
 * ASTERIX Category 021, ADS-B target reports (EUROCONTROL-SPEC-0149-12, editions 2.1 to 2.6): the
 * UAP and the {@link io.cordon.connectors.asterix.cat021.Cat021Report} a record becomes.
 */
package io.cordon.connectors.asterix.cat021;
