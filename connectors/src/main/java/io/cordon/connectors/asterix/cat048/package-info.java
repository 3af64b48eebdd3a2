/**
 * ASTERIX Category 048, monoradar target reports (EUROCONTROL-SPEC-0149-4, edition 1.21 to 1.32):
 * the UAP and the {@link io.cordon.connectors.asterix.cat048.Cat048Plot} a record becomes.
 */
package io.cordon.connectors.asterix.cat048;
