package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CommonCodec.classification;
import static io.cordon.pipeline.flink.codec.CommonCodec.classificationProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.coreEnum;
import static io.cordon.pipeline.flink.codec.CommonCodec.finite;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPoint;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPosition;
import static io.cordon.pipeline.flink.codec.CommonCodec.identity;
import static io.cordon.pipeline.flink.codec.CommonCodec.identityProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.instant;
import static io.cordon.pipeline.flink.codec.CommonCodec.invalid;
import static io.cordon.pipeline.flink.codec.CommonCodec.marking;
import static io.cordon.pipeline.flink.codec.CommonCodec.markingProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.path;
import static io.cordon.pipeline.flink.codec.CommonCodec.positive;
import static io.cordon.pipeline.flink.codec.CommonCodec.positiveDefinite2;
import static io.cordon.pipeline.flink.codec.CommonCodec.requirePresent;
import static io.cordon.pipeline.flink.codec.CommonCodec.requireText;
import static io.cordon.pipeline.flink.codec.CommonCodec.timestamp;
import static io.cordon.pipeline.flink.codec.CommonCodec.velocity;
import static io.cordon.pipeline.flink.codec.CommonCodec.velocityEnu;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.proto.v1.EnuCovariance2;
import io.cordon.proto.v1.EnuVelocityCovariance2;
import io.cordon.proto.v1.GeodeticPosition;
import io.cordon.proto.v1.Provenance;
import io.cordon.proto.v1.RadarPolarPlot;

/**
 * Maps {@code cordon.v1.Observation} (topic {@code cordon.observations.v1}) to and from the core
 * {@link Observation}.
 *
 * <p>What the v1 core does not represent is checked on the way in and then dropped: the height
 * sigma of a position, a sensor track's velocity covariance. A radar elevation becomes the plot's
 * (its sigma, when absent, that of the azimuth: 3-D radars measure both angles alike), which
 * measures the track's height. Known radar biases are subtracted, so the core sees the corrected
 * range and azimuth. A sensor track's velocity becomes the observation's velocity when the
 * observation carries none of its own.
 */
public final class ObservationCodec {
    private ObservationCodec() {}

    /**
     * Parses and validates one record value; never throws. A valid observation in the usual
     * encoding is read straight from the bytes ({@link ObservationWire}); everything else goes
     * through the generated parser, which gives the same observations and every refusal's message.
     */
    public static DecodeResult<Observation> parse(byte[] bytes) {
        if (bytes == null) {
            return DecodeResult.failed("no bytes (null record value)");
        }
        Observation direct = ObservationWire.read(bytes);
        if (direct != null) {
            return DecodeResult.ok(direct);
        }
        return parseGenerated(bytes);
    }

    /**
     * {@link #parse} with the generated parser alone (the reference for {@link ObservationWire}).
     */
    static DecodeResult<Observation> parseGenerated(byte[] bytes) {
        try {
            return fromProto(io.cordon.proto.v1.Observation.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            return DecodeResult.failed("not a cordon.v1.Observation: " + e.getMessage());
        }
    }

    /**
     * Validates a proto observation and maps it to the core; never throws. A refusal names the
     * offending field, e.g. {@code "radar_plot.sigma_range_m must be finite and > 0, was -1.0"}.
     */
    public static DecodeResult<Observation> fromProto(io.cordon.proto.v1.Observation proto) {
        if (proto == null) {
            return DecodeResult.failed("no observation (null)");
        }
        try {
            return DecodeResult.ok(read(proto));
        } catch (IllegalArgumentException e) {
            // InvalidFieldException from the checks here, or a core constructor's own refusal.
            return DecodeResult.failed(e.getMessage());
        }
    }

    private static final CommonCodec.EnumNumbers<SensorKind> SENSOR_KIND_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    SensorKind.class,
                    io.cordon.proto.v1.SensorKind.getDescriptor(),
                    "SENSOR_KIND_");

