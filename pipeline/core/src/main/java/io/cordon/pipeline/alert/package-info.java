/** Findings of the detectors, with deterministic ids, life cycle and evidence. */
package io.cordon.pipeline.alert;
