package io.cordon.pipeline.flink.codec;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes the bytes of {@code cordon.v1.EntityTrack} straight from the core track, without building
 * the message: the same bytes as {@code EntityTrackCodec.toProto(...).toByteArray()} (fields in
 * number order, proto3 defaults left out, the covariance packed), at a fraction of the allocations.
 * The tracker encodes every update, so this is on its hot path. {@code EntityTrackCodecBytesTest}
 * compares the two on varied tracks; a field added to {@code toProto} must be added here too.
 */
final class EntityTrackBytes {
    // cordon.v1.EntityTrack
    private static final int TRACK_ID = 1;
    private static final int STATUS = 2;
    private static final int TIME = 3;
    private static final int POSITION = 4;
    private static final int VELOCITY = 5;
    private static final int COVARIANCE_ENU = 6;
    private static final int SENSOR_IDS = 7;
    private static final int PARTNER_IDS = 8;
    private static final int IDENTITY = 9;
    private static final int CLASSIFICATION = 10;
    private static final int COUNTRY_ISO_A3 = 11;
    private static final int ZONES = 12;
    private static final int MARKING = 13;
    private static final int UPDATE_COUNT = 14;
    private static final int LAST_COOPERATIVE_TIME = 15;
    private static final int LAST_NON_COOPERATIVE_TIME = 16;
    private static final int SIGMA_ALT_M = 17;

    /** covariance_enu, packed: 16 doubles of 8 bytes. */
    private static final int COVARIANCE_BYTES = StateCovariance.DIM * StateCovariance.DIM * 8;

