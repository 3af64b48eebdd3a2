package io.cordon.jobs.local;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics a configuration uses, if they are missing. */
public final class TopicSetup {
    private TopicSetup() {}

    public static List<String> all(CordonConfig config) {
        var t = config.topics();
        List<String> names =
                new ArrayList<>(
                        List.of(
                                t.observations(),
                                t.tracks(),
                                t.alerts(),
                                t.deadLetter(),
                                t.audit(),
                                t.config()));
        for (PartnerConfig p : config.partners()) {
            names.add(t.partnerAlerts(p.id()));
            names.add(t.partnerTracks(p.id()));
        }
        return names;
    }

    /**
     * Creates the missing topics with unlimited retention.
     *
     * <p>Why unlimited: Cordon's records carry their event time as Kafka timestamp, and Kafka's
     * time-based retention counts from the record timestamp, not from when the record arrived. A
     * scenario set in the past or a replay of recorded data would otherwise be deleted within
     * minutes of being written (the broker rolls a segment whose first timestamp is older than
     * {@code segment.ms} and retention then removes it). The local stack and the tests keep
     * everything; a deployment sets retention per topic for its own needs.
     */
    public static void create(String bootstrapServers, CordonConfig config, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        create(bootstrapServers, new Properties(), config, partitions);
    }

    /**
     * As {@link #create(String, CordonConfig, int)}, with extra admin client properties (security
     * settings of a principal that may create topics).
     */
    public static void create(
            String bootstrapServers, Properties extra, CordonConfig config, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put((String) k, v));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : all(config)) {
                if (!existing.contains(name)) {
                    missing.add(
                            new NewTopic(name, partitions, (short) 1)
                                    .configs(
                                            Map.of("retention.ms", "-1", "retention.bytes", "-1")));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
