package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CommonCodec.classification;
import static io.cordon.pipeline.flink.codec.CommonCodec.classificationProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.coreEnum;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPoint;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPosition;
import static io.cordon.pipeline.flink.codec.CommonCodec.identity;
import static io.cordon.pipeline.flink.codec.CommonCodec.identityProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.instant;
import static io.cordon.pipeline.flink.codec.CommonCodec.invalid;
import static io.cordon.pipeline.flink.codec.CommonCodec.marking;
import static io.cordon.pipeline.flink.codec.CommonCodec.markingProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.nonBlankElements;
import static io.cordon.pipeline.flink.codec.CommonCodec.requirePresent;
import static io.cordon.pipeline.flink.codec.CommonCodec.requireText;
import static io.cordon.pipeline.flink.codec.CommonCodec.timestamp;
import static io.cordon.pipeline.flink.codec.CommonCodec.velocity;
import static io.cordon.pipeline.flink.codec.CommonCodec.velocityEnu;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.cordon.pipeline.flink.codec.CommonCodec.EnumNumbers;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Maps {@code cordon.v1.EntityTrack} (topic {@code cordon.tracks.v1}) to and from the core {@link
 * EntityTrack}.
 *
 * <p>The core track does not hold the country and zones yet: {@link #toProto(EntityTrack, String,
 * Collection)} takes them from the caller, and decoding checks them and drops them (read them from
 * the proto when needed).
 */
public final class EntityTrackCodec {
    private static final Pattern ISO_A3 = Pattern.compile("[A-Z]{3}");

    /** Relative tolerance for the symmetry of covariance_enu (filters leave rounding noise). */
    private static final double SYMMETRY_TOLERANCE = 1e-9;

    private static final EnumNumbers<TrackStatus> STATUS_NUMBERS =
            new EnumNumbers<>(
                    TrackStatus.class,
                    io.cordon.proto.v1.TrackStatus.getDescriptor(),
                    "TRACK_STATUS_");

    private EntityTrackCodec() {}

