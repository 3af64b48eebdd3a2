/** Fused entity tracks: the output of fusion and the input of detection. */
package io.cordon.pipeline.track;
