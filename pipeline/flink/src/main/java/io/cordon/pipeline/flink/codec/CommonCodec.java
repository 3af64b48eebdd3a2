package io.cordon.pipeline.flink.codec;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Timestamp;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.VelocityEnu;
import java.time.Instant;
import java.util.List;

/**
 * Both directions for the types of {@code cordon/v1/common.proto}. Readers take the proto path of
 * the field they read so that a refusal names it; they throw {@link InvalidFieldException}, which
 * the public codecs turn into {@link DecodeResult.Failed}. A nested path is passed as parent and
 * field ({@code (parent, field)} overloads) and joined only when a check fails: the decoders check
 * every field of every record (joining the paths up front cost about 300 bytes of garbage per
 * observation, docs/benchmarks.md).
 */
final class CommonCodec {
    /** 0001-01-01T00:00:00Z, the smallest valid google.protobuf.Timestamp. */
    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;

    /** 9999-12-31T23:59:59Z, the largest valid google.protobuf.Timestamp. */
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;

    private CommonCodec() {}

    static InvalidFieldException invalid(String message) {
        return new InvalidFieldException(message);
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String requireText(String value, String path) {
        return requireText(value, "", path);
    }

    static String requireText(String value, String parent, String field) {
        if (value.isBlank()) {
            throw invalid(path(parent, field) + " is required");
        }
        return value;
    }

    static void requirePresent(boolean present, String path) {
        requirePresent(present, "", path);
    }

    static void requirePresent(boolean present, String parent, String field) {
        if (!present) {
            throw invalid(path(parent, field) + " is required");
        }
    }

    static double finite(double value, String path) {
        return finite(value, "", path);
    }

    static double finite(double value, String parent, String field) {
        if (!Double.isFinite(value)) {
            throw invalid(path(parent, field) + " must be finite, was " + value);
        }
        return value;
    }

    static double positive(double value, String path) {
        return positive(value, "", path);
    }

    static double positive(double value, String parent, String field) {
        if (!isPositive(value)) {
            throw invalid(path(parent, field) + " must be finite and > 0, was " + value);
        }
        return value;
    }

    private static boolean isPositive(double value) {
        return value > 0 && Double.isFinite(value);
    }

    /** Every element non-blank; returns the list as is. */
    static List<String> nonBlankElements(List<String> values, String path) {
        return nonBlankElements(values, "", path);
    }

    static List<String> nonBlankElements(List<String> values, String parent, String field) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                throw invalid(path(parent, field) + "[" + i + "] is blank");
            }
        }
        return values;
    }

    static GeoPoint geoPoint(GeoPosition p, String path) {
        return geoPoint(p, "", path);
    }

    static GeoPoint geoPoint(GeoPosition p, String parent, String field) {
        double lat = p.getLatDeg();
        double lon = p.getLonDeg();
        double alt = p.getAltM();
        if (!(lat >= -90 && lat <= 90)) {
            throw invalid(
                    path(path(parent, field), "lat_deg") + " must be in [-90, 90], was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw invalid(
                    path(path(parent, field), "lon_deg") + " must be in [-180, 180], was " + lon);
        }
        if (!Double.isFinite(alt)) {
            finite(alt, path(parent, field), "alt_m"); // throws
        }
        return new GeoPoint(lat, lon, alt);
    }

    static GeoPosition geoPosition(GeoPoint p) {
        return GeoPosition.newBuilder()
                .setLatDeg(p.latDeg())
                .setLonDeg(p.lonDeg())
                .setAltM(p.altM())
                .build();
    }

    static Instant instant(boolean present, Timestamp t, String path) {
        requirePresent(present, path);
        if (t.getSeconds() < MIN_TIMESTAMP_SECONDS
                || t.getSeconds() > MAX_TIMESTAMP_SECONDS
                || t.getNanos() < 0
                || t.getNanos() > 999_999_999) {
            throw invalid(
                    path
                            + " must lie in 0001-01-01..9999-12-31 with nanos in [0, 999999999], was"
                            + " seconds="
                            + t.getSeconds()
                            + " nanos="
                            + t.getNanos());
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    static Velocity velocity(VelocityEnu v, String path) {
        return new Velocity(
                finite(v.getEastMps(), path, "east_mps"),
                finite(v.getNorthMps(), path, "north_mps"),
                finite(v.getUpMps(), path, "up_mps"));
    }

    static VelocityEnu velocityEnu(Velocity v) {
        return VelocityEnu.newBuilder()
                .setEastMps(v.eastMps())
                .setNorthMps(v.northMps())
                .setUpMps(v.upMps())
                .build();
    }

    /**
     * Checks a symmetric 2x2 covariance for positive definiteness, naming its fields (path: parent
     * and field of the covariance message).
     */
    static void positiveDefinite2(
            double ee,
            double en,
            double nn,
            String parent,
            String field,
            String eeName,
            String enName,
            String nnName) {
        if (isPositive(ee) && isPositive(nn) && Double.isFinite(en) && en * en < ee * nn) {
            return;
        }
        String path = path(parent, field);
        positive(ee, path, eeName);
        positive(nn, path, nnName);
        finite(en, path, enName);
        if (en * en >= ee * nn) {
            throw invalid(
                    path
                            + " must be positive definite ("
                            + enName
                            + "^2 < "
                            + eeName
                            + " * "
                            + nnName
                            + "), was "
                            + eeName
                            + "="
                            + ee
                            + " "
                            + enName
                            + "="
                            + en
                            + " "
                            + nnName
                            + "="
                            + nn);
        }
    }

    static CooperativeIdentity identity(io.cordon.proto.v1.CooperativeIdentity p) {
        return new CooperativeIdentity(p.getMmsi(), p.getIcao24(), p.getCallsign(), p.getCotUid());
    }

    static io.cordon.proto.v1.CooperativeIdentity identityProto(CooperativeIdentity c) {
        return io.cordon.proto.v1.CooperativeIdentity.newBuilder()
                .setMmsi(c.mmsi())
                .setIcao24(c.icao24())
                .setCallsign(c.callsign())
                .setCotUid(c.cotUid())
                .build();
    }

    /** An absent classification or TARGET_CLASS_UNSPECIFIED reads as unknown. */
    static Classification classification(
            boolean present, io.cordon.proto.v1.Classification p, String path) {
        if (!present) {
            return Classification.UNKNOWN;
        }
        TargetClass targetClass =
                p.getTargetClassValue() == 0
                        ? TargetClass.UNKNOWN
                        : coreEnum(
                                TargetClass.class,
                                io.cordon.proto.v1.TargetClass.getDescriptor(),
                                p.getTargetClassValue(),
                                "TARGET_CLASS_",
                                path,
                                "target_class");
        double confidence = p.getConfidence();
        if (!(confidence >= 0 && confidence <= 1)) {
            throw invalid(path(path, "confidence") + " must be in [0, 1], was " + confidence);
        }
        return new Classification(targetClass, confidence);
    }

    private static final EnumNumbers<TargetClass> TARGET_CLASS_NUMBERS =
            new EnumNumbers<>(
                    TargetClass.class,
                    io.cordon.proto.v1.TargetClass.getDescriptor(),
                    "TARGET_CLASS_");

    static io.cordon.proto.v1.Classification classificationProto(Classification c) {
        return io.cordon.proto.v1.Classification.newBuilder()
                .setTargetClassValue(TARGET_CLASS_NUMBERS.number(c.targetClass()))
                .setConfidence(c.confidence())
                .build();
    }

    /**
     * A marking is required: guessing one for data that lacks it would either leak it or hide it.
     */
    static Marking marking(boolean present, io.cordon.proto.v1.Marking p, String path) {
        requirePresent(present, path);
        List<String> partners = nonBlankElements(p.getPartnersList(), path, "partners");
        if (p.getReleasableToAll()) {
            if (!partners.isEmpty()) {
                throw invalid(
                        path
                                + " is releasable_to_all but also lists partners "
                                + partners
                                + "; set one or the other");
            }
            return Marking.UNRESTRICTED;
        }
        return Marking.releasableTo(partners);
    }

    /** Immutable, so one instance serves every unrestricted record. */
    private static final io.cordon.proto.v1.Marking UNRESTRICTED_PROTO =
            io.cordon.proto.v1.Marking.newBuilder().setReleasableToAll(true).build();

    /**
     * The marking's partners in their natural order, as {@link Marking} keeps them (no copy
     * needed); an unrestricted marking has none.
     */
    static io.cordon.proto.v1.Marking markingProto(Marking m) {
        if (m.releasableToAll()) {
            return UNRESTRICTED_PROTO;
        }
        return io.cordon.proto.v1.Marking.newBuilder().addAllPartners(m.partners()).build();
    }

    /**
     * Maps a proto enum number to the core enum value of the same name without the proto prefix
     * ({@code SENSOR_KIND_AIS} to {@code AIS}). The zero value means "not set" and is refused, as
     * is a number this build does not know (a newer producer).
     */
    static <E extends Enum<E>> E coreEnum(
            Class<E> type, EnumDescriptor descriptor, int number, String prefix, String path) {
        return coreEnum(type, descriptor, number, prefix, "", path);
    }

    static <E extends Enum<E>> E coreEnum(
            Class<E> type,
            EnumDescriptor descriptor,
            int number,
            String prefix,
            String parent,
            String field) {
        if (number == 0) {
            throw invalid(path(parent, field) + " is required (was " + prefix + "UNSPECIFIED)");
        }
        EnumValueDescriptor value = descriptor.findValueByNumber(number);
        if (value == null) {
            throw invalid(path(parent, field) + " has unknown value " + number);
        }
        String name = value.getName().substring(prefix.length());
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw invalid(
                    path(parent, field)
                            + " value "
                            + value.getName()
                            + " has no counterpart in the core");
        }
    }

    /**
     * The proto enum numbers of a core enum's values, looked up by name once and then by ordinal
     * (the hot encoders; {@link #protoEnumNumber} looks the name up on every call). A core value
     * the schema lacks fails when it is encoded, as with {@link #protoEnumNumber}.
     */
    static final class EnumNumbers<E extends Enum<E>> {
        private final EnumDescriptor descriptor;
        private final String prefix;
        private final int[] byOrdinal;
        private final boolean[] known;

        EnumNumbers(Class<E> type, EnumDescriptor descriptor, String prefix) {
            this.descriptor = descriptor;
            this.prefix = prefix;
            E[] values = type.getEnumConstants();
            byOrdinal = new int[values.length];
            known = new boolean[values.length];
            for (E v : values) {
                EnumValueDescriptor d = descriptor.findValueByName(prefix + v.name());
                if (d != null) {
                    byOrdinal[v.ordinal()] = d.getNumber();
                    known[v.ordinal()] = true;
                }
            }
        }

        int number(E value) {
            if (!known[value.ordinal()]) {
                // throws, with protoEnumNumber's message
                return protoEnumNumber(descriptor, prefix, value);
            }
            return byOrdinal[value.ordinal()];
        }
    }

    /**
     * The core values of a proto enum's numbers, looked up by name once ({@link #coreEnum} looks
     * the number up on every call, with a message for each refusal): the direct observation reader
     * takes a value from here or leaves the record to the checks that name the refusal.
     */
    static final class CoreValues<E extends Enum<E>> {
        private final E[] byNumber;

        CoreValues(Class<E> type, EnumDescriptor descriptor, String prefix) {
            int max = 0;
            for (EnumValueDescriptor v : descriptor.getValues()) {
                max = Math.max(max, v.getNumber());
            }
            @SuppressWarnings("unchecked")
            E[] table = (E[]) java.lang.reflect.Array.newInstance(type, max + 1);
            for (EnumValueDescriptor v : descriptor.getValues()) {
                if (v.getNumber() <= 0) {
                    continue; // the zero value is "not set", refused by coreEnum
                }
                try {
                    table[v.getNumber()] =
                            Enum.valueOf(type, v.getName().substring(prefix.length()));
                } catch (IllegalArgumentException e) {
                    // no core counterpart: coreEnum refuses it
                }
            }
            byNumber = table;
        }

        /** The core value of a proto number; null where {@link #coreEnum} would refuse it. */
        E of(long number) {
            return number > 0 && number < byNumber.length ? byNumber[(int) number] : null;
        }
    }

    /** The proto enum number for a core value; schema and core must agree on the names. */
    static int protoEnumNumber(EnumDescriptor descriptor, String prefix, Enum<?> value) {
        EnumValueDescriptor d = descriptor.findValueByName(prefix + value.name());
        if (d == null) {
            throw new IllegalStateException(
                    descriptor.getFullName()
                            + " lacks "
                            + prefix
                            + value.name()
                            + ": schema and core drifted");
        }
        return d.getNumber();
    }
}
