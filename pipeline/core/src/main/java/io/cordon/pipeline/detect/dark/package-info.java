/**
 * Dark targets: a confirmed track that goes unobserved where the sensors should have seen it. Gaps
 * are judged against a reception model of the sensor coverage (range, revisit period and detection
 * probability of each sensor), as Global Fishing Watch does for AIS gaps, so that a target outside
 * coverage or between satellite passes is not mistaken for one going dark.
 */
package io.cordon.pipeline.detect.dark;
