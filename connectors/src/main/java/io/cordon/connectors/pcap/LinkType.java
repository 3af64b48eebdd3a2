package io.cordon.connectors.pcap;

/**
 * The pcap link-layer header types this reader understands (tcpdump.org "Link-layer header types"),
 * with the number of the LINKTYPE_ value in the file header.
 */
enum LinkType {
    NULL_LOOPBACK(0),
    ETHERNET(1),
    RAW_IP(101),
    LINUX_SLL(113),
    IPV4(228),
    IPV6(229),
    LINUX_SLL2(276);

    final int number;

    LinkType(int number) {
        this.number = number;
    }

    /** The link type numbered {@code number}, or null when unsupported. */
    static LinkType of(long number) {
        for (LinkType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}
