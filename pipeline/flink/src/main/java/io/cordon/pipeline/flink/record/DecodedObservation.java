package io.cordon.pipeline.flink.record;

import io.cordon.pipeline.flink.codec.DecodeResult;
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
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * What decoding a raw record as {@code cordon.v1.Observation} gave: the observation, or why it was
 * refused. Immutable; kept on the {@link RawRecord} ({@link RawRecord#decoded}) by the fusion
 * source's timestamp assigner so that the decode step does not parse the record again.
 */
@TypeInfo(DecodedObservation.TypeFactory.class)
public final class DecodedObservation {
    private final Observation observation;
    private final String refusal;

    private DecodedObservation(Observation observation, String refusal) {
        this.observation = observation;
        this.refusal = refusal;
    }

    public static DecodedObservation of(DecodeResult<Observation> result) {
        if (result instanceof DecodeResult.Ok<Observation> ok) {
            return new DecodedObservation(ok.value(), null);
        }
        return new DecodedObservation(null, ((DecodeResult.Failed<Observation>) result).reason());
    }

    /** The observation, or null if it was refused. */
    public Observation observation() {
        return observation;
    }

    /** Why it was refused, or null if it decoded. */
    public String refusal() {
        return refusal;
    }

    /** The type information Flink finds through the {@code @TypeInfo} annotation. */
    public static final class TypeFactory extends TypeInfoFactory<DecodedObservation> {
        @Override
        public TypeInformation<DecodedObservation> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new SerializerTypeInfo<>(DecodedObservation.class, Serializer.INSTANCE);
        }
    }

    /** Immutable values: copies are the value itself. */
    public static final class Serializer extends HandWrittenSerializer<DecodedObservation> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public DecodedObservation createInstance() {
            return null;
        }

        @Override
        public DecodedObservation copy(DecodedObservation from) {
            return from;
        }

        @Override
        public void serialize(DecodedObservation d, DataOutputView out) throws IOException {
            out.writeBoolean(d.observation != null);
            if (d.observation != null) {
                ObservationBinary.write(d.observation, out);
            } else {
                StringValue.writeString(d.refusal, out);
            }
        }

        @Override
        public DecodedObservation deserialize(DataInputView in) throws IOException {
            return in.readBoolean()
                    ? new DecodedObservation(ObservationBinary.read(in), null)
                    : new DecodedObservation(null, StringValue.readString(in));
        }

        @Override
        public TypeSerializerSnapshot<DecodedObservation> snapshotConfiguration() {
            return new Snapshot();
        }

        /** The serializer has no configuration: its snapshot only names it. */
        public static final class Snapshot
                extends SimpleTypeSerializerSnapshot<DecodedObservation> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
