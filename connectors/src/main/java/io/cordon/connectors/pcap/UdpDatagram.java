package io.cordon.connectors.pcap;

import java.time.Instant;

/**
 * One UDP datagram found in a capture.
 *
 * @param captureTime when the capturing host saw the packet (pcap record timestamp, UTC)
 * @param packetIndex 0-based index of the packet record in the file
 * @param sourceIp source address, dotted quad (IPv4) or colon-separated hex (IPv6)
 * @param sourcePort UDP source port
 * @param destinationIp destination address
 * @param destinationPort UDP destination port
 * @param payload the UDP payload (a copy; arrays are compared by identity in {@code equals})
 */
public record UdpDatagram(
        Instant captureTime,
        long packetIndex,
        String sourceIp,
        int sourcePort,
        String destinationIp,
        int destinationPort,
        byte[] payload) {}
