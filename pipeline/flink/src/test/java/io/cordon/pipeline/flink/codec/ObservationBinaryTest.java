package io.cordon.pipeline.flink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ObservationBinaryTest {
    static Observation roundTrip(Observation o) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        ObservationBinary.write(o, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        Observation back = ObservationBinary.read(in);
        assertThat(in.available()).as("bytes left after the observation").isZero();
        return back;
    }

    @Test
    void everyMeasurementKindAndOptionalFieldSurvives() throws IOException {
        for (Observation o :
                List.of(
                        CodecFixtures.radarObservation(),
                        CodecFixtures.positionObservation(),
                        CodecFixtures.sensorTrackObservation())) {
            Observation back = roundTrip(o);
            assertThat(back).isEqualTo(o);
            // sub-millisecond event time, restricted marking with and without partners
            assertThat(back.eventTime().getNano()).isEqualTo(o.eventTime().getNano());
            assertThat(back.marking()).isEqualTo(o.marking());
        }
    }

    @Test
    void sensorAndPartnerIdsReadBackAsOneInstanceEach() throws IOException {
        Observation o = CodecFixtures.radarObservation();
        Observation first = roundTrip(o);
        Observation second = roundTrip(o);
        assertThat(second).isEqualTo(o);
        // equal names, one instance: the tracker's comparisons need not read their characters
        assertThat(second.sensorId()).isSameAs(first.sensorId());
        assertThat(second.partnerId()).isSameAs(first.partnerId());
        assertThat(second.observationId()).isNotSameAs(first.observationId());
        // a colliding name replaces the kept one and is still read back as itself
        for (int i = 0; i < 5000; i++) {
            String name = "sensor-" + i;
            assertThat(RecurringNames.of(new String(name))).isEqualTo(name);
        }
    }

    @Test
    void sameObservationAsTheProtobufDecoderGives() throws IOException {
        Observation o = CodecFixtures.positionObservation();
        Observation viaProto =
                ((DecodeResult.Ok<Observation>)
                                ObservationCodec.parse(ObservationCodec.toProto(o).toByteArray()))
                        .value();
        assertThat(roundTrip(viaProto)).isEqualTo(viaProto);
    }

    @Test
    void fixesWithAMeasuredHeightSurvive_andFixesWithoutKeepTheEarlierLayout() throws IOException {
        Observation flat = CodecFixtures.positionObservation();
        PositionFix f = (PositionFix) flat.measurement();
        Observation withHeight =
                withMeasurement(
                        flat,
                        new PositionFix(
                                f.position(),
                                f.covEastEastM2(),
                                f.covEastNorthM2(),
                                f.covNorthNorthM2(),
                                7.5));
        Observation track =
                withMeasurement(
                        flat,
                        new SensorTrackUpdate(
                                "4711",
                                PositionFix.withHeight(
                                        CodecFixtures.WALKER_NORTH_OF_FENCE, 25.0, 30.0)));

        assertThat(roundTrip(withHeight)).isEqualTo(withHeight);
        assertThat(roundTrip(track)).isEqualTo(track);
        assertThat(((PositionFix) roundTrip(withHeight).measurement()).sigmaAltM()).isEqualTo(7.5);
        // without a height: tag 1 and no sigma, as written before heights existed
        DataOutputSerializer plain = new DataOutputSerializer(64);
        ObservationBinary.write(flat, plain);
        DataOutputSerializer high = new DataOutputSerializer(64);
        ObservationBinary.write(withHeight, high);
        assertThat(plain.getCopyOfBuffer()[tagOffset(flat)]).isEqualTo((byte) 1);
        assertThat(high.length()).isEqualTo(plain.length() + 8);
    }

    @Test
    void radarPlotsWithAnElevationSurvive_andPlotsWithoutKeepTheEarlierLayout() throws IOException {
        Observation flat = CodecFixtures.radarObservation();
        RadarPlot r = (RadarPlot) flat.measurement();
        Observation threeD =
                withMeasurement(
                        flat,
                        new RadarPlot(
                                r.sensorPosition(),
                                r.rangeM(),
                                r.azimuthDeg(),
                                r.sigmaRangeM(),
                                r.sigmaAzimuthDeg(),
                                4.25,
                                0.35));

        Observation back = roundTrip(threeD);
        assertThat(back).isEqualTo(threeD);
        assertThat(((RadarPlot) back.measurement()).elevationDeg()).isEqualTo(4.25);
        assertThat(((RadarPlot) back.measurement()).sigmaElevationDeg()).isEqualTo(0.35);
        // without an elevation: tag 2 and no angles, as written before elevations existed
        DataOutputSerializer plain = new DataOutputSerializer(64);
        ObservationBinary.write(flat, plain);
        DataOutputSerializer elevated = new DataOutputSerializer(64);
        ObservationBinary.write(threeD, elevated);
        assertThat(plain.getCopyOfBuffer()[tagOffset(flat)]).isEqualTo((byte) 2);
        assertThat(elevated.getCopyOfBuffer()[tagOffset(flat)]).isEqualTo((byte) 6);
        assertThat(elevated.length()).isEqualTo(plain.length() + 16);
    }

    private static Observation withMeasurement(Observation o, Measurement m) {
        return new Observation(
                o.observationId(),
                o.partnerId(),
                o.sensorId(),
                o.sensorKind(),
                o.eventTime(),
                m,
                o.velocity(),
                o.identity(),
                o.classification(),
                o.marking());
    }

    @Test
    void unknownMeasurementTagIsAnIoError() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        ObservationBinary.write(CodecFixtures.positionObservation(), out);
        byte[] bytes = out.getCopyOfBuffer();
        // the tag follows four strings and the event time; corrupt it
        int tagAt = tagOffset(CodecFixtures.positionObservation());
        bytes[tagAt] = 9;
        assertThatThrownBy(() -> ObservationBinary.read(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown measurement tag 9");
    }

    private static int tagOffset(Observation o) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        org.apache.flink.types.StringValue.writeString(o.observationId(), out);
        org.apache.flink.types.StringValue.writeString(o.partnerId(), out);
        org.apache.flink.types.StringValue.writeString(o.sensorId(), out);
        org.apache.flink.types.StringValue.writeString(o.sensorKind().name(), out);
        return out.length() + 12;
    }
}