    private static final CommonCodec.EnumNumbers<TrackStatus> STATUS_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    TrackStatus.class,
                    io.cordon.proto.v1.TrackStatus.getDescriptor(),
                    "TRACK_STATUS_");
    private static final CommonCodec.EnumNumbers<TargetClass> TARGET_CLASS_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    TargetClass.class,
                    io.cordon.proto.v1.TargetClass.getDescriptor(),
                    "TARGET_CLASS_");

    /** Scratch buffer per thread, grown when a track does not fit. */
    private static final ThreadLocal<byte[]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[EntityTrackBytes.SCRATCH_BYTES]);

    private static final int SCRATCH_BYTES = 8192;

    private EntityTrackBytes() {}

    /**
     * @param zones sorted and deduplicated
     */
    static byte[] encode(EntityTrack t, String country, Collection<String> zones) {
        int status = STATUS_NUMBERS.number(t.status());
        int timeSize = timestampSize(t.time());
        int positionSize = positionSize(t.position());
        int velocitySize = velocitySize(t.velocity());
        boolean hasIdentity = !t.identity().isEmpty();
        int identitySize = hasIdentity ? identitySize(t.identity()) : 0;
        boolean hasClassification = !t.classification().equals(Classification.UNKNOWN);
        int targetClass =
                hasClassification
                        ? TARGET_CLASS_NUMBERS.number(t.classification().targetClass())
                        : 0;
        int classificationSize =
                hasClassification ? classificationSize(targetClass, t.classification()) : 0;
        int markingSize = markingSize(t.marking());
        Instant cooperative = t.lastCooperativeTime();
        Instant nonCooperative = t.lastNonCooperativeTime();
        int cooperativeSize = cooperative == null ? 0 : timestampSize(cooperative);
        int nonCooperativeSize = nonCooperative == null ? 0 : timestampSize(nonCooperative);

        // One pass: the top-level length is not written, so the track is written into a scratch
        // buffer of this thread and copied out at its length (the nested messages' lengths are
        // computed above, as their headers need them).
        byte[] scratch = SCRATCH.get();
        while (true) {
            try {
                return write(
                        scratch,
                        t,
                        status,
                        timeSize,
                        positionSize,
                        velocitySize,
                        hasIdentity,
                        identitySize,
                        hasClassification,
                        targetClass,
                        classificationSize,
                        country,
                        zones,
                        markingSize,
                        cooperative,
                        cooperativeSize,
                        nonCooperative,
                        nonCooperativeSize);
            } catch (CodedOutputStream.OutOfSpaceException e) {
                scratch = new byte[scratch.length * 2]; // only a track of many strings
                SCRATCH.set(scratch);
            }
        }
    }

    private static byte[] write(
            byte[] scratch,
            EntityTrack t,
            int status,
            int timeSize,
            int positionSize,
            int velocitySize,
            boolean hasIdentity,
            int identitySize,
            boolean hasClassification,
            int targetClass,
            int classificationSize,
            String country,
            Collection<String> zones,
            int markingSize,
            Instant cooperative,
            int cooperativeSize,
            Instant nonCooperative,
            int nonCooperativeSize)
            throws CodedOutputStream.OutOfSpaceException {
        CodedOutputStream out = CodedOutputStream.newInstance(scratch);
        try {
            writeString(out, TRACK_ID, t.trackId());
            if (status != 0) {
                out.writeEnum(STATUS, status);
            }
            writeTimestamp(out, TIME, timeSize, t.time());
            writeHeader(out, POSITION, positionSize);
            writeDouble(out, 1, t.position().latDeg());
            writeDouble(out, 2, t.position().lonDeg());
            writeDouble(out, 3, t.position().altM());
            writeHeader(out, VELOCITY, velocitySize);
            writeDouble(out, 1, t.velocity().eastMps());
            writeDouble(out, 2, t.velocity().northMps());
            writeDouble(out, 3, t.velocity().upMps());
            if (t.covariance() != null) {
                writeHeader(out, COVARIANCE_ENU, COVARIANCE_BYTES);
                StateCovariance c = t.covariance();
                for (int row = 0; row < StateCovariance.DIM; row++) {
                    for (int col = 0; col < StateCovariance.DIM; col++) {
                        out.writeDoubleNoTag(c.get(row, col)); // row-major, without a copy
                    }
                }
            }
            writeStrings(out, SENSOR_IDS, t.sensorIds());
            writeStrings(out, PARTNER_IDS, t.partnerIds());
            if (hasIdentity) {
                CooperativeIdentity id = t.identity();
                writeHeader(out, IDENTITY, identitySize);
                writeString(out, 1, id.mmsi());
                writeString(out, 2, id.icao24());
                writeString(out, 3, id.callsign());
                writeString(out, 4, id.cotUid());
            }
            if (hasClassification) {
                writeHeader(out, CLASSIFICATION, classificationSize);
                if (targetClass != 0) {
                    out.writeEnum(1, targetClass);
                }
                writeDouble(out, 2, t.classification().confidence());
            }
            writeString(out, COUNTRY_ISO_A3, country);
            writeStrings(out, ZONES, zones);
            writeHeader(out, MARKING, markingSize);
            if (t.marking().releasableToAll()) {
                out.writeBool(1, true);
            }
            writeStrings(out, 2, t.marking().partners());
            if (t.updateCount() != 0) {
                out.writeUInt64(UPDATE_COUNT, t.updateCount());
            }
            if (cooperative != null) {
                writeTimestamp(out, LAST_COOPERATIVE_TIME, cooperativeSize, cooperative);
            }
            if (nonCooperative != null) {
                writeTimestamp(out, LAST_NON_COOPERATIVE_TIME, nonCooperativeSize, nonCooperative);
            }
            writeDouble(out, SIGMA_ALT_M, t.sigmaAltM());
        } catch (CodedOutputStream.OutOfSpaceException e) {
            throw e;
        } catch (IOException e) {
            // an array encoder fails only when out of space
            throw new UncheckedIOException("EntityTrack not written", e);
        }
        return Arrays.copyOf(scratch, out.getTotalBytesWritten());
    }

    // proto3 implicit presence: a scalar is left out when it has its default value (a double
    // when its bits are all zero, so -0.0 is written), a string when empty.

    private static int stringSize(int field, String value) {
        return value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
    }

    private static int stringsSize(int field, Collection<String> values) {
        int size = 0;
        for (String v : values) {
            size += CodedOutputStream.computeStringSize(field, v);
        }
        return size;
    }

    private static int doubleSize(int field, double value) {
        return Double.doubleToRawLongBits(value) == 0
                ? 0
                : CodedOutputStream.computeDoubleSize(field, value);
    }

    private static int timestampSize(Instant t) {
        int size = 0;
        if (t.getEpochSecond() != 0) {
            size += CodedOutputStream.computeInt64Size(1, t.getEpochSecond());
        }
        if (t.getNano() != 0) {
            size += CodedOutputStream.computeInt32Size(2, t.getNano());
        }
        return size;
    }

    private static int positionSize(GeoPoint p) {
        return doubleSize(1, p.latDeg()) + doubleSize(2, p.lonDeg()) + doubleSize(3, p.altM());
    }

    private static int velocitySize(Velocity v) {
        return doubleSize(1, v.eastMps()) + doubleSize(2, v.northMps()) + doubleSize(3, v.upMps());
    }

    private static int identitySize(CooperativeIdentity id) {
        return stringSize(1, id.mmsi())
                + stringSize(2, id.icao24())
                + stringSize(3, id.callsign())
                + stringSize(4, id.cotUid());
    }

    private static int classificationSize(int targetClass, Classification c) {
        return (targetClass == 0 ? 0 : CodedOutputStream.computeEnumSize(1, targetClass))
                + doubleSize(2, c.confidence());
    }

    private static int markingSize(Marking m) {
        return (m.releasableToAll() ? CodedOutputStream.computeBoolSize(1, true) : 0)
                + stringsSize(2, m.partners());
    }

    private static void writeHeader(CodedOutputStream out, int field, int size) throws IOException {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(size);
    }

    private static void writeString(CodedOutputStream out, int field, String value)
            throws IOException {
        if (!value.isEmpty()) {
            out.writeString(field, value);
        }
    }

    private static void writeStrings(CodedOutputStream out, int field, Collection<String> values)
            throws IOException {
        for (String v : values) {
            out.writeString(field, v);
        }
    }

    private static void writeDouble(CodedOutputStream out, int field, double value)
            throws IOException {
        if (Double.doubleToRawLongBits(value) != 0) {
            out.writeDouble(field, value);
        }
    }

    private static void writeTimestamp(CodedOutputStream out, int field, int size, Instant t)
            throws IOException {
        writeHeader(out, field, size);
        if (t.getEpochSecond() != 0) {
            out.writeInt64(1, t.getEpochSecond());
        }
        if (t.getNano() != 0) {
            out.writeInt32(2, t.getNano());
        }
    }
}
