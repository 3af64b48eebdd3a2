package io.cordon.pipeline.flink.codec;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code cordon.v1.Observation} from its wire bytes straight into the core {@link
 * Observation}, without the generated protobuf messages and their builders (the fusion job parses
 * every observation at its source; the generated path was about 60 % of that thread,
 * docs/benchmarks.md).
 *
 * <p>It takes only what it reads exactly as the generated parser and {@link ObservationCodec}'s
 * checks would: a valid observation whose fields are all known to this schema, with their declared
 * wire types, each singular field at most once, strings in ASCII and varints of at most nine bytes.
 * For anything else, invalid or merely unusual (an unknown field, a message field repeated, which
 * protobuf merges, a negative varint, non-ASCII text), {@link #read} returns {@code null} and
 * {@link ObservationCodec#parse} decides with the generated code, so every refusal keeps its
 * message and every encoding its meaning. {@code ObservationWireTest} holds the two paths to the
 * same result on random, mutated and concatenated messages.
 */
final class ObservationWire {
    private ObservationWire() {}

    /** Not this reader's case: the generated path decides. Thrown without a stack trace. */
    private static final class Unusual extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LEN = 2;

    /** Core sensor kinds by proto enum number; null where {@code coreEnum} would refuse. */
    private static final SensorKind[] SENSOR_KINDS =
            byNumber(
                    SensorKind.class,
                    io.cordon.proto.v1.SensorKind.getDescriptor(),
                    "SENSOR_KIND_",
                    new SensorKind[0]);

    private static final TargetClass[] TARGET_CLASSES =
            byNumber(
                    TargetClass.class,
                    io.cordon.proto.v1.TargetClass.getDescriptor(),
                    "TARGET_CLASS_",
                    new TargetClass[0]);

    private static <E extends Enum<E>> E[] byNumber(
            Class<E> type, EnumDescriptor descriptor, String prefix, E[] empty) {
        int max = 0;
        for (EnumValueDescriptor v : descriptor.getValues()) {
            max = Math.max(max, v.getNumber());
        }
        E[] table = java.util.Arrays.copyOf(empty, max + 1);
        for (EnumValueDescriptor v : descriptor.getValues()) {
            if (v.getNumber() <= 0) {
                continue; // the zero value is "not set", and refused by coreEnum
            }
            try {
                table[v.getNumber()] = Enum.valueOf(type, v.getName().substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                // no core counterpart: coreEnum refuses it, so the generated path decides
            }
        }
        return table;
    }

    /**
     * The core observation, or {@code null} when the generated path must decide (anything invalid
     * or unusual, see the class comment).
     */
    static Observation read(byte[] bytes) {
        try {
            return new Reader(bytes).observation();
        } catch (Unusual | IllegalArgumentException e) {
            // IllegalArgumentException: a core constructor's own refusal, which the generated
            // path reproduces with its message.
            return null;
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;
        private int limit;

        // what the nested messages hand to the observation
        private String partnerId;
        private String sensorId;
        private SensorKind kind;
        private Velocity trackVelocity;

        Reader(byte[] b) {
            this.b = b;
            this.limit = b.length;
        }

        private static void check(boolean ok) {
            if (!ok) {
                throw UNUSUAL;
            }
        }

        /** A varint of at most nine bytes (a non-negative int64); longer ones are unusual. */
        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                check(pos < limit);
                byte x = b[pos++];
                value |= (long) (x & 0x7f) << shift;
                if (x >= 0) {
                    return value;
                }
            }
            throw UNUSUAL;
        }

        /** A tag: field number and wire type, both checked by the caller. */
        private int tag() {
            long t = varint();
            check(t > 7 && t <= Integer.MAX_VALUE);
            return (int) t;
        }

        private double fixed64() {
            check(limit - pos >= 8);
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = (v << 8) | (b[pos + i] & 0xffL);
            }
            pos += 8;
            return Double.longBitsToDouble(v);
        }

        /** Enters a length-delimited field; returns the enclosing limit for {@link #leave}. */
        private int enter() {
            long len = varint();
            check(len <= limit - pos);
            int outer = limit;
            limit = pos + (int) len;
            return outer;
        }

        private void leave(int outer) {
            check(pos == limit);
            limit = outer;
        }

        private String string() {
            long len = varint();
            check(len <= limit - pos);
            int start = pos;
            int end = pos + (int) len;
            for (int i = start; i < end; i++) {
                check(b[i] >= 0); // ASCII; other text, valid UTF-8 or not, is the generated path's
            }
            pos = end;
            return new String(b, start, end - start, StandardCharsets.US_ASCII);
        }

        private static int field(int tag, int wireType, long seen, int fieldNumber) {
            check((tag & 7) == wireType);
            check((seen & (1L << fieldNumber)) == 0);
            return fieldNumber;
        }

        Observation observation() {
            String id = "";
            Instant eventTime = null;
            Measurement measurement = null;
            Velocity velocity = null;
            CooperativeIdentity identity = CooperativeIdentity.NONE;
            Classification classification = Classification.UNKNOWN;
            Marking marking = null;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                check(number < 64);
                switch (number) {
                    case 1 -> {
                        field(tag, LEN, seen, number);
                        id = string();
                    }
                    case 2 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        provenance();
                        leave(outer);
                    }
                    case 3 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        eventTime = timestamp();
                        leave(outer);
                    }
                    case 4 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        velocity = velocity();
                        leave(outer);
                    }
                    case 5 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        identity = identity();
                        leave(outer);
                    }
                    case 6 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        classification = classification();
                        leave(outer);
                    }
                    case 7 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        marking = marking();
                        leave(outer);
                    }
                    case 10, 11, 12 -> {
                        field(tag, LEN, seen, number);
                        check(measurement == null); // a oneof set twice: the last one wins
                        int outer = enter();
                        if (number == 10) {
                            measurement = radarPlot();
                        } else if (number == 11) {
                            measurement = geodeticPosition();
                        } else {
                            measurement = sensorTrack();
                        }
                        leave(outer);
                    }
                    default -> throw UNUSUAL;
                }
                seen |= 1L << number;
            }
            check(!id.isBlank());
            check(partnerId != null && kind != null);
            check(eventTime != null && measurement != null && marking != null);
            return new Observation(
                    id,
                    partnerId,
                    sensorId,
                    kind,
                    eventTime,
                    measurement,
                    velocity != null ? velocity : trackVelocity,
                    identity,
                    classification,
                    marking);
        }

        /** Partner id, sensor id and kind, each checked, into this reader's fields. */
        private void provenance() {
            String partner = "";
            String sensor = "";
            long kind = 0;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                switch (number) {
                    case 1 -> {
                        field(tag, LEN, seen, number);
                        partner = string();
                    }
                    case 2 -> {
                        field(tag, LEN, seen, number);
                        sensor = string();
                    }
                    case 3 -> {
                        field(tag, VARINT, seen, number);
                        kind = varint();
                    }
                    default -> throw UNUSUAL;
                }
                seen |= 1L << number;
            }
            check(!partner.isBlank() && !sensor.isBlank());
            check(kind > 0 && kind < SENSOR_KINDS.length && SENSOR_KINDS[(int) kind] != null);
            partnerId = partner;
            sensorId = sensor;
            this.kind = SENSOR_KINDS[(int) kind];
        }

        private Instant timestamp() {
            long seconds = 0;
            long nanos = 0;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                switch (number) {
                    case 1 -> {
                        field(tag, VARINT, seen, number);
                        seconds = varint();
                    }
                    case 2 -> {
                        field(tag, VARINT, seen, number);
                        nanos = varint();
                    }
                    default -> throw UNUSUAL;
                }
                seen |= 1L << number;
            }
            // non-negative (nine-byte varints); the upper bounds of CommonCodec.instant
            check(seconds <= 253_402_300_799L && nanos <= 999_999_999L);
            return Instant.ofEpochSecond(seconds, nanos);
        }

        private Velocity velocity() {
            double[] v = doubles3();
            check(Double.isFinite(v[0]) && Double.isFinite(v[1]) && Double.isFinite(v[2]));
            return new Velocity(v[0], v[1], v[2]);
        }

        /** A message of three doubles, fields 1 to 3 (absent ones 0). */
        private double[] doubles3() {
            double[] v = new double[3];
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                check(number >= 1 && number <= 3);
                field(tag, FIXED64, seen, number);
                v[number - 1] = fixed64();
                seen |= 1L << number;
            }
            return v;
        }

        private GeoPoint geoPoint() {
            double[] p = doubles3();
            check(p[0] >= -90 && p[0] <= 90 && p[1] >= -180 && p[1] <= 180);
            check(Double.isFinite(p[2]));
            return new GeoPoint(p[0], p[1], p[2]);
        }

        private CooperativeIdentity identity() {
            String[] s = {"", "", "", ""};
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                check(number >= 1 && number <= 4);
                s[field(tag, LEN, seen, number) - 1] = string();
                seen |= 1L << number;
            }
            return new CooperativeIdentity(s[0], s[1], s[2], s[3]);
        }

        private Classification classification() {
            long targetClass = 0;
            double confidence = 0;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                switch (number) {
                    case 1 -> {
                        field(tag, VARINT, seen, number);
                        targetClass = varint();
                    }
                    case 2 -> {
                        field(tag, FIXED64, seen, number);
                        confidence = fixed64();
                    }
                    default -> throw UNUSUAL;
                }
                seen |= 1L << number;
            }
            check(confidence >= 0 && confidence <= 1);
            if (targetClass == 0) {
                return new Classification(TargetClass.UNKNOWN, confidence);
            }
            check(targetClass < TARGET_CLASSES.length && TARGET_CLASSES[(int) targetClass] != null);
            return new Classification(TARGET_CLASSES[(int) targetClass], confidence);
        }

        private Marking marking() {
            boolean toAll = false;
            List<String> partners = null;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                switch (number) {
                    case 1 -> {
                        field(tag, VARINT, seen, number);
                        long v = varint();
                        toAll = v != 0;
                        seen |= 1L << number;
                    }
                    case 2 -> {
                        check((tag & 7) == LEN); // repeated: every occurrence is one more element
                        String partner = string();
                        check(!partner.isBlank());
                        if (partners == null) {
                            partners = new ArrayList<>(2);
                        }
                        partners.add(partner);
                    }
                    default -> throw UNUSUAL;
                }
            }
            if (toAll) {
                check(partners == null);
                return Marking.UNRESTRICTED;
            }
            return Marking.releasableTo(partners == null ? List.of() : partners);
        }

        private RadarPlot radarPlot() {
            GeoPoint sensor = null;
            double[] v = new double[10]; // fields 2 to 9 by number
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                check(number >= 1 && number <= 9);
                if (number == 1) {
                    field(tag, LEN, seen, number);
                    int outer = enter();
                    sensor = geoPoint();
                    leave(outer);
                } else {
                    field(tag, FIXED64, seen, number);
                    v[number] = fixed64();
                }
                seen |= 1L << number;
            }
            check(sensor != null);
            double rangeM = v[2];
            double azimuthDeg = v[3];
            double sigmaRangeM = v[5];
            double sigmaAzimuthDeg = v[6];
            boolean hasElevation = (seen & (1L << 4)) != 0;
            check(Double.isFinite(rangeM) && rangeM >= 0);
            check(azimuthDeg >= 0 && azimuthDeg < 360);
            check(sigmaRangeM > 0 && Double.isFinite(sigmaRangeM));
            check(sigmaAzimuthDeg > 0 && Double.isFinite(sigmaAzimuthDeg));
            double elevationDeg = 0;
            double sigmaElevationDeg = 0;
            if (hasElevation) {
                elevationDeg = v[4];
                check(elevationDeg > -90 && elevationDeg < 90);
                sigmaElevationDeg = sigmaAzimuthDeg;
            }
            if ((seen & (1L << 7)) != 0) {
                check(hasElevation);
                sigmaElevationDeg = v[7];
                check(sigmaElevationDeg > 0 && Double.isFinite(sigmaElevationDeg));
            }
            if ((seen & (1L << 8)) != 0) {
                check(Double.isFinite(v[8]));
                rangeM -= v[8];
                check(rangeM >= 0);
            }
            if ((seen & (1L << 9)) != 0) {
                check(v[9] > -180 && v[9] < 180);
                azimuthDeg = ObservationCodec.wrapDegrees(azimuthDeg - v[9]);
            }
            return new RadarPlot(
                    sensor,
                    rangeM,
                    azimuthDeg,
                    sigmaRangeM,
                    sigmaAzimuthDeg,
                    elevationDeg,
                    sigmaElevationDeg);
        }

        /** A GeodeticPosition as a position fix, checked as {@code ObservationCodec} does. */
        private PositionFix geodeticPosition() {
            GeoPoint position = null;
            double[] cov = null;
            double sigmaAltM = 0;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                switch (number) {
                    case 1 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        position = geoPoint();
                        leave(outer);
                    }
                    case 2 -> {
                        field(tag, LEN, seen, number);
                        int outer = enter();
                        cov = doubles3();
                        leave(outer);
                    }
                    case 3 -> {
                        field(tag, FIXED64, seen, number);
                        sigmaAltM = fixed64();
                        check(sigmaAltM > 0 && Double.isFinite(sigmaAltM));
                    }
                    default -> throw UNUSUAL;
                }
                seen |= 1L << number;
            }
            check(position != null && cov != null);
            check(positiveDefinite(cov));
            return new PositionFix(position, cov[0], cov[1], cov[2], sigmaAltM);
        }

        private static boolean positiveDefinite(double[] c) {
            return c[0] > 0
                    && Double.isFinite(c[0])
                    && c[2] > 0
                    && Double.isFinite(c[2])
                    && Double.isFinite(c[1])
                    && c[1] * c[1] < c[0] * c[2];
        }

        /** A sensor track update; its velocity, when it has one, goes to {@link #trackVelocity}. */
        private SensorTrackUpdate sensorTrack() {
            String localTrackId = "";
            PositionFix fix = null;
            double[] velocityCovariance = null;
            long seen = 0;
            while (pos < limit) {
                int tag = tag();
                int number = tag >>> 3;
                check(number >= 1 && number <= 4);
                field(tag, LEN, seen, number);
                if (number == 1) {
                    localTrackId = string();
                } else {
                    int outer = enter();
                    if (number == 2) {
                        fix = geodeticPosition();
                    } else if (number == 3) {
                        trackVelocity = velocity();
                    } else {
                        velocityCovariance = doubles3();
                    }
                    leave(outer);
                }
                seen |= 1L << number;
            }
            check(!localTrackId.isBlank() && fix != null);
            if (velocityCovariance != null) {
                check(trackVelocity != null && positiveDefinite(velocityCovariance));
            }
            return new SensorTrackUpdate(localTrackId, fix);
        }
    }
}
