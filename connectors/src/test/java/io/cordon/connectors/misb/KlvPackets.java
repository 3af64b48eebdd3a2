package io.cordon.connectors.misb;

import java.io.ByteArrayOutputStream;

/**
 * Builds KLV test packets from the standards' forward mappings (ST 0601 linear conversions, ST 1201
 * IMAPB encoding, BER lengths, running-sum checksum), independently of the decoders.
 */
final class KlvPackets {
    private KlvPackets() {}

    /** ST 1201 forward mapping: y = floor(sF (x - min) + zOffset) on {@code length} bytes. */
    static byte[] imapb(double x, double min, double max, int length) {
        int bPow = (int) Math.ceil(Math.log(max - min) / Math.log(2));
        int dPow = 8 * length - 1;
        double sF = Math.pow(2, dPow - bPow);
        double zOffset = min < 0 && max > 0 ? sF * min - Math.floor(sF * min) : 0.0;
        long y = (long) Math.floor(sF * (x - min) + zOffset);
        return big(y, length);
    }

    static byte[] big(long value, int length) {
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    static byte[] item(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag); // tags below 128 are one BER-OID byte
        length(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    static void length(ByteArrayOutputStream out, int n) {
        if (n < 128) {
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A keyed packet with its items and a valid checksum (tag 1) appended. */
    static byte[] packet(byte[] key, byte[] items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(key);
        length(out, items.length + 4);
        out.writeBytes(items);
        out.write(0x01);
        out.write(0x02);
        byte[] partial = out.toByteArray();
        int sum = 0;
        for (int i = 0; i < partial.length; i++) {
            sum += (partial[i] & 0xFF) << ((i % 2 == 0) ? 8 : 0);
        }
        out.write((sum >>> 8) & 0xFF);
        out.write(sum & 0xFF);
        return out.toByteArray();
    }

    static byte[] micros(long epochMicros) {
        return big(epochMicros, 8);
    }
}
