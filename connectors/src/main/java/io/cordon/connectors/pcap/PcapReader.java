package io.cordon.connectors.pcap;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads a classic libpcap file (the tcpdump.org "pcap" format, draft-ietf-opsawg-pcap): a 24-octet
 * file header (magic {@code A1B2C3D4} for microsecond or {@code A1B23C4D} for nanosecond
 * timestamps, written in the capturing host's byte order; link type in the last four octets), then
 * packet records of {@code ts_sec, ts_frac, caplen, origlen} (four octets each) and caplen octets
 * of frame.
 *
 * <p>Each UDP datagram becomes a value. Frames that carry no UDP (ARP, TCP...) are skipped. A
 * malformed frame is an error with its packet bytes; a record header that runs past the end of the
 * file (a capture cut off while being written) ends the file with an error.
 */
public final class PcapReader implements Decoder<UdpDatagram> {
    /** Larger captured lengths than this are taken as corruption, not jumbo frames. */
    static final int MAX_CAPTURED_OCTETS = 262_144;

    private static final PcapReader INSTANCE = new PcapReader();

    /** Reads every UDP datagram of the capture in {@code file}. */
    public static DecodeResult<UdpDatagram> read(byte[] file) {
        return INSTANCE.decode(file);
    }

    @Override
    public DecodeResult<UdpDatagram> decode(byte[] file) {
        DecodeResult.Builder<UdpDatagram> out = new DecodeResult.Builder<>();
        if (file == null || file.length < 24) {
            int n = file == null ? 0 : file.length;
            return out.error("pcap file header cut short: " + n + " of 24 octets", 0, orEmpty(file))
                    .build();
        }
        long magic = u32(file, 0, false);
        boolean littleEndian;
        boolean nanos;
        if (magic == 0xA1B2C3D4L || magic == 0xA1B23C4DL) {
            littleEndian = false;
        } else if (magic == 0xD4C3B2A1L || magic == 0x4D3CB2A1L) {
            littleEndian = true;
        } else if (magic == 0x0A0D0D0AL) {
            return out.error(
                            "pcapng files are not supported; convert with editcap -F pcap",
                            0,
                            head(file))
                    .build();
        } else {
            return out.error(String.format("not a pcap file (magic %08X)", magic), 0, head(file))
                    .build();
        }
        nanos = u32(file, 0, littleEndian) == 0xA1B23C4DL;
        long linkNumber = u32(file, 20, littleEndian) & 0x0FFFFFFFL;
        LinkType link = LinkType.of(linkNumber);
        if (link == null) {
            return out.error("unsupported pcap link type " + linkNumber, 20, head(file)).build();
        }
        readPackets(file, littleEndian, nanos, link, out);
        return out.build();
    }

    private static void readPackets(
            byte[] file,
            boolean littleEndian,
            boolean nanos,
            LinkType link,
            DecodeResult.Builder<UdpDatagram> out) {
        int at = 24;
        long index = 0;
        while (at < file.length) {
            if (file.length - at < 16) {
                out.error(
                        "packet record header cut short at end of file ("
                                + (file.length - at)
                                + " of 16 octets)",
                        at,
                        Arrays.copyOfRange(file, at, file.length));
                return;
            }
            long seconds = u32(file, at, littleEndian);
            long fraction = u32(file, at + 4, littleEndian);
            long captured = u32(file, at + 8, littleEndian);
            if (captured > MAX_CAPTURED_OCTETS || captured > file.length - at - 16) {
                out.error(
                        "packet "
                                + index
                                + " claims "
                                + captured
                                + " captured octets but "
                                + (file.length - at - 16)
                                + " remain (file cut short or corrupt)",
                        at,
                        Arrays.copyOfRange(file, at, file.length));
                return;
            }
            int from = at + 16;
            int to = from + (int) captured;
            long nanosOfSecond = nanos ? fraction : fraction * 1000;
            Dissection d = PacketDissector.dissect(file, from, to, link, littleEndian);
            if (d instanceof Dissection.Udp u) {
                if (nanosOfSecond > 999_999_999L) {
                    out.error(
                            "packet " + index + " timestamp fraction " + fraction + " out of range",
                            at,
                            Arrays.copyOfRange(file, from, to));
                } else {
                    out.value(
                            new UdpDatagram(
                                    Instant.ofEpochSecond(seconds, nanosOfSecond),
                                    index,
                                    u.sourceIp(),
                                    u.sourcePort(),
                                    u.destinationIp(),
                                    u.destinationPort(),
                                    Arrays.copyOfRange(file, u.payloadFrom(), u.payloadTo())));
                }
            } else if (d instanceof Dissection.Malformed m) {
                out.error(
                        "packet " + index + ": " + m.reason(),
                        at,
                        Arrays.copyOfRange(file, from, to));
            }
            at = to;
            index++;
        }
    }

    private static long u32(byte[] b, int p, boolean littleEndian) {
        if (littleEndian) {
            return (b[p] & 0xFFL)
                    | (b[p + 1] & 0xFFL) << 8
                    | (b[p + 2] & 0xFFL) << 16
                    | (b[p + 3] & 0xFFL) << 24;
        }
        return (b[p] & 0xFFL) << 24
                | (b[p + 1] & 0xFFL) << 16
                | (b[p + 2] & 0xFFL) << 8
                | (b[p + 3] & 0xFFL);
    }

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, Math.min(file.length, 24));
    }

    private static byte[] orEmpty(byte[] file) {
        return file == null ? new byte[0] : file;
    }
}
