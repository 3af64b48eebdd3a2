package io.cordon.jobs.connect;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.runtime.FeedFormat;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import java.util.stream.Collectors;

/** What {@code cordon connect} and {@code cordon decode} share: format, sensor and native codec. */
public final class FeedSetup {
    /** Partner and sensor id suffix of observations from a sensor that is not registered. */
    public static final String UNREGISTERED_PARTNER = "unregistered";

    private FeedSetup() {}

    /**
     * The format named on the command line.
     *
     * @throws ConfigException naming {@code --format}, the value and the allowed names
     */
    public static FeedFormat format(String name) {
        try {
            return FeedFormat.of(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--format", name, "one of " + FeedFormat.allowed());
        }
    }

    /**
     * The registry entry of {@code sensorId}; without a sensor id, an unregistered sensor {@code
     * <format>-unregistered} of partner {@value #UNREGISTERED_PARTNER} with the defaults of the
     * format's sensor kind, positioned at the configuration's reference point (or 0, 0 without a
     * configuration).
     *
     * @param config the configuration, or null when none was given
     * @throws ConfigException when the id is not in the registry (naming the registered ids)
     */
    public static SensorConfig sensor(FeedFormat format, String sensorId, CordonConfig config) {
        if (sensorId != null && !sensorId.isBlank()) {
            if (config == null) {
                throw new ConfigException(
                        "--sensor", sensorId, "a sensor of the registry given with --config");
            }
            return config.sensor(sensorId)
                    .orElseThrow(
                            () ->
                                    new ConfigException(
                                            "--sensor",
                                            sensorId,
                                            "one of the sensors of the configuration: "
                                                    + config.sensors().stream()
                                                            .map(SensorConfig::id)
                                                            .collect(
                                                                    Collectors.joining(
                                                                            ", ", "[", "]"))));
        }
        GeoPoint at = config == null ? GeoPoint.of(0, 0) : config.reference();
        return SensorConfig.withDefaults(
                format.id() + "-unregistered", UNREGISTERED_PARTNER, format.defaultKind(), at);
    }

    /** Parses and validates one {@code cordon.v1.Observation}; never throws. */
    public static DecodeResult<Observation> parseNative(byte[] bytes) {
        var r = ObservationCodec.parse(bytes);
        if (r instanceof io.cordon.pipeline.flink.codec.DecodeResult.Ok<Observation> ok) {
            return DecodeResult.of(ok.value());
        }
        return DecodeResult.error(
                ((io.cordon.pipeline.flink.codec.DecodeResult.Failed<Observation>) r).reason(),
                0,
                bytes);
    }
}
