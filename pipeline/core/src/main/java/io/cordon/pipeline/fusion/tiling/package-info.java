/**
 * Fusion partitioned by space without splitting or renaming targets: tiles with halos, each with
 * its own deterministic tracker ({@link io.cordon.pipeline.fusion.tiling.TileTracker}); an identity
 * resolver that maps the tiles' tracks to global ids and picks one publishing replica per entity
 * ({@link io.cordon.pipeline.fusion.tiling.IdentityResolver}); and the publication of the owners'
 * updates under the global ids. {@link io.cordon.pipeline.fusion.tiling.TiledFusion} runs the three
 * stages in one loop; the stream job runs them as operators. Design and reasons:
 * docs/architecture.md, "Fusion partitioning".
 */
package io.cordon.pipeline.fusion.tiling;
