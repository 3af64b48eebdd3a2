package io.cordon.pipeline.flink.record;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A protobuf payload with its Kafka key, destination topic and event time: what the Kafka sinks
 * write. An empty topic means the sink's default topic.
 *
 * <p>Flink treats it as a POJO wherever its type is taken from the class (the tiled job's ordering
 * state keeps it so); the fusion tracker's output edge, every track update of the job, uses {@link
 * #TYPE_INFO} and its hand-written {@link Serializer}, without the POJO serializer's reflection on
 * both sides of the edge.
 */
public class KeyedPayload {
    public String topic;
    public String key;

    /** Event time, epoch milliseconds; becomes the Kafka record timestamp. */
    public long eventTimeMs;

    public byte[] payload;

    public KeyedPayload() {}

    public KeyedPayload(String topic, String key, long eventTimeMs, byte[] payload) {
        this.topic = topic;
        this.key = key;
        this.eventTimeMs = eventTimeMs;
        this.payload = payload;
    }

    /** Type information with {@link Serializer}, for edges that carry many payloads. */
    public static final TypeInformation<KeyedPayload> TYPE_INFO =
            new SerializerTypeInfo<>(KeyedPayload.class, Serializer.INSTANCE);

    /**
     * Topic and key as strings (null allowed), the time, the payload with its length (-1: null).
     */
    public static final class Serializer extends HandWrittenSerializer<KeyedPayload> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public KeyedPayload createInstance() {
            return new KeyedPayload();
        }

        /** Shares the payload: it is not changed once built. */
        @Override
        public KeyedPayload copy(KeyedPayload from) {
            return new KeyedPayload(from.topic, from.key, from.eventTimeMs, from.payload);
        }

        @Override
        public void serialize(KeyedPayload p, DataOutputView out) throws IOException {
            StringValue.writeString(p.topic, out);
            StringValue.writeString(p.key, out);
            out.writeLong(p.eventTimeMs);
            writeBytes(p.payload, out);
        }

        @Override
        public KeyedPayload deserialize(DataInputView in) throws IOException {
            KeyedPayload p = new KeyedPayload();
            p.topic = StringValue.readString(in);
            p.key = StringValue.readString(in);
            p.eventTimeMs = in.readLong();
            p.payload = readBytes(in);
            return p;
        }

        @Override
        public TypeSerializerSnapshot<KeyedPayload> snapshotConfiguration() {
            return new Snapshot();
        }

        /** The serializer has no configuration: its snapshot only names it. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<KeyedPayload> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
