/**
 * The fusion job's operators: decode and validate observations, then track per partition. With one
 * partition, {@link io.cordon.pipeline.flink.fusion.TrackingFunction} tracks everything. With
 * tiles: {@link io.cordon.pipeline.flink.fusion.TileTrackingFunction} per tile, {@link
 * io.cordon.pipeline.flink.fusion.IdentityResolverFunction} (parallelism 1) for global ids and
 * owners, {@link io.cordon.pipeline.flink.fusion.PublishFunction} per replica for the owners'
 * updates, and {@link io.cordon.pipeline.flink.fusion.TrackOrderFunction} per track to keep each
 * track's updates in order.
 */
package io.cordon.pipeline.flink.fusion;
