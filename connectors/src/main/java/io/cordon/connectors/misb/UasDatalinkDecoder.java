package io.cordon.connectors.misb;

import io.cordon.connectors.decode.DecodeResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The ST 0601 tags decoded here, with their fixed lengths and linear conversions (ST 0601.19 table
 * 1): value = raw * scale + offset, raw unsigned or two's complement; for signed tags the most
 * negative raw value is the "out of range" indicator.
 */
final class UasDatalinkDecoder {
    private static final int MAX_TAG = 128;
    private static final Conversion[] CONVERSIONS = new Conversion[MAX_TAG];

    private record Conversion(int length, boolean signed, double scale, double offset) {}

    static {
        double u16 = 65535.0;
        double s16 = 65534.0;
        double u32 = 4294967295.0;
        double s32 = 4294967294.0;
        conversion(5, 2, false, 360 / u16, 0); // platform heading
        conversion(6, 2, true, 40 / s16, 0); // platform pitch
        conversion(7, 2, true, 100 / s16, 0); // platform roll
        conversion(13, 4, true, 180 / s32, 0); // sensor latitude
        conversion(14, 4, true, 360 / s32, 0); // sensor longitude
        conversion(15, 2, false, 19900 / u16, -900); // sensor true altitude
        conversion(16, 2, false, 180 / u16, 0); // horizontal FOV
        conversion(17, 2, false, 180 / u16, 0); // vertical FOV
        conversion(18, 4, false, 360 / u32, 0); // sensor relative azimuth
        conversion(19, 4, true, 360 / s32, 0); // sensor relative elevation
        conversion(20, 4, false, 360 / u32, 0); // sensor relative roll
        conversion(21, 4, false, 5_000_000 / u32, 0); // slant range
        conversion(22, 2, false, 10_000 / u16, 0); // target width
        conversion(23, 4, true, 180 / s32, 0); // frame centre latitude
        conversion(24, 4, true, 360 / s32, 0); // frame centre longitude
        conversion(25, 2, false, 19900 / u16, -900); // frame centre elevation
        conversion(65, 1, false, 1, 0); // UAS LS version
        conversion(75, 2, false, 19900 / u16, -900); // sensor ellipsoid height
        conversion(78, 2, false, 19900 / u16, -900); // frame centre HAE
    }

    private static void conversion(
            int tag, int length, boolean signed, double scale, double offset) {
        CONVERSIONS[tag] = new Conversion(length, signed, scale, offset);
    }

    private UasDatalinkDecoder() {}

    /** Decodes the items in {@code b[from, to)} (checksum excluded). Errors: offset 0, no raw. */
    static DecodeResult<UasDatalinkPacket> decode(byte[] b, int from, int to) {
        double[] values = new double[MAX_TAG];
        Arrays.fill(values, Double.NaN);
        String[] texts = new String[MAX_TAG];
        Optional<Instant> time = Optional.empty();
        Optional<VmtiLocalSet> vmti = Optional.empty();
        TreeSet<Integer> tags = new TreeSet<>();
        LocalSetReader items = new LocalSetReader(b, from, to);
        while (items.next()) {
            int tag = items.tag();
            tags.add(tag);
            int at = items.valueFrom();
            int length = items.length();
            if (tag == 2) {
                time = MisbValues.timestamp(b, at, length);
                if (time == null) {
                    return fail(
                            "tag 2 (precision time stamp) must be 8 bytes of microseconds, was "
                                    + length);
                }
            } else if (tag == 3 || tag == 10 || tag == 11 || tag == 12) {
                texts[tag] = MisbValues.text(b, at, length);
            } else if (tag == 74) {
                DecodeResult<VmtiLocalSet> nested = VmtiDecoder.decode(b, at, items.valueTo());
                if (nested.values().isEmpty()) {
                    return fail("tag 74 (VMTI): " + nested.errors().get(0).reason());
                }
                vmti = Optional.of(nested.values().get(0));
            } else if (tag < MAX_TAG && CONVERSIONS[tag] != null) {
                Conversion c = CONVERSIONS[tag];
                if (length != c.length) {
                    return fail("tag " + tag + " has " + length + " bytes, expected " + c.length);
                }
                long raw = c.signed ? Ber.signed(b, at, length) : Ber.unsigned(b, at, length);
                boolean outOfRange = c.signed && raw == -(1L << (8 * length - 1));
                values[tag] = outOfRange ? Double.NaN : raw * c.scale + c.offset;
            }
        }
        if (items.error() != null) {
            return fail(items.error());
        }
        return DecodeResult.of(
                new UasDatalinkPacket(
                        time,
                        text(texts, 3),
                        v(values, 5),
                        v(values, 6),
                        v(values, 7),
                        text(texts, 10),
                        text(texts, 11),
                        text(texts, 12),
                        v(values, 13),
                        v(values, 14),
                        v(values, 15),
                        v(values, 16),
                        v(values, 17),
                        v(values, 18),
                        v(values, 19),
                        v(values, 20),
                        v(values, 21),
                        v(values, 22),
                        v(values, 23),
                        v(values, 24),
                        v(values, 25),
                        Double.isNaN(values[65])
                                ? OptionalInt.empty()
                                : OptionalInt.of((int) values[65]),
                        vmti,
                        v(values, 75),
                        v(values, 78),
                        tags));
    }

    private static OptionalDouble v(double[] values, int tag) {
        return MisbValues.optional(values[tag]);
    }

    private static String text(String[] texts, int tag) {
        return texts[tag] == null ? "" : texts[tag];
    }

    private static DecodeResult<UasDatalinkPacket> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
