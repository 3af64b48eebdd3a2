package io.cordon.pipeline.flink.record;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

/**
 * {@link ObservationEnvelope.Serializer} writes to a stream (a checkpoint) through a buffer and to
 * an in-memory view directly: the bytes must be the same either way, so checkpoints written before
 * and after read alike.
 */
class ObservationEnvelopeStreamTest {
    private static final String[] IDS = {
        "",
        "a",
        "drone-1",
        "radar-nogales-07",
        "drône-é",
        "雷达-3",
        "x\uD83D\uDE80y",
        "\uD800",
        "\u007f\u0080\u07ff\u0800\uffff",
        "s".repeat(300)
    };

    private static String id(Random r) {
        return IDS[r.nextInt(IDS.length)] + (r.nextBoolean() ? "" : Integer.toString(r.nextInt()));
    }

    private static Observation observation(Random r) {
        GeoPoint p = new GeoPoint(31 + r.nextDouble(), -111 + r.nextDouble(), r.nextDouble() * 50);
        Measurement m =
                switch (r.nextInt(4)) {
                    case 0 -> PositionFix.isotropic(p, 1 + r.nextDouble() * 20);
                    case 1 -> PositionFix.withHeight(p, 5, 2 + r.nextDouble());
                    case 2 ->
                            new RadarPlot(
                                    p, 100 + r.nextDouble() * 9000, r.nextDouble() * 360, 15, 0.3);
                    default -> new SensorTrackUpdate(id(r) + "t", PositionFix.isotropic(p, 8));
                };
        List<String> partners = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            partners.add(id(r) + "p");
        }
        return new Observation(
                id(r) + "o",
                id(r) + "q",
                id(r) + "s",
                SensorKind.values()[r.nextInt(SensorKind.values().length)],
                Instant.ofEpochSecond(1_795_000_000L + r.nextInt(1000), r.nextInt(1_000_000_000)),
                m,
                r.nextBoolean() ? null : new Velocity(r.nextDouble(), -r.nextDouble(), 0.0),
                r.nextBoolean()
                        ? CooperativeIdentity.NONE
                        : new CooperativeIdentity(id(r), id(r), id(r), id(r)),
                r.nextBoolean()
                        ? Classification.UNKNOWN
                        : new Classification(
                                TargetClass.values()[r.nextInt(TargetClass.values().length)],
                                r.nextDouble()),
                partners.isEmpty() ? Marking.UNRESTRICTED : Marking.releasableTo(partners));
    }

    private static ObservationEnvelope envelope(Random r) {
        ObservationEnvelope e = new ObservationEnvelope();
        e.partitionKey = id(r);
        e.eventTimeMs = r.nextLong();
        e.ingestedAtMs = r.nextInt(3) == 0 ? 0 : r.nextLong();
        if (r.nextBoolean()) {
            e.payload = new byte[r.nextInt(3) == 0 ? 100_000 : r.nextInt(200)];
            r.nextBytes(e.payload);
        }
        if (r.nextInt(5) != 0) {
            e.observation = observation(r);
        }
        e.scanSensor = r.nextInt(4) == 0 ? id(r) : null;
        return e;
    }

    private static byte[] inMemory(ObservationEnvelope e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        ObservationEnvelope.Serializer.INSTANCE.serialize(e, out);
        return out.getCopyOfBuffer();
    }

    @Test
    void streamAndInMemoryViewGetTheSameBytesAndTheyReadBack() throws IOException {
        Random r = new Random(20261128);
        List<ObservationEnvelope> envelopes = new ArrayList<>();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        DataOutputViewStreamWrapper stream = new DataOutputViewStreamWrapper(streamed);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            ObservationEnvelope e = envelope(r);
            envelopes.add(e);
            ObservationEnvelope.Serializer.INSTANCE.serialize(e, stream);
            byte[] one = inMemory(e);
            direct.write(one);
            assertThat(streamed.toByteArray()).endsWith(one);
        }
        assertThat(streamed.toByteArray()).isEqualTo(direct.toByteArray());

        DataInputDeserializer in = new DataInputDeserializer(streamed.toByteArray());
        for (ObservationEnvelope e : envelopes) {
            ObservationEnvelope back = ObservationEnvelope.Serializer.INSTANCE.deserialize(in);
            assertThat(back.partitionKey).isEqualTo(e.partitionKey);
            assertThat(back.eventTimeMs).isEqualTo(e.eventTimeMs);
            assertThat(back.ingestedAtMs).isEqualTo(e.ingestedAtMs);
            assertThat(back.payload).isEqualTo(e.payload);
            assertThat(back.observation).isEqualTo(e.observation);
            assertThat(back.scanSensor).isEqualTo(e.scanSensor);
        }
        assertThat(in.available()).isZero();
    }
}
