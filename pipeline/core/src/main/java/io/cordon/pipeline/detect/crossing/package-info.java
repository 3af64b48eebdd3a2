/**
 * Border crossing away from a port of entry: per track, the move between consecutive updates is
 * tested against the {@link io.cordon.pipeline.border.BorderMap}; a crossing is confirmed once the
 * track is a hysteresis distance past the border, which keeps a track that jitters on the line from
 * alerting again and again.
 */
package io.cordon.pipeline.detect.crossing;
