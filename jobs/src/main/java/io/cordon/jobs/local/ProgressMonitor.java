package io.cordon.jobs.local;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.proto.v1.Alert;
import io.cordon.proto.v1.DeadLetter;
import io.cordon.proto.v1.EntityTrack;
import io.cordon.proto.v1.Observation;
import io.cordon.proto.v1.TrackStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's topics back (committed data only, as a partner would) and keeps the counts
 * the local run shows and summarises: observations (per sensor), track updates and live tracks,
 * alerts by type, by detector and by partner, dead letters by stage.
 */
public final class ProgressMonitor implements AutoCloseable {
    private final CordonConfig config;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Object> adminProps = new HashMap<>();
    private Admin admin;
    private final Map<String, String> partnerByTopic = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private long observations;
    private final Map<String, Long> observationsBySensor = new TreeMap<>();
    private final Map<String, String> firstObservationIdBySensor = new TreeMap<>();
    private long trackUpdates;
    private final Set<String> trackIds = new HashSet<>();
    private final Set<String> liveTracks = new HashSet<>();
    private long heightUpdates;
    private final Set<String> heightTrackIds = new HashSet<>();
    private long alerts;
    private final Map<String, Long> alertsByType = new TreeMap<>();
    private final Map<String, Long> alertsByDetector = new TreeMap<>();
    private final Map<String, Long> alertsByPartner = new TreeMap<>();
    private long deadLetters;
    private final Map<String, Long> deadLettersByStage = new TreeMap<>();
    private final List<String> deadLetterReasons = new ArrayList<>();
    private final Set<String> firstReasonSources = new HashSet<>();
    private volatile Exception failure;

    /** See {@link #watchTrackTime}: epoch ms, or none. */
    private long watchedTrackTimeMs = Long.MAX_VALUE;

    /** Tracks partition → offset of its first committed update at or after the watched time. */
    private final Map<Integer, Long> watchedTrackOffsets = new TreeMap<>();

    public ProgressMonitor(String bootstrapServers, CordonConfig config) {
        this(bootstrapServers, new Properties(), config);
    }

