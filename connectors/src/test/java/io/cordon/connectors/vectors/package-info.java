/**
 * Test support shared by the AIS, CoT/TAK, MISB and GeoJSON decoder tests: locating the public
 * vectors in {@code shared/peerdata} and the mutation fuzzer. Tests only.
 */
package io.cordon.connectors.vectors;
