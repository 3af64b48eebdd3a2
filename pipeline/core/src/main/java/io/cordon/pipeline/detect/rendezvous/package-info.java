/**
 * Rendezvous (encounter): two tracks close together, slowly, for a minimum time. The definition
 * follows Global Fishing Watch's vessel encounter (within 500 m for at least 2 h at a median speed
 * under 2 knots) with land defaults for people and vehicles meeting briefly (within 50 m for at
 * least 30 s).
 *
 * <p>Pairs need the tracks near each other on one key: the detector runs per spatial tile ({@link
 * io.cordon.pipeline.detect.rendezvous.TileGrid}), each track update going to every tile within a
 * halo of it, and only the tile that owns a pair emits its alerts.
 */
package io.cordon.pipeline.detect.rendezvous;
