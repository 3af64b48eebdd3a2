/**
 * ASTERIX Category 062, SDPS system track data (EUROCONTROL-SPEC-0149-9, edition 1.18): the UAP and
 * the {@link io.cordon.connectors.asterix.cat062.Cat062Track} a record becomes, fused
 * track-to-track downstream.
 */
package io.cordon.connectors.asterix.cat062;
