package io.cordon.pipeline.simulation;

import java.time.Instant;

/**
 * A class A transponder's static and voyage data (AIS message 5) as an AIS receiver got it.
 *
 * @param time when it was transmitted, a whole UTC second
 * @param sensorId the AIS receiver
 * @param transponder whose data it is
 */
public record AisStaticReport(Instant time, String sensorId, AisTransponder transponder) {}
