package io.cordon.pipeline.flink.codec;

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

    /** Added to a wire type in a schema below: the field may come more than once. */
    private static final int REPEATED = 8;

    /** No such field in the schema. */
    private static final int NONE = -1;

    // Each message's wire type by field number, as cordon/v1 declares them.
    private static final byte[] OBSERVATION =
            schema(LEN, LEN, LEN, LEN, LEN, LEN, LEN, NONE, NONE, LEN, LEN, LEN);
    private static final byte[] PROVENANCE = schema(LEN, LEN, VARINT);
    private static final byte[] TIMESTAMP = schema(VARINT, VARINT);
    private static final byte[] DOUBLES3 = schema(FIXED64, FIXED64, FIXED64);
    private static final byte[] IDENTITY = schema(LEN, LEN, LEN, LEN);
    private static final byte[] CLASSIFICATION = schema(VARINT, FIXED64);
    private static final byte[] MARKING = schema(VARINT, LEN | REPEATED);
    private static final byte[] RADAR_PLOT =
            schema(LEN, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64, FIXED64);
    private static final byte[] GEODETIC_POSITION = schema(LEN, LEN, FIXED64);
    private static final byte[] SENSOR_TRACK = schema(LEN, LEN, LEN, LEN);

    /** Wire types of fields 1, 2, ... (index 0: no field 0). */
    private static byte[] schema(int... wireTypes) {
        byte[] types = new byte[wireTypes.length + 1];
        types[0] = NONE;
        for (int i = 0; i < wireTypes.length; i++) {
            types[i + 1] = (byte) wireTypes[i];
        }
        return types;
    }

    private static final CommonCodec.CoreValues<SensorKind> SENSOR_KINDS =
            new CommonCodec.CoreValues<>(
                    SensorKind.class,
                    io.cordon.proto.v1.SensorKind.getDescriptor(),
                    "SENSOR_KIND_");

    private static final CommonCodec.CoreValues<TargetClass> TARGET_CLASSES =
            new CommonCodec.CoreValues<>(
                    TargetClass.class,
                    io.cordon.proto.v1.TargetClass.getDescriptor(),
                    "TARGET_CLASS_");

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

        /**
         * The number of the message's next field, 0 at its end. {@code types} gives each field
         * number's wire type ({@link #REPEATED} added where the field may come again); a field this
         * schema lacks, another wire type, or a singular field given twice is unusual.
         */
        private int next(byte[] types, long seen) {
            if (pos >= limit) {
                return 0;
            }
            int tag = tag();
            int number = tag >>> 3;
            check(number < types.length && types[number] != NONE);
            check((types[number] & 7) == (tag & 7));
            check((types[number] & REPEATED) != 0 || (seen & (1L << number)) == 0);
            return number;
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
            for (int f; (f = next(OBSERVATION, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    id = string();
                    continue;
                }
                int outer = enter();
                switch (f) {
                    case 2 -> provenance();
                    case 3 -> eventTime = timestamp();
                    case 4 -> velocity = velocity();
                    case 5 -> identity = identity();
                    case 6 -> classification = classification();
                    case 7 -> marking = marking();
                    default -> {
                        // 10, 11, 12: the measurement, a oneof (set twice, the last would win)
                        check(measurement == null);
                        measurement =
                                f == 10
                                        ? radarPlot()
                                        : f == 11 ? geodeticPosition() : sensorTrack();
                    }
                }
                leave(outer);
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
            for (int f; (f = next(PROVENANCE, seen)) != 0; seen |= 1L << f) {
                switch (f) {
                    case 1 -> partner = string();
                    case 2 -> sensor = string();
                    default -> kind = varint();
                }
            }
            check(!partner.isBlank() && !sensor.isBlank());
            SensorKind k = SENSOR_KINDS.of(kind);
            check(k != null);
            partnerId = partner;
            sensorId = sensor;
            this.kind = k;
        }

        private Instant timestamp() {
            long seconds = 0;
            long nanos = 0;
            long seen = 0;
            for (int f; (f = next(TIMESTAMP, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    seconds = varint();
                } else {
                    nanos = varint();
                }
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
            for (int f; (f = next(DOUBLES3, seen)) != 0; seen |= 1L << f) {
                v[f - 1] = fixed64();
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
            for (int f; (f = next(IDENTITY, seen)) != 0; seen |= 1L << f) {
                s[f - 1] = string();
            }
            return new CooperativeIdentity(s[0], s[1], s[2], s[3]);
        }

        private Classification classification() {
            long targetClass = 0;
            double confidence = 0;
            long seen = 0;
            for (int f; (f = next(CLASSIFICATION, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    targetClass = varint();
                } else {
                    confidence = fixed64();
                }
            }
            check(confidence >= 0 && confidence <= 1);
            if (targetClass == 0) {
                return new Classification(TargetClass.UNKNOWN, confidence);
            }
            TargetClass c = TARGET_CLASSES.of(targetClass);
            check(c != null);
            return new Classification(c, confidence);
        }

        private Marking marking() {
            boolean toAll = false;
            List<String> partners = null;
            long seen = 0;
            for (int f; (f = next(MARKING, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    toAll = varint() != 0;
                    continue;
                }
                String partner = string(); // repeated: every occurrence is one more element
                check(!partner.isBlank());
                if (partners == null) {
                    partners = new ArrayList<>(2);
                }
                partners.add(partner);
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
            for (int f; (f = next(RADAR_PLOT, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    int outer = enter();
                    sensor = geoPoint();
                    leave(outer);
                } else {
                    v[f] = fixed64();
                }
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
            for (int f; (f = next(GEODETIC_POSITION, seen)) != 0; seen |= 1L << f) {
                if (f == 3) {
                    sigmaAltM = fixed64();
                    check(sigmaAltM > 0 && Double.isFinite(sigmaAltM));
                    continue;
                }
                int outer = enter();
                if (f == 1) {
                    position = geoPoint();
                } else {
                    cov = doubles3();
                }
                leave(outer);
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
            for (int f; (f = next(SENSOR_TRACK, seen)) != 0; seen |= 1L << f) {
                if (f == 1) {
                    localTrackId = string();
                    continue;
                }
                int outer = enter();
                if (f == 2) {
                    fix = geodeticPosition();
                } else if (f == 3) {
                    trackVelocity = velocity();
                } else {
                    velocityCovariance = doubles3();
                }
                leave(outer);
            }
            check(!localTrackId.isBlank() && fix != null);
            if (velocityCovariance != null) {
                check(trackVelocity != null && positiveDefinite(velocityCovariance));
            }
            return new SensorTrackUpdate(localTrackId, fix);
        }
    }
}