    public static io.cordon.proto.v1.Observation toProto(Observation o) {
        io.cordon.proto.v1.Observation.Builder b =
                io.cordon.proto.v1.Observation.newBuilder()
                        .setObservationId(o.observationId())
                        .setProvenance(
                                Provenance.newBuilder()
                                        .setPartnerId(o.partnerId())
                                        .setSensorId(o.sensorId())
                                        .setSensorKindValue(
                                                SENSOR_KIND_NUMBERS.number(o.sensorKind())))
                        .setEventTime(timestamp(o.eventTime()))
                        .setMarking(markingProto(o.marking()));
        Measurement m = o.measurement();
        if (m instanceof RadarPlot r) {
            b.setRadarPlot(radarPlotProto(r));
        } else if (m instanceof PositionFix f) {
            b.setPosition(geodeticPosition(f));
        } else if (m instanceof SensorTrackUpdate u) {
            b.setSensorTrack(
                    io.cordon.proto.v1.SensorTrackUpdate.newBuilder()
                            .setLocalTrackId(u.localTrackId())
                            .setEstimate(geodeticPosition(u.fix())));
        } else {
            throw new IllegalStateException("unmapped measurement " + m.getClass().getName());
        }
        if (o.velocity() != null) {
            b.setVelocity(velocityEnu(o.velocity()));
        }
        if (!o.identity().isEmpty()) {
            b.setIdentity(identityProto(o.identity()));
        }
        if (!o.classification().equals(io.cordon.pipeline.observation.Classification.UNKNOWN)) {
            b.setClassification(classificationProto(o.classification()));
        }
        return b.build();
    }

    /** The record value for {@code cordon.observations.v1}. */
    public static byte[] toBytes(Observation o) {
        return toProto(o).toByteArray();
    }

    private static Observation read(io.cordon.proto.v1.Observation p) {
        String id = requireText(p.getObservationId(), "observation_id");
        requirePresent(p.hasProvenance(), "provenance");
        Provenance prov = p.getProvenance();
        String partnerId = requireText(prov.getPartnerId(), "provenance.partner_id");
        String sensorId = requireText(prov.getSensorId(), "provenance.sensor_id");
        SensorKind kind =
                coreEnum(
                        SensorKind.class,
                        io.cordon.proto.v1.SensorKind.getDescriptor(),
                        prov.getSensorKindValue(),
                        "SENSOR_KIND_",
                        "provenance.sensor_kind");
        var eventTime = instant(p.hasEventTime(), p.getEventTime(), "event_time");
        Measurement measurement =
                switch (p.getMeasurementCase()) {
                    case RADAR_PLOT -> radarPlot(p.getRadarPlot(), "radar_plot");
                    case POSITION -> positionFix(p.getPosition(), "position");
                    case SENSOR_TRACK -> sensorTrack(p.getSensorTrack(), "sensor_track");
                    case MEASUREMENT_NOT_SET ->
                            throw invalid(
                                    "measurement is required (one of radar_plot, position,"
                                            + " sensor_track)");
                };
        Velocity velocity = null;
        if (p.hasVelocity()) {
            velocity = velocity(p.getVelocity(), "velocity");
        } else if (p.hasSensorTrack() && p.getSensorTrack().hasVelocity()) {
            velocity = velocity(p.getSensorTrack().getVelocity(), "sensor_track.velocity");
        }
        CooperativeIdentity identity =
                p.hasIdentity() ? identity(p.getIdentity()) : CooperativeIdentity.NONE;
        return new Observation(
                id,
                partnerId,
                sensorId,
                kind,
                eventTime,
                measurement,
                velocity,
                identity,
                classification(p.hasClassification(), p.getClassification(), "classification"),
                marking(p.hasMarking(), p.getMarking(), "marking"));
    }

    private static RadarPlot radarPlot(RadarPolarPlot r, String path) {
        requirePresent(r.hasSensorPosition(), path, "sensor_position");
        var sensorPosition = geoPoint(r.getSensorPosition(), path, "sensor_position");
        double rangeM = finite(r.getRangeM(), path, "range_m");
        if (rangeM < 0) {
            throw invalid(path(path, "range_m") + " must be >= 0, was " + rangeM);
        }
        double azimuthDeg = r.getAzimuthDeg();
        if (!(azimuthDeg >= 0 && azimuthDeg < 360)) {
            throw invalid(path(path, "azimuth_deg") + " must be in [0, 360), was " + azimuthDeg);
        }
        double sigmaRangeM = positive(r.getSigmaRangeM(), path, "sigma_range_m");
        double sigmaAzimuthDeg = positive(r.getSigmaAzimuthDeg(), path, "sigma_azimuth_deg");
        double elevationDeg = 0, sigmaElevationDeg = 0;
        if (r.hasElevationDeg()) {
            elevationDeg = r.getElevationDeg();
            if (!(elevationDeg > -90 && elevationDeg < 90)) {
                throw invalid(
                        path(path, "elevation_deg")
                                + " must be in (-90, 90) (a height from a horizontal range), was "
                                + elevationDeg);
            }
            sigmaElevationDeg = sigmaAzimuthDeg;
        }
        if (r.hasSigmaElevationDeg()) {
            if (!r.hasElevationDeg()) {
                throw invalid(
                        path(path, "sigma_elevation_deg") + " is set but elevation_deg is not");
            }
            sigmaElevationDeg = positive(r.getSigmaElevationDeg(), path, "sigma_elevation_deg");
        }
        if (r.hasRangeBiasM()) {
            double bias = finite(r.getRangeBiasM(), path, "range_bias_m");
            rangeM -= bias;
            if (rangeM < 0) {
                throw invalid(
                        path(path, "range_m")
                                + " minus range_bias_m must be >= 0, was "
                                + r.getRangeM()
                                + " - "
                                + bias);
            }
        }
        if (r.hasAzimuthBiasDeg()) {
            double bias = r.getAzimuthBiasDeg();
            if (!(bias > -180 && bias < 180)) {
                throw invalid(
                        path(path, "azimuth_bias_deg") + " must be in (-180, 180), was " + bias);
            }
            azimuthDeg = wrapDegrees(azimuthDeg - bias);
        }
        return new RadarPlot(
                sensorPosition,
                rangeM,
                azimuthDeg,
                sigmaRangeM,
                sigmaAzimuthDeg,
                elevationDeg,
                sigmaElevationDeg);
    }

