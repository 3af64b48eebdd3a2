package io.cordon.connectors.pcap;

/** What {@link PacketDissector} found in one captured frame. */
sealed interface Dissection {
    /** A UDP datagram whose payload is {@code [payloadFrom, payloadTo)} of the file bytes. */
    record Udp(
            String sourceIp,
            int sourcePort,
            String destinationIp,
            int destinationPort,
            int payloadFrom,
            int payloadTo)
            implements Dissection {}

    /** A well-formed frame that carries no UDP datagram (ARP, TCP, ICMP...). */
    record NotUdp(String what) implements Dissection {}

    /** A frame whose headers are inconsistent or cut short. */
    record Malformed(String reason) implements Dissection {}
}
