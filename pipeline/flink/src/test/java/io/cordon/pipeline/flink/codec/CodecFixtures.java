package io.cordon.pipeline.flink.codec;

import com.google.protobuf.Timestamp;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.proto.v1.EnuCovariance2;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.GeodeticPosition;
import io.cordon.proto.v1.Provenance;
import io.cordon.proto.v1.RadarPolarPlot;
import java.time.Instant;
import java.util.List;

/** Named observations near the US-Mexico border at Nogales, in core and proto form. */
final class CodecFixtures {
    /** An event time with sub-millisecond nanos, to prove they survive. */
    static final Instant T0 = Instant.parse("2026-03-14T15:09:26.535897932Z");

    static final GeoPoint NOGALES_RADAR = new GeoPoint(31.3340, -110.9420, 1200.0);
    static final GeoPoint WALKER_NORTH_OF_FENCE = new GeoPoint(31.3402, -110.9375, 1185.5);

    private CodecFixtures() {}

    static Observation radarObservation() {
        return new Observation(
                "obs-radar-1",
                "us-cbp",
                "radar-nogales-1",
                SensorKind.GROUND_RADAR,
                T0,
                new RadarPlot(NOGALES_RADAR, 812.5, 33.25, 15.0, 0.4),
                new Velocity(0.8, 1.1, 0.0),
                CooperativeIdentity.NONE,
                new Classification(TargetClass.PERSON, 0.7),
                Marking.releasableTo(List.of("us-cbp", "mx-sedena")));
    }

    static Observation positionObservation() {
        return new Observation(
                "obs-ais-1",
                "mx-semar",
                "ais-guaymas",
                SensorKind.AIS,
                T0,
                new PositionFix(WALKER_NORTH_OF_FENCE, 100.0, -12.5, 64.0),
                null,
                new CooperativeIdentity("345070123", "", "XCAB1", ""),
                new Classification(TargetClass.VESSEL, 0.99),
                Marking.UNRESTRICTED);
    }

    static Observation sensorTrackObservation() {
        return new Observation(
                "obs-cat062-1",
                "us-cbp",
                "tracker-tucson",
                SensorKind.PARTNER_TRACKER,
                T0,
                new SensorTrackUpdate("4711", PositionFix.isotropic(WALKER_NORTH_OF_FENCE, 25.0)),
                new Velocity(-3.0, 4.0, 0.5),
                new CooperativeIdentity("", "A1B2C3", "N123AB", "uid-77"),
                Classification.UNKNOWN,
                Marking.releasableTo(List.of()));
    }

    static Timestamp ts(long seconds, int nanos) {
        return Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    static GeoPosition geo(double lat, double lon, double alt) {
        return GeoPosition.newBuilder().setLatDeg(lat).setLonDeg(lon).setAltM(alt).build();
    }

    static io.cordon.proto.v1.Marking unrestrictedProto() {
        return io.cordon.proto.v1.Marking.newBuilder().setReleasableToAll(true).build();
    }

    /** A valid proto observation carrying a position fix, to be broken one field at a time. */
    static io.cordon.proto.v1.Observation.Builder validPositionProto() {
        return io.cordon.proto.v1.Observation.newBuilder()
                .setObservationId("obs-1")
                .setProvenance(
                        Provenance.newBuilder()
                                .setPartnerId("us-cbp")
                                .setSensorId("drone-7")
                                .setSensorKind(io.cordon.proto.v1.SensorKind.SENSOR_KIND_DRONE))
                .setEventTime(ts(T0.getEpochSecond(), T0.getNano()))
                .setPosition(
                        GeodeticPosition.newBuilder()
                                .setPosition(geo(31.34, -110.94, 1190.0))
                                .setCovariance(
                                        EnuCovariance2.newBuilder()
                                                .setEeM2(25.0)
                                                .setEnM2(0.0)
                                                .setNnM2(25.0)))
                .setMarking(unrestrictedProto());
    }

    /** A valid proto radar plot, to be broken one field at a time. */
    static RadarPolarPlot.Builder validRadarPlotProto() {
        return RadarPolarPlot.newBuilder()
                .setSensorPosition(geo(31.334, -110.942, 1200.0))
                .setRangeM(1000.0)
                .setAzimuthDeg(90.0)
                .setSigmaRangeM(10.0)
                .setSigmaAzimuthDeg(0.5);
    }
}
