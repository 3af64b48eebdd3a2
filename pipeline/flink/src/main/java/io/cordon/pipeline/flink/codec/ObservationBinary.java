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
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.types.StringValue;

/**
 * A decoded {@link Observation} in Flink's binary form, for records between operators and in state:
 * every field of the core observation, nothing of the protobuf it came from, so the receiver gets
 * it back without parsing or validating protobuf again (the core constructors still check their
 * invariants). Enums are written by name, so reordering an enum cannot change a restored
 * observation's meaning. A position fix with a measured height ({@link PositionFix#hasHeight()})
 * has tags of its own followed by the fix and its height sigma; a fix without one is written as
 * before heights existed, so state written earlier reads unchanged; likewise a radar plot with an
 * elevation has a tag of its own followed by the plot, its elevation and elevation sigma.
 */
public final class ObservationBinary {
    private static final byte POSITION_FIX = 1;
    private static final byte RADAR_PLOT = 2;
    private static final byte SENSOR_TRACK = 3;
    private static final byte POSITION_FIX_WITH_HEIGHT = 4;
    private static final byte SENSOR_TRACK_WITH_HEIGHT = 5;
    private static final byte RADAR_PLOT_WITH_ELEVATION = 6;

    private static final int HAS_VELOCITY = 1;
    private static final int HAS_IDENTITY = 2;
    private static final int HAS_CLASSIFICATION = 4;
    private static final int RESTRICTED = 8;

    private ObservationBinary() {}

    public static void write(Observation o, DataOutput out) throws IOException {
        StringValue.writeString(o.observationId(), out);
        StringValue.writeString(o.partnerId(), out);
        StringValue.writeString(o.sensorId(), out);
        StringValue.writeString(o.sensorKind().name(), out);
        out.writeLong(o.eventTime().getEpochSecond());
        out.writeInt(o.eventTime().getNano());
        writeMeasurement(o.measurement(), out);
        int flags = 0;
        if (o.velocity() != null) {
            flags |= HAS_VELOCITY;
        }
        if (!o.identity().isEmpty()) {
            flags |= HAS_IDENTITY;
        }
        if (!o.classification().equals(Classification.UNKNOWN)) {
            flags |= HAS_CLASSIFICATION;
        }
        if (!o.marking().releasableToAll()) {
            flags |= RESTRICTED;
        }
        out.writeByte(flags);
        if (o.velocity() != null) {
            out.writeDouble(o.velocity().eastMps());
            out.writeDouble(o.velocity().northMps());
            out.writeDouble(o.velocity().upMps());
        }
        if ((flags & HAS_IDENTITY) != 0) {
            CooperativeIdentity id = o.identity();
            StringValue.writeString(id.mmsi(), out);
            StringValue.writeString(id.icao24(), out);
            StringValue.writeString(id.callsign(), out);
            StringValue.writeString(id.cotUid(), out);
        }
        if ((flags & HAS_CLASSIFICATION) != 0) {
            StringValue.writeString(o.classification().targetClass().name(), out);
            out.writeDouble(o.classification().confidence());
        }
        if ((flags & RESTRICTED) != 0) {
            out.writeInt(o.marking().partners().size());
            for (String p : o.marking().partners()) {
                StringValue.writeString(p, out);
            }
        }
    }

