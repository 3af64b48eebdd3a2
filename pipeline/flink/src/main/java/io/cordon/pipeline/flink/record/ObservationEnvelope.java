package io.cordon.pipeline.flink.record;

import io.cordon.pipeline.flink.codec.ObservationBinary;
import io.cordon.pipeline.observation.Observation;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A validated observation on its way to the tracker of its partition, decoded once: the tracker
 * takes {@link #observation} as it is. Serialized by {@link Serializer} (the observation in {@link
 * ObservationBinary} form), between operators and in the trackers' pending state.
 */
@TypeInfo(ObservationEnvelope.TypeFactory.class)
public class ObservationEnvelope {
    /** The fusion partition (tile) this observation belongs to. */
    public String partitionKey;

    /** Event time, epoch milliseconds. */
    public long eventTimeMs;

    /**
     * Wall-clock time the fusion job decoded it, epoch milliseconds (for the ingestion-to-track
     * latency metric; 0 if unknown).
     */
    public long ingestedAtMs;

    /**
     * The {@code cordon.v1.Observation} protobuf bytes as received: what goes to the dead-letter
     * topic if the observation turns out to be late.
     */
    public byte[] payload;

    /** The decoded and validated observation; null in a scan marker or a tile notice. */
    public Observation observation;

    /**
     * In a scan marker (tiled fusion), the sensor that scanned at {@link #eventTimeMs}: for the
     * tile {@link #partitionKey}, an empty scan if none of its observations then are in the tile.
     * Null otherwise.
     */
    public String scanSensor;

    public ObservationEnvelope() {}

    public String sensorId() {
        return observation.sensorId();
    }

    /** The type information Flink finds through the {@code @TypeInfo} annotation. */
    public static final class TypeFactory extends TypeInfoFactory<ObservationEnvelope> {
        @Override
        public TypeInformation<ObservationEnvelope> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(ObservationEnvelope.class, Serializer.INSTANCE);
        }
    }

    /**
     * Writes partition key, times, payload, the observation and the scan sensor. A copy shares the
     * payload and the observation: neither is changed once the envelope is built.
     */
    public static final class Serializer extends HandWrittenSerializer<ObservationEnvelope> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public ObservationEnvelope createInstance() {
            return new ObservationEnvelope();
        }

        @Override
        public ObservationEnvelope copy(ObservationEnvelope from) {
            ObservationEnvelope e = new ObservationEnvelope();
            e.partitionKey = from.partitionKey;
            e.eventTimeMs = from.eventTimeMs;
            e.ingestedAtMs = from.ingestedAtMs;
            e.payload = from.payload;
            e.observation = from.observation;
            e.scanSensor = from.scanSensor;
            return e;
        }

        /**
         * Per thread: the envelope's bytes gathered before one write to a stream (the serializer is
         * shared by the task threads and the checkpoints' asynchronous threads).
         */
        private static final ThreadLocal<DataOutputSerializer> BUFFER =
                ThreadLocal.withInitial(() -> new DataOutputSerializer(Serializer.BUFFER_BYTES));

        private static final int BUFFER_BYTES = 512;

        /**
         * Writes to an in-memory view (network buffers) directly; to any other view (a checkpoint
         * stream, which takes every byte of a string through a chain of stream calls) it writes the
         * same bytes gathered in a buffer first, in one call: a waiting observation costs one
         * stream write instead of one per byte of its ids.
         */
        @Override
        public void serialize(ObservationEnvelope e, DataOutputView out) throws IOException {
            if (out instanceof DataOutputSerializer) {
                write(e, out);
                return;
            }
            DataOutputSerializer buffer = BUFFER.get();
            buffer.clear();
            try {
                write(e, buffer);
                out.write(buffer.getSharedBuffer(), 0, buffer.length());
            } finally {
                if (buffer.getSharedBuffer().length > 64 * BUFFER_BYTES) {
                    BUFFER.remove(); // an envelope with a large payload: do not keep its buffer
                }
            }
        }

        private static void write(ObservationEnvelope e, DataOutputView out) throws IOException {
            StringValue.writeString(e.partitionKey, out);
            out.writeLong(e.eventTimeMs);
            out.writeLong(e.ingestedAtMs);
            writeBytes(e.payload, out);
            out.writeBoolean(e.observation != null);
            if (e.observation != null) {
                ObservationBinary.write(e.observation, out);
            }
            StringValue.writeString(e.scanSensor, out);
        }

        @Override
        public ObservationEnvelope deserialize(DataInputView in) throws IOException {
            ObservationEnvelope e = new ObservationEnvelope();
            e.partitionKey = StringValue.readString(in);
            e.eventTimeMs = in.readLong();
            e.ingestedAtMs = in.readLong();
            e.payload = readBytes(in);
            if (in.readBoolean()) {
                e.observation = ObservationBinary.read(in);
            }
            e.scanSensor = StringValue.readString(in);
            return e;
        }

        @Override
        public TypeSerializerSnapshot<ObservationEnvelope> snapshotConfiguration() {
            return new Snapshot();
        }

        /** The serializer has no configuration: its snapshot only names it. */
        public static final class Snapshot
                extends SimpleTypeSerializerSnapshot<ObservationEnvelope> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