    /** Wraps to [0, 360); the last step guards against -tiny + 360 rounding to 360. */
    static double wrapDegrees(double deg) {
        double w = deg % 360.0;
        if (w < 0) {
            w += 360.0;
        }
        return w >= 360.0 ? 0.0 : w;
    }

    private static RadarPolarPlot radarPlotProto(RadarPlot r) {
        RadarPolarPlot.Builder b =
                RadarPolarPlot.newBuilder()
                        .setSensorPosition(geoPosition(r.sensorPosition()))
                        .setRangeM(r.rangeM())
                        .setAzimuthDeg(r.azimuthDeg())
                        .setSigmaRangeM(r.sigmaRangeM())
                        .setSigmaAzimuthDeg(r.sigmaAzimuthDeg());
        if (r.hasElevation()) {
            b.setElevationDeg(r.elevationDeg()).setSigmaElevationDeg(r.sigmaElevationDeg());
        }
        return b.build();
    }

    private static PositionFix positionFix(GeodeticPosition g, String path) {
        requirePresent(g.hasPosition(), path, "position");
        var position = geoPoint(g.getPosition(), path, "position");
        requirePresent(g.hasCovariance(), path, "covariance");
        EnuCovariance2 c = g.getCovariance();
        positiveDefinite2(
                c.getEeM2(),
                c.getEnM2(),
                c.getNnM2(),
                path,
                "covariance",
                "ee_m2",
                "en_m2",
                "nn_m2");
        double sigmaAltM = 0; // absent: the height is not measured (PositionFix)
        if (g.hasSigmaAltM()) {
            positive(g.getSigmaAltM(), path, "sigma_alt_m");
            sigmaAltM = g.getSigmaAltM();
        }
        return new PositionFix(position, c.getEeM2(), c.getEnM2(), c.getNnM2(), sigmaAltM);
    }

    private static GeodeticPosition geodeticPosition(PositionFix f) {
        GeodeticPosition.Builder b =
                GeodeticPosition.newBuilder()
                        .setPosition(geoPosition(f.position()))
                        .setCovariance(
                                EnuCovariance2.newBuilder()
                                        .setEeM2(f.covEastEastM2())
                                        .setEnM2(f.covEastNorthM2())
                                        .setNnM2(f.covNorthNorthM2()));
        if (f.hasHeight()) {
            b.setSigmaAltM(f.sigmaAltM());
        }
        return b.build();
    }

    private static SensorTrackUpdate sensorTrack(
            io.cordon.proto.v1.SensorTrackUpdate s, String path) {
        String localTrackId = requireText(s.getLocalTrackId(), path, "local_track_id");
        requirePresent(s.hasEstimate(), path, "estimate");
        PositionFix fix = positionFix(s.getEstimate(), path(path, "estimate"));
        if (s.hasVelocity()) {
            velocity(s.getVelocity(), path(path, "velocity"));
        }
        if (s.hasVelocityCovariance()) {
            if (!s.hasVelocity()) {
                throw invalid(path(path, "velocity_covariance") + " is set but velocity is not");
            }
            EnuVelocityCovariance2 c = s.getVelocityCovariance();
            positiveDefinite2(
                    c.getEeM2Ps2(),
                    c.getEnM2Ps2(),
                    c.getNnM2Ps2(),
                    path,
                    "velocity_covariance",
                    "ee_m2ps2",
                    "en_m2ps2",
                    "nn_m2ps2");
        }
        return new SensorTrackUpdate(localTrackId, fix);
    }
}
