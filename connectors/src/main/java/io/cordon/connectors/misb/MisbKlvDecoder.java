package io.cordon.connectors.misb;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.util.Arrays;

/**
 * Decodes a buffer of KLV packets (one or more, as demultiplexed from a MPEG-TS metadata stream):
 * 16-byte Universal Key, BER length, value.
 *
 * <ul>
 *   <li>{@code 06 0E 2B 34 02 0B 01 01 0E 01 03 01 01 00 00 00}: ST 0601 UAS Datalink LS;
 *   <li>{@code 06 0E 2B 34 02 0B 01 01 0E 01 03 03 06 00 00 00}: ST 0903 VMTI LS;
 * </ul>
 *
 * (byte 7, the registry version, is not compared). Both must end with the checksum item (tag 1, 2
 * bytes), validated with {@link KlvChecksum} over the packet up to the checksum value; a mismatch
 * rejects the packet with both values in the reason. Other keys are rejected as unsupported. After
 * a packet whose length cannot be trusted the decoder resumes at the next {@code 06 0E 2B 34}.
 * Error offsets are byte offsets of the packet in the input.
 */
public final class MisbKlvDecoder implements Decoder<MisbPacket> {
    static final byte[] UAS_DATALINK_KEY = key(0x01, 0x01);
    static final byte[] VMTI_KEY = key(0x03, 0x06);
    private static final int KEY_LENGTH = 16;
    private static final int CHECKSUM_ITEM = 4;

    private static byte[] key(int b11, int b12) {
        return new byte[] {
            0x06,
            0x0E,
            0x2B,
            0x34,
            0x02,
            0x0B,
            0x01,
            0x01,
            0x0E,
            0x01,
            0x03,
            (byte) b11,
            (byte) b12,
            0x00,
            0x00,
            0x00
        };
    }

    @Override
    public DecodeResult<MisbPacket> decode(byte[] input) {
        DecodeResult.Builder<MisbPacket> out = new DecodeResult.Builder<>();
        if (input == null || input.length == 0) {
            return out.error("empty input", 0, input).build();
        }
        int pos = 0;
        while (pos < input.length) {
            if (input.length - pos < KEY_LENGTH + 1) {
                out.error(
                        (input.length - pos) + " trailing bytes are shorter than a key and length",
                        pos,
                        Arrays.copyOfRange(input, pos, input.length));
                break;
            }
            long[] length = Ber.length(input, pos + KEY_LENGTH, input.length);
            int valueFrom = length == null ? -1 : pos + KEY_LENGTH + (int) length[1];
            if (length == null || length[0] > input.length - valueFrom) {
                int next = nextKey(input, pos + 1);
                out.error(
                        length == null
                                ? "malformed BER length after the key"
                                : "packet length " + length[0] + " runs past the end of the input",
                        pos,
                        Arrays.copyOfRange(input, pos, next));
                pos = next;
                continue;
            }
            int valueTo = valueFrom + (int) length[0];
            DecodeResult<MisbPacket> packet = packet(input, pos, valueFrom, valueTo);
            packet.values().forEach(out::value);
            packet.errors().forEach(e -> out.error(e.reason(), e.offset(), e.raw()));
            pos = valueTo;
        }
        return out.build();
    }

    private static DecodeResult<MisbPacket> packet(byte[] b, int from, int valueFrom, int valueTo) {
        boolean uas = keyMatches(b, from, UAS_DATALINK_KEY);
        boolean vmti = !uas && keyMatches(b, from, VMTI_KEY);
        byte[] raw = Arrays.copyOfRange(b, from, valueTo);
        if (!uas && !vmti) {
            return DecodeResult.error(
                    "key " + hex(b, from, KEY_LENGTH) + " is not ST 0601 or ST 0903", from, raw);
        }
        String standard = uas ? "ST 0601" : "ST 0903";
        int checksumAt = valueTo - CHECKSUM_ITEM;
        if (checksumAt < valueFrom || b[checksumAt] != 0x01 || b[checksumAt + 1] != 0x02) {
            return DecodeResult.error(
                    standard + " packet does not end with the checksum (tag 1)", from, raw);
        }
        int stated = (int) Ber.unsigned(b, checksumAt + 2, 2);
        int computed = KlvChecksum.compute(b, from, checksumAt + 2);
        if (stated != computed) {
            return DecodeResult.error(
                    String.format(
                            "%s checksum mismatch: stated 0x%04X, computed 0x%04X",
                            standard, stated, computed),
                    from,
                    raw);
        }
        DecodeResult<? extends MisbPacket> decoded =
                uas
                        ? UasDatalinkDecoder.decode(b, valueFrom, checksumAt)
                        : VmtiDecoder.decode(b, valueFrom, valueTo);
        if (decoded.values().isEmpty()) {
            return DecodeResult.error(
                    standard + ": " + decoded.errors().get(0).reason(), from, raw);
        }
        return DecodeResult.of(decoded.values().get(0));
    }

    private static boolean keyMatches(byte[] b, int at, byte[] key) {
        for (int i = 0; i < KEY_LENGTH; i++) {
            if (i != 7 && b[at + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private static int nextKey(byte[] b, int from) {
        for (int i = from; i + 4 <= b.length; i++) {
            if (b[i] == 0x06 && b[i + 1] == 0x0E && b[i + 2] == 0x2B && b[i + 3] == 0x34) {
                return i;
            }
        }
        return b.length;
    }

    private static String hex(byte[] b, int from, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(String.format("%02X", b[from + i]));
        }
        return s.toString();
    }
}
