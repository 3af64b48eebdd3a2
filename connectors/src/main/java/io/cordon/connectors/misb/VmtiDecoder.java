package io.cordon.connectors.misb;

import io.cordon.connectors.decode.DecodeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * ST 0903 VMTI Local Set items: 2 time stamp, 3 system name, 4 version, 5 total targets, 6 reported
 * targets, 7 frame number, 8/9 frame width/height, 10 source sensor, 101 VTarget series (each
 * VTarget: BER length, BER-OID target id, then items 1 centroid, 2/3 bounding box, 4 priority, 5
 * confidence, 17 LocationPack, 19/20 centroid row/column). Other items (algorithm, ontology, masks,
 * objects, features, chips) are skipped.
 */
final class VmtiDecoder {
    private VmtiDecoder() {}

    /** Decodes the items in {@code b[from, to)}; a checksum item (tag 1) is listed, not checked. */
    static DecodeResult<VmtiLocalSet> decode(byte[] b, int from, int to) {
        Optional<Instant> time = Optional.empty();
        String systemName = "";
        String sourceSensor = "";
        OptionalLong[] numbers = new OptionalLong[11];
        Arrays.fill(numbers, OptionalLong.empty());
        List<VmtiTarget> targets = List.of();
        TreeSet<Integer> tags = new TreeSet<>();
        LocalSetReader items = new LocalSetReader(b, from, to);
        while (items.next()) {
            int tag = items.tag();
            tags.add(tag);
            int at = items.valueFrom();
            int length = items.length();
            switch (tag) {
                case 2 -> {
                    time = MisbValues.timestamp(b, at, length);
                    if (time == null) {
                        return fail("tag 2 (precision time stamp) must be 8 bytes, was " + length);
                    }
                }
                case 3 -> systemName = MisbValues.text(b, at, length);
                case 10 -> sourceSensor = MisbValues.text(b, at, length);
                case 4, 5, 6, 7, 8, 9 -> {
                    OptionalLong n = MisbValues.unsigned(b, at, length);
                    if (n == null) {
                        return fail("tag " + tag + " has " + length + " bytes, expected 1-8");
                    }
                    numbers[tag] = n;
                }
                case 101 -> {
                    List<VmtiTarget> series = new ArrayList<>();
                    String problem = targetSeries(b, at, items.valueTo(), series);
                    if (problem != null) {
                        return fail("tag 101 (VTarget series): " + problem);
                    }
                    targets = series;
                }
                default -> {
                    // not needed for detections
                }
            }
        }
        if (items.error() != null) {
            return fail(items.error());
        }
        OptionalLong version = numbers[4];
        return DecodeResult.of(
                new VmtiLocalSet(
                        time,
                        systemName,
                        version.isPresent()
                                ? OptionalInt.of(
                                        (int) Math.min(version.getAsLong(), Integer.MAX_VALUE))
                                : OptionalInt.empty(),
                        numbers[5],
                        numbers[6],
                        numbers[7],
                        numbers[8],
                        numbers[9],
                        sourceSensor,
                        targets,
                        tags));
    }

    private static String targetSeries(byte[] b, int from, int to, List<VmtiTarget> out) {
        int pos = from;
        while (pos < to) {
            long[] length = Ber.length(b, pos, to);
            if (length == null || length[0] > to - pos - length[1]) {
                return "VTarget pack length at offset "
                        + pos
                        + " is malformed or runs past the end";
            }
            int packFrom = pos + (int) length[1];
            int packTo = packFrom + (int) length[0];
            long[] id = Ber.oid(b, packFrom, packTo);
            if (id == null) {
                return "VTarget pack at offset " + pos + " has no BER-OID target id";
            }
            VmtiTarget target = target(b, id[0], packFrom + (int) id[1], packTo);
            if (target == null) {
                return "VTarget " + id[0] + " is malformed";
            }
            out.add(target);
            pos = packTo;
        }
        return null;
    }

    private static VmtiTarget target(byte[] b, long id, int from, int to) {
        OptionalLong[] numbers = new OptionalLong[21];
        Arrays.fill(numbers, OptionalLong.empty());
        Optional<TargetLocation> location = Optional.empty();
        LocalSetReader items = new LocalSetReader(b, from, to);
        while (items.next()) {
            int tag = items.tag();
            if (tag == 17) {
                location = location(b, items.valueFrom(), items.length());
                if (location == null) {
                    return null;
                }
            } else if (tag <= 5 || tag == 19 || tag == 20) {
                OptionalLong n = MisbValues.unsigned(b, items.valueFrom(), items.length());
                if (n == null) {
                    return null;
                }
                numbers[tag] = n;
            }
        }
        if (items.error() != null) {
            return null;
        }
        return new VmtiTarget(
                id,
                numbers[1],
                numbers[2],
                numbers[3],
                small(numbers[4]),
                small(numbers[5]),
                location,
                numbers[19],
                numbers[20]);
    }

    /** LocationPack of 10, 16 or 22 bytes; null when another length or a special value. */
    static Optional<TargetLocation> location(byte[] b, int at, int length) {
        if (length != 10 && length != 16 && length != 22) {
            return null;
        }
        double lat = Imapb.decode(b, at, 4, -90, 90);
        double lon = Imapb.decode(b, at + 4, 4, -180, 180);
        double hae = Imapb.decode(b, at + 8, 2, -900, 19000);
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180) || Double.isNaN(hae)) {
            return null;
        }
        OptionalDouble none = OptionalDouble.empty();
        OptionalDouble sigmaLat = length >= 16 ? sigma(b, at + 10) : none;
        OptionalDouble sigmaLon = length >= 16 ? sigma(b, at + 12) : none;
        OptionalDouble sigmaHae = length >= 16 ? sigma(b, at + 14) : none;
        OptionalDouble rho =
                length == 22 ? MisbValues.optional(Imapb.decode(b, at + 16, 2, -1, 1)) : none;
        return Optional.of(new TargetLocation(lat, lon, hae, sigmaLat, sigmaLon, sigmaHae, rho));
    }

    private static OptionalDouble sigma(byte[] b, int at) {
        return MisbValues.optional(Imapb.decode(b, at, 2, 0, 650));
    }

    private static OptionalInt small(OptionalLong value) {
        return value.isPresent() && value.getAsLong() <= Integer.MAX_VALUE
                ? OptionalInt.of((int) value.getAsLong())
                : OptionalInt.empty();
    }

    private static DecodeResult<VmtiLocalSet> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