    public static Observation read(DataInput in) throws IOException {
        String observationId = StringValue.readString(in);
        String partnerId = RecurringNames.of(StringValue.readString(in));
        String sensorId = RecurringNames.of(StringValue.readString(in));
        SensorKind kind = SensorKind.valueOf(StringValue.readString(in));
        Instant eventTime = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Measurement measurement = readMeasurement(in);
        int flags = in.readByte();
        Velocity velocity =
                (flags & HAS_VELOCITY) == 0
                        ? null
                        : new Velocity(in.readDouble(), in.readDouble(), in.readDouble());
        CooperativeIdentity identity =
                (flags & HAS_IDENTITY) == 0
                        ? CooperativeIdentity.NONE
                        : new CooperativeIdentity(
                                StringValue.readString(in),
                                StringValue.readString(in),
                                StringValue.readString(in),
                                StringValue.readString(in));
        Classification classification =
                (flags & HAS_CLASSIFICATION) == 0
                        ? Classification.UNKNOWN
                        : new Classification(
                                TargetClass.valueOf(StringValue.readString(in)), in.readDouble());
        Marking marking = Marking.UNRESTRICTED;
        if ((flags & RESTRICTED) != 0) {
            int n = in.readInt();
            List<String> partners = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                partners.add(StringValue.readString(in));
            }
            marking = Marking.releasableTo(partners);
        }
        return new Observation(
                observationId,
                partnerId,
                sensorId,
                kind,
                eventTime,
                measurement,
                velocity,
                identity,
                classification,
                marking);
    }

    private static void writeMeasurement(Measurement m, DataOutput out) throws IOException {
        if (m instanceof PositionFix f) {
            out.writeByte(f.hasHeight() ? POSITION_FIX_WITH_HEIGHT : POSITION_FIX);
            writeFix(f, out);
        } else if (m instanceof RadarPlot r) {
            out.writeByte(r.hasElevation() ? RADAR_PLOT_WITH_ELEVATION : RADAR_PLOT);
            writePoint(r.sensorPosition(), out);
            out.writeDouble(r.rangeM());
            out.writeDouble(r.azimuthDeg());
            out.writeDouble(r.sigmaRangeM());
            out.writeDouble(r.sigmaAzimuthDeg());
            if (r.hasElevation()) {
                out.writeDouble(r.elevationDeg());
                out.writeDouble(r.sigmaElevationDeg());
            }
        } else if (m instanceof SensorTrackUpdate u) {
            out.writeByte(u.fix().hasHeight() ? SENSOR_TRACK_WITH_HEIGHT : SENSOR_TRACK);
            StringValue.writeString(u.localTrackId(), out);
            writeFix(u.fix(), out);
        } else {
            throw new IllegalStateException("unmapped measurement " + m.getClass().getName());
        }
    }

    private static Measurement readMeasurement(DataInput in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case POSITION_FIX -> readFix(in, false);
            case POSITION_FIX_WITH_HEIGHT -> readFix(in, true);
            case RADAR_PLOT ->
                    new RadarPlot(
                            readPoint(in),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble());
            case RADAR_PLOT_WITH_ELEVATION ->
                    new RadarPlot(
                            readPoint(in),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble(),
                            in.readDouble());
            case SENSOR_TRACK ->
                    new SensorTrackUpdate(StringValue.readString(in), readFix(in, false));
            case SENSOR_TRACK_WITH_HEIGHT ->
                    new SensorTrackUpdate(StringValue.readString(in), readFix(in, true));
            default -> throw new IOException("unknown measurement tag " + tag);
        };
    }

    private static void writeFix(PositionFix f, DataOutput out) throws IOException {
        writePoint(f.position(), out);
        out.writeDouble(f.covEastEastM2());
        out.writeDouble(f.covEastNorthM2());
        out.writeDouble(f.covNorthNorthM2());
        if (f.hasHeight()) {
            out.writeDouble(f.sigmaAltM());
        }
    }

    private static PositionFix readFix(DataInput in, boolean withHeight) throws IOException {
        GeoPoint position = readPoint(in);
        double ee = in.readDouble(), en = in.readDouble(), nn = in.readDouble();
        return new PositionFix(position, ee, en, nn, withHeight ? in.readDouble() : 0.0);
    }

    private static void writePoint(GeoPoint p, DataOutput out) throws IOException {
        out.writeDouble(p.latDeg());
        out.writeDouble(p.lonDeg());
        out.writeDouble(p.altM());
    }

    private static GeoPoint readPoint(DataInput in) throws IOException {
        return new GeoPoint(in.readDouble(), in.readDouble(), in.readDouble());
    }
}
