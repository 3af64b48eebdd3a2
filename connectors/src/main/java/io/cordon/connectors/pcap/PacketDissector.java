package io.cordon.connectors.pcap;

/**
 * Peels link, network and transport headers off one captured frame down to a UDP payload. Layouts:
 * Ethernet II with IEEE 802.1Q/802.1ad tags; Linux cooked capture v1 (16-octet header, protocol at
 * offset 14) and v2 (20 octets, protocol at offset 0); BSD loopback (4-octet address family in the
 * capturing host's byte order); IPv4 (RFC 791), IPv6 (RFC 8200) with its hop-by-hop, routing and
 * destination-options extension headers; UDP (RFC 768).
 */
final class PacketDissector {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int PROTOCOL_UDP = 17;

    private PacketDissector() {}

    static Dissection dissect(byte[] b, int from, int to, LinkType link, boolean littleEndian) {
        switch (link) {
            case ETHERNET:
                return ethernet(b, from, to);
            case LINUX_SLL:
                if (to - from < 16) {
                    return new Dissection.Malformed("Linux cooked header cut short");
                }
                return byEtherType(b, u16(b, from + 14), from + 16, to);
            case LINUX_SLL2:
                if (to - from < 20) {
                    return new Dissection.Malformed("Linux cooked v2 header cut short");
                }
                return byEtherType(b, u16(b, from), from + 20, to);
            case NULL_LOOPBACK:
                return loopback(b, from, to, littleEndian);
            case RAW_IP:
                return rawIp(b, from, to);
            case IPV4:
                return ipv4(b, from, to);
            case IPV6:
                return ipv6(b, from, to);
            default:
                return new Dissection.Malformed("unsupported link type " + link);
        }
    }

    private static Dissection ethernet(byte[] b, int from, int to) {
        int at = from + 12;
        if (to - from < 14) {
            return new Dissection.Malformed("Ethernet header cut short");
        }
        int type = u16(b, at);
        at += 2;
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
            if (to - at < 4) {
                return new Dissection.Malformed("VLAN tag cut short");
            }
            type = u16(b, at + 2);
            at += 4;
        }
        return byEtherType(b, type, at, to);
    }

    private static Dissection byEtherType(byte[] b, int type, int at, int to) {
        if (type == ETHERTYPE_IPV4) {
            return ipv4(b, at, to);
        }
        if (type == ETHERTYPE_IPV6) {
            return ipv6(b, at, to);
        }
        return new Dissection.NotUdp(String.format("ethertype 0x%04X", type));
    }

    private static Dissection loopback(byte[] b, int from, int to, boolean littleEndian) {
        if (to - from < 4) {
            return new Dissection.Malformed("loopback header cut short");
        }
        long family =
                littleEndian
                        ? (b[from] & 0xFF)
                                | (b[from + 1] & 0xFF) << 8
                                | (b[from + 2] & 0xFF) << 16
                                | (long) (b[from + 3] & 0xFF) << 24
                        : (long) u16(b, from) << 16 | u16(b, from + 2);
        if (family == 2) {
            return ipv4(b, from + 4, to);
        }
        if (family == 24 || family == 28 || family == 30) {
            return ipv6(b, from + 4, to);
        }
        return new Dissection.NotUdp("address family " + family);
    }

    private static Dissection rawIp(byte[] b, int from, int to) {
        if (to - from < 1) {
            return new Dissection.Malformed("empty raw IP frame");
        }
        int version = (b[from] & 0xFF) >>> 4;
        return version == 6 ? ipv6(b, from, to) : ipv4(b, from, to);
    }

    private static Dissection ipv4(byte[] b, int at, int to) {
        if (to - at < 20) {
            return new Dissection.Malformed("IPv4 header cut short");
        }
        int version = (b[at] & 0xFF) >>> 4;
        int headerLength = (b[at] & 0x0F) * 4;
        if (version != 4 || headerLength < 20) {
            return new Dissection.Malformed(
                    "not an IPv4 header (version " + version + ", IHL " + headerLength + ")");
        }
        int totalLength = u16(b, at + 2);
        if (totalLength < headerLength) {
            return new Dissection.Malformed("IPv4 total length " + totalLength + " < header");
        }
        int end = Math.min(to, at + totalLength);
        int protocol = b[at + 9] & 0xFF;
        if (protocol != PROTOCOL_UDP) {
            return new Dissection.NotUdp("IP protocol " + protocol);
        }
        int fragment = u16(b, at + 6);
        if ((fragment & 0x3FFF) != 0) {
            return new Dissection.Malformed("IPv4 fragment (reassembly not supported)");
        }
        if (at + headerLength > end) {
            return new Dissection.Malformed("IPv4 options cut short");
        }
        String src = dotted(b, at + 12);
        String dst = dotted(b, at + 16);
        return udp(b, at + headerLength, end, src, dst, at + totalLength > to);
    }

    private static Dissection ipv6(byte[] b, int at, int to) {
        if (to - at < 40) {
            return new Dissection.Malformed("IPv6 header cut short");
        }
        if ((b[at] & 0xFF) >>> 4 != 6) {
            return new Dissection.Malformed("not an IPv6 header");
        }
        int payloadLength = u16(b, at + 4);
        int next = b[at + 6] & 0xFF;
        String src = hex6(b, at + 8);
        String dst = hex6(b, at + 24);
        int end = Math.min(to, at + 40 + payloadLength);
        int p = at + 40;
        while (next == 0 || next == 43 || next == 60) {
            if (end - p < 8) {
                return new Dissection.Malformed("IPv6 extension header cut short");
            }
            next = b[p] & 0xFF;
            p += 8 + (b[p + 1] & 0xFF) * 8;
        }
        if (next == 44) {
            return new Dissection.Malformed("IPv6 fragment (reassembly not supported)");
        }
        if (next != PROTOCOL_UDP) {
            return new Dissection.NotUdp("IPv6 next header " + next);
        }
        if (p > end) {
            return new Dissection.Malformed("IPv6 extension headers overrun the packet");
        }
        return udp(b, p, end, src, dst, at + 40 + payloadLength > to);
    }

    private static Dissection udp(
            byte[] b, int at, int end, String src, String dst, boolean cutBySnaplen) {
        if (end - at < 8) {
            return new Dissection.Malformed("UDP header cut short");
        }
        int length = u16(b, at + 4);
        if (length < 8) {
            return new Dissection.Malformed("UDP length " + length + " < 8");
        }
        if (at + length > end) {
            return new Dissection.Malformed(
                    "UDP datagram of "
                            + length
                            + " octets has only "
                            + (end - at)
                            + (cutBySnaplen ? " captured (snap length)" : " in the IP packet"));
        }
        return new Dissection.Udp(src, u16(b, at), dst, u16(b, at + 2), at + 8, at + length);
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    private static String dotted(byte[] b, int p) {
        return (b[p] & 0xFF)
                + "."
                + (b[p + 1] & 0xFF)
                + "."
                + (b[p + 2] & 0xFF)
                + "."
                + (b[p + 3] & 0xFF);
    }

    private static String hex6(byte[] b, int p) {
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString(u16(b, p + i)));
        }
        return s.toString();
    }
}
