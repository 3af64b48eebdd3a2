/**
 * The local run's simulated sensors: the {@code BorderSimulation}'s detections encoded in the
 * sensors' real wire formats (ASTERIX, CoT XML, TAK protobuf, GeoJSON, SAPIENT, AIS NMEA; see
 * {@link io.cordon.jobs.sim.WireFormat}), decoded in the same process by the real connectors'
 * decoders and mappers, and published to the observations topic (decode errors to the dead-letter
 * topic) in scaled real time.
 */
package io.cordon.jobs.sim;