    /** Parses and validates one record value; never throws. */
    public static DecodeResult<EntityTrack> parse(byte[] bytes) {
        if (bytes == null) {
            return DecodeResult.failed("no bytes (null record value)");
        }
        try {
            return fromProto(io.cordon.proto.v1.EntityTrack.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            return DecodeResult.failed("not a cordon.v1.EntityTrack: " + e.getMessage());
        }
    }

    /** Validates a proto track and maps it to the core; never throws. */
    public static DecodeResult<EntityTrack> fromProto(io.cordon.proto.v1.EntityTrack proto) {
        if (proto == null) {
            return DecodeResult.failed("no track (null)");
        }
        try {
            return DecodeResult.ok(read(proto));
        } catch (IllegalArgumentException e) {
            return DecodeResult.failed(e.getMessage());
        }
    }

    /** The proto without country and zones (both empty). */
    public static io.cordon.proto.v1.EntityTrack toProto(EntityTrack track) {
        return toProto(track, "", List.of());
    }

    /**
     * The proto with the country and zones that contain the track's position.
     *
     * @param countryIsoA3 ISO 3166-1 alpha-3 code, or empty when outside every country
     * @param zones ids of the configured zones containing the position (sorted and deduplicated
     *     here)
     */
    public static io.cordon.proto.v1.EntityTrack toProto(
            EntityTrack track, String countryIsoA3, Collection<String> zones) {
        Timestamp time = timestamp(track.time());
        io.cordon.proto.v1.EntityTrack.Builder b =
                io.cordon.proto.v1.EntityTrack.newBuilder()
                        .setTrackId(track.trackId())
                        .setStatusValue(STATUS_NUMBERS.number(track.status()))
                        .setTime(time)
                        .setPosition(geoPosition(track.position()))
                        .setVelocity(velocityEnu(track.velocity()))
                        .addAllSensorIds(track.sensorIds())
                        .addAllPartnerIds(track.partnerIds())
                        .setCountryIsoA3(countryIsoA3)
                        .setMarking(markingProto(track.marking()))
                        .setUpdateCount(track.updateCount());
        if (!zones.isEmpty()) {
            b.addAllZones(sortedDistinct(zones));
        }
        if (track.covariance() != null) {
            for (double v : track.covariance().toRowMajor()) {
                b.addCovarianceEnu(v);
            }
        }
        if (track.lastCooperativeTime() != null) {
            b.setLastCooperativeTime(
                    provenanceTimestamp(track.lastCooperativeTime(), track.time(), time));
        }
        if (track.lastNonCooperativeTime() != null) {
            b.setLastNonCooperativeTime(
                    provenanceTimestamp(track.lastNonCooperativeTime(), track.time(), time));
        }
        b.setSigmaAltM(track.sigmaAltM());
        if (!track.identity().isEmpty()) {
            b.setIdentity(identityProto(track.identity()));
        }
        if (!track.classification().equals(io.cordon.pipeline.observation.Classification.UNKNOWN)) {
            b.setClassification(classificationProto(track.classification()));
        }
        return b.build();
    }

    /** A set in natural order is taken as it is; anything else is sorted and deduplicated. */
    private static Collection<String> sortedDistinct(Collection<String> zones) {
        if (zones instanceof SortedSet<String> sorted && sorted.comparator() == null) {
            return sorted;
        }
        return new TreeSet<>(zones);
    }

    /**
     * The message of {@code t}: the track time's when equal (immutable messages can be shared; a
     * provenance time is usually the time of the update itself).
     */
    private static Timestamp provenanceTimestamp(
            Instant t, Instant trackTime, Timestamp trackTimeProto) {
        return t.equals(trackTime) ? trackTimeProto : CommonCodec.timestamp(t);
    }

    /**
     * The record value for {@code cordon.tracks.v1}, without country and zones: the bytes of {@code
     * toProto(track).toByteArray()}, written without building the message, in about 0.7 of its time
     * ({@code EntityTrackEncodeBenchmark}). Producers that only need the bytes should call this.
     */
    public static byte[] toBytes(EntityTrack track) {
        return EntityTrackBytes.encode(track, "", List.of());
    }

    /**
     * The bytes of {@link #toProto(EntityTrack, String, Collection)}{@code .toByteArray()}, written
     * without building the message.
     */
    public static byte[] toBytes(EntityTrack track, String countryIsoA3, Collection<String> zones) {
        return EntityTrackBytes.encode(
                track, countryIsoA3, zones.isEmpty() ? List.of() : sortedDistinct(zones));
    }

    private static EntityTrack read(io.cordon.proto.v1.EntityTrack p) {
        String trackId = requireText(p.getTrackId(), "track_id");
        TrackStatus status =
                coreEnum(
                        TrackStatus.class,
                        io.cordon.proto.v1.TrackStatus.getDescriptor(),
                        p.getStatusValue(),
                        "TRACK_STATUS_",
                        "status");
        var time = instant(p.hasTime(), p.getTime(), "time");
        requirePresent(p.hasPosition(), "position");
        var position = geoPoint(p.getPosition(), "position");
        Velocity velocity = p.hasVelocity() ? velocity(p.getVelocity(), "velocity") : Velocity.ZERO;
        StateCovariance covariance = covariance(p.getCovarianceEnuList());
        var sensorIds = nonBlankElements(p.getSensorIdsList(), "sensor_ids");
        var partnerIds = nonBlankElements(p.getPartnerIdsList(), "partner_ids");
        String country = p.getCountryIsoA3();
        if (!country.isEmpty() && !ISO_A3.matcher(country).matches()) {
            throw invalid(
                    "country_iso_a3 must be empty or three upper-case letters, was \""
                            + country
                            + "\"");
        }
        nonBlankElements(p.getZonesList(), "zones");
        long updateCount = p.getUpdateCount();
        if (updateCount < 0) {
            throw invalid(
                    "update_count must be at most 2^63 - 1, was "
                            + Long.toUnsignedString(updateCount));
        }
        var lastCooperative =
                p.hasLastCooperativeTime()
                        ? instant(true, p.getLastCooperativeTime(), "last_cooperative_time")
                        : null;
        var lastNonCooperative =
                p.hasLastNonCooperativeTime()
                        ? instant(true, p.getLastNonCooperativeTime(), "last_non_cooperative_time")
                        : null;
        double sigmaAltM = p.getSigmaAltM();
        if (!(sigmaAltM >= 0) || !Double.isFinite(sigmaAltM)) {
            throw invalid("sigma_alt_m must be finite and >= 0, was " + sigmaAltM);
        }
        return new EntityTrack(
                trackId,
                status,
                time,
                position,
                velocity,
                covariance,
                new TreeSet<>(sensorIds),
                new TreeSet<>(partnerIds),
                p.hasIdentity() ? identity(p.getIdentity()) : CooperativeIdentity.NONE,
                classification(p.hasClassification(), p.getClassification(), "classification"),
                marking(p.hasMarking(), p.getMarking(), "marking"),
                updateCount,
                lastCooperative,
                lastNonCooperative,
                sigmaAltM);
    }

    /** Empty means "not available" (null in the core); otherwise 16 finite, symmetric values. */
    private static StateCovariance covariance(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        int dim = StateCovariance.DIM;
        if (values.size() != dim * dim) {
            throw invalid(
                    "covariance_enu must hold 16 values (4x4 row-major) or none, had "
                            + values.size());
        }
        double[] m = new double[dim * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = values.get(i);
            if (!Double.isFinite(m[i])) {
                throw invalid("covariance_enu[" + i + "] must be finite, was " + m[i]);
            }
        }
        for (int i = 0; i < dim; i++) {
            double d = m[i * dim + i];
            if (d < 0) {
                throw invalid(
                        "covariance_enu diagonal element ["
                                + i
                                + "]["
                                + i
                                + "] must be >= 0, was "
                                + d);
            }
            for (int j = i + 1; j < dim; j++) {
                double a = m[i * dim + j];
                double b = m[j * dim + i];
                double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
                if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
                    throw invalid(
                            "covariance_enu must be symmetric, but ["
                                    + i
                                    + "]["
                                    + j
                                    + "]="
                                    + a
                                    + " and ["
                                    + j
                                    + "]["
                                    + i
                                    + "]="
                                    + b);
                }
            }
        }
        return StateCovariance.ofRowMajor(m);
    }
}
