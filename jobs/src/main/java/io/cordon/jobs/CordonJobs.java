package io.cordon.jobs;

import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.Topics;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.detect.KeyedDetectorFactory;
import io.cordon.pipeline.flink.detect.TrackDetectorFactory;
import io.cordon.pipeline.fusion.Partitioning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The three Cordon jobs wired to Kafka as the configuration says: fusion, detection and
 * distribution, each its own Flink job so each can be redeployed and scaled on its own.
 */
public final class CordonJobs {
    public static final String FUSION = "cordon-fusion";
    public static final String DETECTION = "cordon-detection";
    public static final String DISTRIBUTION = "cordon-distribution";

    private final CordonConfig config;
    private final ConfigText configText;
    private final KafkaIo kafka;
    private final JobRuntime runtime;

    public CordonJobs(Path configFile, KafkaIo kafka, JobRuntime runtime) {
        this(readConfigText(configFile), kafka, runtime);
    }

    public CordonJobs(ConfigText configText, KafkaIo kafka, JobRuntime runtime) {
        this.configText = configText;
        this.config = configText.parse();
        this.kafka = kafka;
        this.runtime = runtime;
    }

    public CordonConfig config() {
        return config;
    }

    public StreamGraph fusion() {
        StreamExecutionEnvironment env = runtime.newEnvironment();
        addFusion(env);
        return graph(env, FUSION);
    }

    public StreamGraph detection() {
        StreamExecutionEnvironment env = runtime.newEnvironment();
        addDetection(env);
        return graph(env, DETECTION);
    }

    public StreamGraph distribution() {
        StreamExecutionEnvironment env = runtime.newEnvironment();
        addDistribution(env);
        return graph(env, DISTRIBUTION);
    }

    /**
     * Adds the named job ({@link #FUSION}, {@link #DETECTION} or {@link #DISTRIBUTION}) to {@code
     * env}.
     */
    public void add(String jobName, StreamExecutionEnvironment env) {
        switch (jobName) {
            case FUSION -> addFusion(env);
            case DETECTION -> addDetection(env);
            case DISTRIBUTION -> addDistribution(env);
            default ->
                    throw new IllegalArgumentException(
                            "unknown job '"
                                    + jobName
                                    + "'; one of "
                                    + FUSION
                                    + ", "
                                    + DETECTION
                                    + ", "
                                    + DISTRIBUTION);
        }
    }

    public void addFusion(StreamExecutionEnvironment env) {
        Topics t = config.topics();
        new FusionJob(
                        kafka.source(t.observations(), FUSION),
                        kafka.payloadSink(t.tracks(), FUSION + "-tracks"),
                        kafka.deadLetterSink(t.deadLetter(), FUSION + "-dlq"),
                        configText,
                        Partitioning.of(config),
                        runtime)
                .addTo(env);
    }

    public void addDetection(StreamExecutionEnvironment env) {
        Topics t = config.topics();
        new DetectionJob(
                        kafka.source(t.tracks(), DETECTION),
                        kafka.payloadSink(t.alerts(), DETECTION + "-alerts"),
                        kafka.deadLetterSink(t.deadLetter(), DETECTION + "-dlq"),
                        configText,
                        readBorders(),
                        TrackDetectorFactory.perTrack(),
                        KeyedDetectorFactory.all(),
                        runtime.maxOutOfOrderness(),
                        runtime.sourceIdleness())
                .addTo(env);
    }

    public void addDistribution(StreamExecutionEnvironment env) {
        Topics t = config.topics();
        new DistributionJob(
                        kafka.source(t.alerts(), DISTRIBUTION),
                        kafka.source(t.tracks(), DISTRIBUTION + "-tracks"),
                        kafka.source(t.config(), DISTRIBUTION + "-config"),
                        kafka.payloadSink(t.audit(), DISTRIBUTION + "-partners"),
                        kafka.payloadSink(t.audit(), DISTRIBUTION + "-audit"),
                        kafka.deadLetterSink(t.deadLetter(), DISTRIBUTION + "-dlq"),
                        configText,
                        Integer.toHexString(configText.yaml().hashCode()))
                .addTo(env);
    }

    public List<StreamGraph> all() {
        return List.of(fusion(), detection(), distribution());
    }

    private String readBorders() {
        try {
            return Files.readString(config.borders().file());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read borders file " + config.borders().file(), e);
        }
    }

    private static StreamGraph graph(StreamExecutionEnvironment env, String name) {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        return graph;
    }

    public static ConfigText readConfigText(Path configFile) {
        try {
            Path absolute = configFile.toAbsolutePath().normalize();
            return new ConfigText(Files.readString(absolute), absolute.getParent().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + configFile, e);
        }
    }
}
