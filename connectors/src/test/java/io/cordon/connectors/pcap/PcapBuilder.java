package io.cordon.connectors.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small pcap files for tests, in either byte order and timestamp resolution. */
final class PcapBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    PcapBuilder(ByteOrder order, boolean nanos, int linkType) {
        this.order = order;
        this.nanos = nanos;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short) 2).putShort((short) 4);
        h.putInt(0).putInt(0).putInt(65535).putInt(linkType);
        out.writeBytes(h.array());
    }

    PcapBuilder packet(long seconds, long fraction, byte[] frame) {
        return packet(seconds, fraction, frame, frame.length);
    }

    PcapBuilder packet(long seconds, long fraction, byte[] frame, int originalLength) {
        ByteBuffer h = ByteBuffer.allocate(16).order(order);
        h.putInt((int) seconds).putInt((int) fraction).putInt(frame.length).putInt(originalLength);
        out.writeBytes(h.array());
        out.writeBytes(frame);
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    boolean nanos() {
        return nanos;
    }

    /** IPv4 header (no options) + UDP header + payload, 10.0.0.1:5000 -> 232.1.1.31:8600. */
    static byte[] ipv4Udp(byte[] payload, int fragmentField) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length));
        b.putShort((short) 1)
                .putShort((short) fragmentField)
                .put((byte) 64)
                .put((byte) 17)
                .putShort((short) 0);
        b.put(new byte[] {10, 0, 0, 1}).put(new byte[] {(byte) 232, 1, 1, 31});
        b.putShort((short) 5000)
                .putShort((short) 8600)
                .putShort((short) (8 + payload.length))
                .putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    static byte[] ipv6Udp(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(48 + 8 + payload.length);
        b.putInt(0x60000000)
                .putShort((short) (8 + 8 + payload.length))
                .put((byte) 0)
                .put((byte) 64);
        b.put(new byte[] {(byte) 0xFE, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        b.put(new byte[] {(byte) 0xFF, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
        b.put((byte) 17).put((byte) 0).put(new byte[6]); // hop-by-hop options header, 8 octets
        b.putShort((short) 6000)
                .putShort((short) 6001)
                .putShort((short) (8 + payload.length))
                .putShort((short) 0);
        b.put(payload);
        return b.array();
    }

    static byte[] ethernet(int etherType, byte[] network, boolean vlan) {
        ByteBuffer b = ByteBuffer.allocate(14 + (vlan ? 4 : 0) + network.length);
        b.put(new byte[12]);
        if (vlan) {
            b.putShort((short) 0x8100).putShort((short) 42);
        }
        b.putShort((short) etherType).put(network);
        return b.array();
    }

    static byte[] linuxCooked(byte[] network) {
        ByteBuffer b = ByteBuffer.allocate(16 + network.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[8]);
        b.putShort((short) 0x0800).put(network);
        return b.array();
    }

    static byte[] linuxCooked2(byte[] network) {
        ByteBuffer b = ByteBuffer.allocate(20 + network.length);
        b.putShort((short) 0x0800).putShort((short) 0).putInt(2).putShort((short) 1);
        b.put((byte) 0).put((byte) 6).put(new byte[8]).put(network);
        return b.array();
    }
}
