/**
 * Loitering near the border: a track that stays slow and within a small radius, close to a border
 * line, for a minimum time. Adapted from Global Fishing Watch's loitering event (under 2 knots on
 * average for at least 1 hour) to land borders.
 */
package io.cordon.pipeline.detect.loitering;
