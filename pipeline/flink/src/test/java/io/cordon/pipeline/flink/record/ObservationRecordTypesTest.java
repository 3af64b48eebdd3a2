package io.cordon.pipeline.flink.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The records that carry a decoded observation are serialized without Kryo (the jobs run with
 * generic types disabled) and come back equal.
 */
class ObservationRecordTypesTest {
    static final Observation OBS =
            new Observation(
                    "o-1",
                    "usa",
                    "drone-1",
                    SensorKind.DRONE,
                    Instant.parse("2026-11-27T22:00:00.000123Z"),
                    PositionFix.isotropic(new GeoPoint(31.33, -110.94, 0), 10),
                    null,
                    null,
                    null,
                    Marking.UNRESTRICTED);

    static <T> T roundTrip(TypeSerializer<T> s, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    static <T> TypeSerializer<T> serializer(TypeInformation<T> info) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return info.createSerializer(config);
    }

    @Test
    void envelopeHasItsOwnSerializerAndRoundTrips() throws IOException {
        TypeInformation<ObservationEnvelope> info = TypeInformation.of(ObservationEnvelope.class);
        assertThat(info).isInstanceOf(SerializerTypeInfo.class);
        ObservationEnvelope e = new ObservationEnvelope();
        e.partitionKey = "tile:3:-2";
        e.eventTimeMs = OBS.eventTime().toEpochMilli();
        e.ingestedAtMs = 1234;
        e.payload = ObservationCodec.toProto(OBS).toByteArray();
        e.observation = OBS;

        ObservationEnvelope back = roundTrip(serializer(info), e);

        assertThat(back.partitionKey).isEqualTo("tile:3:-2");
        assertThat(back.eventTimeMs).isEqualTo(e.eventTimeMs);
        assertThat(back.ingestedAtMs).isEqualTo(1234);
        assertThat(back.payload).isEqualTo(e.payload);
        assertThat(back.observation).isEqualTo(OBS);
        assertThat(back.sensorId()).isEqualTo("drone-1");
    }

    @Test
    void envelopeWithoutPayloadOrObservationRoundTrips() throws IOException {
        ObservationEnvelope e = new ObservationEnvelope();
        e.partitionKey = "all";
        ObservationEnvelope back = roundTrip(ObservationEnvelope.Serializer.INSTANCE, e);
        assertThat(back.payload).isNull();
        assertThat(back.observation).isNull();
    }

    @Test
    void rawRecordStaysAPojoAndCarriesWhatWasDecoded() throws IOException {
        TypeInformation<RawRecord> info = TypeInformation.of(RawRecord.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<RawRecord> pojo = (PojoTypeInfo<RawRecord>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getTypeAt(i)).isNotInstanceOf(GenericTypeInfo.class);
        }
        TypeSerializer<RawRecord> s = serializer(info);

        RawRecord ok = new RawRecord("obs", 2, 42, 7, new byte[] {1}, new byte[] {2, 3});
        ok.decoded = DecodedObservation.of(DecodeResult.ok(OBS));
        RawRecord bad = new RawRecord("obs", 2, 43, 7, null, new byte[] {9});
        bad.decoded = DecodedObservation.of(DecodeResult.failed("not a cordon.v1.Observation"));
        RawRecord untouched = new RawRecord("tracks", 0, 1, 7, null, new byte[] {5});

        assertThat(roundTrip(s, ok).decoded.observation()).isEqualTo(OBS);
        assertThat(roundTrip(s, ok).offset).isEqualTo(42);
        assertThat(roundTrip(s, bad).decoded.observation()).isNull();
        assertThat(roundTrip(s, bad).decoded.refusal()).isEqualTo("not a cordon.v1.Observation");
        assertThat(roundTrip(s, untouched).decoded).isNull();
        // chaining copies records: the decoded value goes along
        assertThat(s.copy(ok).decoded).isSameAs(ok.decoded);
    }

    @Test
    void keyedPayloadStaysAPojoByClass_andItsEdgeSerializerRoundTrips() throws IOException {
        // by class (the tiled job's ordering state): the POJO it always was
        assertThat(TypeInformation.of(KeyedPayload.class)).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<KeyedPayload> s = serializer(KeyedPayload.TYPE_INFO);
        assertThat(s).isInstanceOf(KeyedPayload.Serializer.class);
        KeyedPayload p = new KeyedPayload("", "trk-7", 1_795_000_000_123L, new byte[] {1, 2, 3});
        KeyedPayload back = roundTrip(s, p);
        assertThat(back.topic).isEmpty();
        assertThat(back.key).isEqualTo("trk-7");
        assertThat(back.eventTimeMs).isEqualTo(1_795_000_000_123L);
        assertThat(back.payload).containsExactly(1, 2, 3);
        KeyedPayload nulls = roundTrip(s, new KeyedPayload(null, null, -5, null));
        assertThat(nulls.topic).isNull();
        assertThat(nulls.key).isNull();
        assertThat(nulls.eventTimeMs).isEqualTo(-5);
        assertThat(nulls.payload).isNull();
        KeyedPayload empty = roundTrip(s, new KeyedPayload("cordon.alerts.v1", "", 0, new byte[0]));
        assertThat(empty.topic).isEqualTo("cordon.alerts.v1");
        assertThat(empty.payload).isEmpty();
        assertThat(s.copy(p).payload).isSameAs(p.payload);
    }
}
