/**
 * Convoy detection: several moving tracks keeping together (close, same heading, similar speed) for
 * a while, keyed by spatial tile ({@link io.cordon.pipeline.detect.convoy.ConvoyDetector}); the
 * tiles' alerts pass one {@link io.cordon.pipeline.detect.convoy.ConvoyAlertReconciler} so that a
 * convoy keeps one alert id across tiles.
 */
package io.cordon.pipeline.detect.convoy;
