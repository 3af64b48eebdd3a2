package io.cordon.jobs.sim;

import java.time.Instant;

/**
 * One unit of transport as a connector receives it: a datagram, a document, a framed message.
 *
 * @param format its wire format
 * @param sensorId the sensor it comes from (the connector instance it arrives at)
 * @param receivedAt when the connector received it (the simulated reception time)
 * @param bytes the bytes on the wire
 * @param corruption what the simulator broke in it on purpose, or null when intact (for tests and
 *     logs; the connector does not look at it)
 */
public record RawUnit(
        WireFormat format, String sensorId, Instant receivedAt, byte[] bytes, String corruption) {
    public boolean corrupted() {
        return corruption != null;
    }
}
