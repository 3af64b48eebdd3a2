package io.cordon.pipeline.flink.distribute;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.PartnersSection;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.sharing.SharingPolicy;
import io.cordon.proto.v1.ConfigUpdate;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The sharing policy in force, as Flink broadcast state: version 0 from the configuration file,
 * then every {@code cordon.v1.ConfigUpdate} with key {@value PartnersSection#CONFIG_KEY} and a
 * higher version from {@code cordon.config.v1}. The state holds the accepted update's bytes (so it
 * is checkpointed and restored with the job); each task parses it once per version.
 *
 * <p>Not thread-safe: one instance per operator instance (it caches the parsed policy).
 */
public final class PartnerPolicies implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The broadcast state: {@value PartnersSection#CONFIG_KEY} → ConfigUpdate bytes. */
    public static final MapStateDescriptor<String, byte[]> STATE =
            new MapStateDescriptor<>(
                    "partner-policy",
                    Types.STRING,
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final ConfigText config;
    private final String fileVersion;

    private transient SharingPolicy filePolicy;
    private transient SharingPolicy current;
    private transient long currentVersion;

    /**
     * @param config the configuration whose partners are version 0
     * @param fileVersion label of version 0 in audit records (e.g. a hash of the file)
     */
    public PartnerPolicies(ConfigText config, String fileVersion) {
        this.config = config;
        this.fileVersion = fileVersion;
    }

    /** The policy in force given the broadcast state. */
    public SharingPolicy current(ReadOnlyBroadcastState<String, byte[]> state) throws Exception {
        byte[] bytes = state.get(PartnersSection.CONFIG_KEY);
        if (bytes == null) {
            if (filePolicy == null) {
                filePolicy = new SharingPolicy(fileVersion, config.parse().partners());
            }
            return filePolicy;
        }
        ConfigUpdate update = ConfigUpdate.parseFrom(bytes);
        if (current == null || currentVersion != update.getVersion()) {
            current = policyOf(update);
            currentVersion = update.getVersion();
        }
        return current;
    }

    /** What became of a record from the config topic. */
    public record Applied(boolean refused, String reason) {}

    /**
     * Applies a record from the config topic: a valid partners update with a version above the one
     * in force replaces it; other keys are ignored (other jobs' sections); an older or equal
     * version is ignored; an invalid one is refused with the reason (the policy in force stays).
     */
    public static Applied apply(RawRecord raw, BroadcastState<String, byte[]> state)
            throws Exception {
        String key = raw.key == null ? "" : new String(raw.key, StandardCharsets.UTF_8);
        if (!PartnersSection.CONFIG_KEY.equals(key)) {
            return new Applied(false, "not the partners section (key '" + key + "')");
        }
        ConfigUpdate update;
        try {
            update = ConfigUpdate.parseFrom(raw.value == null ? new byte[0] : raw.value);
        } catch (InvalidProtocolBufferException e) {
            return new Applied(true, "not a cordon.v1.ConfigUpdate: " + e.getMessage());
        }
        if (update.getVersion() < 1) {
            return new Applied(true, "version must be >= 1, was " + update.getVersion());
        }
        byte[] inForce = state.get(PartnersSection.CONFIG_KEY);
        long inForceVersion = inForce == null ? 0 : ConfigUpdate.parseFrom(inForce).getVersion();
        if (update.getVersion() <= inForceVersion) {
            return new Applied(
                    false,
                    "version "
                            + update.getVersion()
                            + " is not above "
                            + inForceVersion
                            + " in force");
        }
        try {
            policyOf(update);
        } catch (ConfigException e) {
            return new Applied(
                    true, "partners version " + update.getVersion() + ": " + e.getMessage());
        }
        state.put(PartnersSection.CONFIG_KEY, raw.value);
        return new Applied(false, "partners version " + update.getVersion() + " in force");
    }

    private static SharingPolicy policyOf(ConfigUpdate update) {
        List<PartnerConfig> partners = PartnersSection.parse(update.getYaml());
        return new SharingPolicy(Long.toString(update.getVersion()), partners);
    }
}
