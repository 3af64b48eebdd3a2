package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real broker and a mini cluster: simulated sensors → fusion → detection →
 * distribution → partner topics, checked against the offline run of the same core.
 */
class PipelineITCase {
    @TempDir Path tmp;

    @Test
    void eachPartnerReceivesExactlyTheAlertsItsAgreementAllowsAndBadRecordsAreDeadLettered()
            throws Exception {
        try (PipelineFixture f = new PipelineFixture(tmp)) {
            assertThat(f.expected.alerts())
                    .as("the scenario must produce border crossings")
                    .isNotEmpty();
            assertThat(f.expected.alertIdsByPartner().values())
                    .as("every partner is entitled to something")
                    .allSatisfy(ids -> assertThat(ids).isNotEmpty());
            assertThat(
                            f.expected.alertIdsByPartner().values().stream()
                                    .mapToInt(java.util.Set::size)
                                    .distinct()
                                    .count())
                    .as("sharing rules differ between partners in the example configuration")
                    .isGreaterThan(1);

            List<Observation> all = f.observations;
            int half = all.size() / 2;
            f.publish(all.subList(0, half));
            // A faulty feed: bytes that are not protobuf, and a protobuf observation with a
            // latitude of 123°.
            f.publishRaw(
                    f.config.topics().observations(),
                    "faulty",
                    "not a protobuf".getBytes(StandardCharsets.UTF_8));
            Observation fix =
                    all.stream()
                            .filter(o -> o.measurement() instanceof PositionFix)
                            .findFirst()
                            .orElseThrow();
            var badLatitude = ObservationCodec.toProto(fix).toBuilder();
            badLatitude.getPositionBuilder().getPositionBuilder().setLatDeg(123);
            f.publishRaw(
                    f.config.topics().observations(),
                    fix.sensorId(),
                    badLatitude.build().toByteArray());
            // Garbage straight into the tracks and alerts topics.
            f.publishRaw(
                    f.config.topics().tracks(), "junk-track", new byte[] {(byte) 0xff, 0x01, 0x02});
            f.publishRaw(f.config.topics().alerts(), "junk-alert", new byte[] {0x0a, (byte) 0xff});
            f.publish(all.subList(half, all.size()));
            f.publishWatermarkTail();

            Map<String, List<String>> received = f.awaitPartnerAlerts(Duration.ofMinutes(3));
            assertThat(PipelineFixture.asSets(received))
                    .as(f.jobHealth())
                    .isEqualTo(f.expected.alertIdsByPartner());
            received.forEach(
                    (partner, ids) ->
                            assertThat(PipelineFixture.duplicates(ids)).as(partner).isEmpty());

            Map<String, String> reasonsByStage = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    f.kafka.readCommitted(f.config.topics().deadLetter(), Duration.ofSeconds(2))) {
                DeadLetter d = DeadLetter.parseFrom(r.value());
                assertThat(d.getReason()).isNotBlank();
                reasonsByStage.merge(d.getSource(), d.getReason(), (a, b) -> a + " | " + b);
            }
            assertThat(reasonsByStage)
                    .containsKeys("fusion.decode", "detection.decode", "distribution.route");
            assertThat(reasonsByStage.get("fusion.decode")).contains("lat");
            for (JobID job : f.jobs) {
                assertThat(f.flink.cluster().getJobStatus(job).get(10, TimeUnit.SECONDS))
                        .isEqualTo(JobStatus.RUNNING);
            }
        }
    }

    @Test
    void losingTheTaskManagerMidStreamNeitherLosesNorDuplicatesAlerts() throws Exception {
        try (PipelineFixture f = new PipelineFixture(tmp)) {
            List<Observation> all = f.observations;
            int cut = (int) (all.size() * 0.6);
            f.publish(all.subList(0, cut));
            // Mid-stream: wait until some alerts are committed to a partner, then kill the only
            // task manager.
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (f.receivedByPartner().values().stream().allMatch(List::isEmpty)
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(f.receivedByPartner().values())
                    .as("alerts before the failure")
                    .anySatisfy(ids -> assertThat(ids).isNotEmpty());
            f.flink.cluster().terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            f.flink.cluster().startTaskManager();
            f.publish(all.subList(cut, all.size()));
            f.publishWatermarkTail();

            Map<String, List<String>> received = f.awaitPartnerAlerts(Duration.ofMinutes(4));
            assertThat(PipelineFixture.asSets(received))
                    .as(f.jobHealth())
                    .isEqualTo(f.expected.alertIdsByPartner());
            received.forEach(
                    (partner, ids) ->
                            assertThat(PipelineFixture.duplicates(ids)).as(partner).isEmpty());

            // Track updates too: every expected update exactly once (read_committed).
            List<String> written = new java.util.ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    f.kafka.readCommitted(f.config.topics().tracks(), Duration.ofSeconds(2))) {
                io.cordon.proto.v1.EntityTrack t =
                        io.cordon.proto.v1.EntityTrack.parseFrom(r.value());
                written.add(
                        t.getTrackId()
                                + "@"
                                + t.getTime().getSeconds()
                                + "."
                                + t.getTime().getNanos()
                                + "/"
                                + t.getStatus().name().replace("TRACK_STATUS_", ""));
            }
            List<String> expectedUpdates =
                    f.expected.trackUpdates().stream()
                            .map(
                                    t ->
                                            t.trackId()
                                                    + "@"
                                                    + t.time().getEpochSecond()
                                                    + "."
                                                    + t.time().getNano()
                                                    + "/"
                                                    + t.status())
                            .toList();
            assertThat(written).containsExactlyInAnyOrderElementsOf(expectedUpdates);
            for (JobID job : f.jobs) {
                assertThat(
                                f.flink
                                        .cluster()
                                        .getExecutionGraph(job)
                                        .get(10, TimeUnit.SECONDS)
                                        .getStatusTimestamp(JobStatus.RESTARTING))
                        .as(
                                "job %s restarted from its checkpoint after the task manager was lost",
                                job)
                        .isPositive();
            }
        }
    }
}
