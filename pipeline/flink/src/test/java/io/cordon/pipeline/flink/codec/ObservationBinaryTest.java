package io.cordon.pipeline.flink.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Observation;
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
    void sameObservationAsTheProtobufDecoderGives() throws IOException {
        Observation o = CodecFixtures.positionObservation();
        Observation viaProto =
                ((DecodeResult.Ok<Observation>)
                                ObservationCodec.parse(ObservationCodec.toProto(o).toByteArray()))
                        .value();
        assertThat(roundTrip(viaProto)).isEqualTo(viaProto);
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
