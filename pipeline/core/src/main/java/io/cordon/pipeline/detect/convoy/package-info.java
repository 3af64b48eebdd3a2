/**
 * Convoy detection: several moving tracks keeping together (close, same heading, similar speed) for
 * a while, keyed by spatial tile.
 */
package io.cordon.pipeline.detect.convoy;