    /**
     * As {@link #ProgressMonitor(String, CordonConfig)}, with extra consumer properties (security
     * settings of a principal that may read every topic).
     */
    public ProgressMonitor(String bootstrapServers, Properties extra, CordonConfig config) {
        this.config = config;
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put((String) k, v));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminProps.putAll(props);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (PartnerConfig p : config.partners()) {
            partnerByTopic.put(config.topics().partnerAlerts(p.id()), p.id());
            alertsByPartner.put(p.id(), 0L);
        }
        thread = new Thread(this::run, "cordon-progress-monitor");
        thread.setDaemon(true);
    }

    public ProgressMonitor start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TopicSetup.all(config)) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    count(r);
                }
            }
        } catch (Exception e) {
            if (running.get()) {
                failure = e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void count(ConsumerRecord<byte[], byte[]> r) throws Exception {
        var t = config.topics();
        String topic = r.topic();
        if (topic.equals(t.observations())) {
            observations++;
            String sensor = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
            observationsBySensor.merge(sensor, 1L, Long::sum);
            if (!firstObservationIdBySensor.containsKey(sensor)) {
                firstObservationIdBySensor.put(
                        sensor, Observation.parseFrom(r.value()).getObservationId());
            }
        } else if (topic.equals(t.tracks())) {
            trackUpdates++;
            EntityTrack track = EntityTrack.parseFrom(r.value());
            long timeMs =
                    track.getTime().getSeconds() * 1000 + track.getTime().getNanos() / 1_000_000;
            if (timeMs >= watchedTrackTimeMs) {
                watchedTrackOffsets.putIfAbsent(r.partition(), r.offset());
            }
            trackIds.add(track.getTrackId());
            if (track.getSigmaAltM() > 0) {
                heightUpdates++;
                heightTrackIds.add(track.getTrackId());
            }
            if (track.getStatus() == TrackStatus.TRACK_STATUS_DELETED) {
                liveTracks.remove(track.getTrackId());
            } else {
                liveTracks.add(track.getTrackId());
            }
        } else if (topic.equals(t.alerts())) {
            alerts++;
            Alert alert = Alert.parseFrom(r.value());
            String type = alert.getType().name().replace("ALERT_TYPE_", "");
            alertsByType.merge(type, 1L, Long::sum);
            alertsByDetector.merge(alert.getDetector(), 1L, Long::sum);
        } else if (topic.equals(t.deadLetter())) {
            deadLetters++;
            DeadLetter d = DeadLetter.parseFrom(r.value());
            deadLettersByStage.merge(d.getSource(), 1L, Long::sum);
            // the first reason of each source (at most 50 sources): a burst from one source, such
            // as late observations under load, must not hide every other source's reasons
            if (firstReasonSources.size() < 50 && firstReasonSources.add(d.getSource())) {
                deadLetterReasons.add(d.getSource() + ": " + d.getReason());
            }
        } else if (partnerByTopic.containsKey(topic)) {
            alertsByPartner.merge(partnerByTopic.get(topic), 1L, Long::sum);
        }
    }

    /**
     * Notes, per partition of the tracks topic, the offset of the first committed track update with
     * an event time at or after {@code time}, for {@link #committedPast}. Call before {@link
     * #start()}.
     */
    public synchronized ProgressMonitor watchTrackTime(Instant time) {
        watchedTrackTimeMs = time.toEpochMilli();
        return this;
    }

    /**
     * Whether the job reading the tracks topic as consumer group {@code groupId} has committed its
     * offsets past the first track update at or after the watched time ({@link #watchTrackTime}) on
     * every partition that has one: its checkpoint covers those updates, so what it made of
     * everything before them is committed too. False while no update has reached that time.
     */
    public boolean committedPast(String groupId) throws InterruptedException {
        Map<Integer, Long> marks;
        synchronized (this) {
            marks = new TreeMap<>(watchedTrackOffsets);
        }
        if (marks.isEmpty()) {
            return false;
        }
        if (admin == null) {
            admin = Admin.create(adminProps);
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed =
                    admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return false; // asked again at the next progress line
        }
        for (Map.Entry<Integer, Long> m : marks.entrySet()) {
            OffsetAndMetadata o =
                    committed.get(new TopicPartition(config.topics().tracks(), m.getKey()));
            if (o == null || o.offset() <= m.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** A consistent copy of the counts so far. */
    public synchronized Snapshot snapshot() {
        if (failure != null) {
            throw new IllegalStateException(
                    "progress monitor failed: " + failure.getMessage(), failure);
        }
        return new Snapshot(
                observations,
                new TreeMap<>(observationsBySensor),
                new TreeMap<>(firstObservationIdBySensor),
                trackUpdates,
                trackIds.size(),
                liveTracks.size(),
                heightUpdates,
                heightTrackIds.size(),
                alerts,
                new TreeMap<>(alertsByType),
                new TreeMap<>(alertsByDetector),
                new TreeMap<>(alertsByPartner),
                deadLetters,
                new TreeMap<>(deadLettersByStage),
                List.copyOf(deadLetterReasons));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(10_000);
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Counts read back from the topics (committed records only). {@code observationsBySensor} is
     * keyed by the record key (the sensor id); {@code firstObservationIdBySensor} holds the id of
     * each sensor's first observation, which shows the connector that made it. {@code alerts} and
     * the alert counts count alert messages (NEW, UPDATE and CLOSED each); {@code alertsByDetector}
     * tells the two DARK_TARGET findings apart ({@code dark-target}: unobserved where sensors
     * should see it; {@code cooperative-silence}: AIS / ADS-B silent while other sensors hold the
     * track). {@code trackUpdatesWithHeight} and {@code tracksWithHeight} count the updates, and
     * the tracks with at least one update, whose height is measured ({@code sigma_alt_m} > 0: from
     * a drone, ADS-B, a 3-D radar), not the reference-height placeholder.
     */
    public record Snapshot(
            long observations,
            Map<String, Long> observationsBySensor,
            Map<String, String> firstObservationIdBySensor,
            long trackUpdates,
            int tracksSeen,
            int liveTracks,
            long trackUpdatesWithHeight,
            int tracksWithHeight,
            long alerts,
            Map<String, Long> alertsByType,
            Map<String, Long> alertsByDetector,
            Map<String, Long> alertsByPartner,
            long deadLetters,
            Map<String, Long> deadLettersByStage,
            List<String> deadLetterReasons) {}
}
