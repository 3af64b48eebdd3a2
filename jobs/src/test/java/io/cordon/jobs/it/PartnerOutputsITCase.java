package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.output.geojson.SseFeedServer;
import io.cordon.connectors.output.geojson.SseSubscriber;
import io.cordon.jobs.testing.CotListener;
import io.cordon.jobs.testing.DistributionHarness;
import io.cordon.jobs.testing.WebhookReceiver;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.sharing.redaction.PositionGrid;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.proto.v1.AuditRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution job end to end on a real broker: a TAK partner receives well-formed CoT events
 * over mutual TLS, a GeoJSON partner's webhook receives its alerts (after refusing the first
 * requests), a Kafka partner its alerts and track feed; then a policy change on {@code
 * cordon.config.v1} takes effect in the running job (no restart): the TAK partner stops receiving
 * crossings and gets a retraction for an alert it held, the webhook partner's text changes
 * language, and audit records carry the new version. The webhook partner also reads its features as
 * server-sent events, and resumes the stream with {@code Last-Event-ID} after the change.
 */
class PartnerOutputsITCase {
    static final String PASSWORD_VARIABLE = "CORDON_IT_TAK_PASSWORD";
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final PositionGrid KM_GRID = new PositionGrid(1000);

    @TempDir Path tmp;

    @AfterEach
    void clearPassword() {
        System.clearProperty(PASSWORD_VARIABLE);
    }

    static String partners(
            int takPort, String webhookUrl, int ssePort, String takTypes, String webLanguage) {
        String security = CotListener.SECURITY.toAbsolutePath().normalize().toString();
        return """
                - id: tak
                  name: TAK partner
                  country: USA
                  sharing:
                    alertTypes: [%s]
                    minSeverity: MEDIUM
                    fields: {positions: GRID, gridM: 1000, hideSensors: true}
                    language: es
                    tracks: {minIntervalS: 0}
                  outputs:
                    kafka: false
                    cot:
                      host: 127.0.0.1
                      port: %d
                      tls: true
                      trustStore: %s/cordon-trust.p12
                      trustStorePasswordEnv: %s
                      keyStore: %s/cordon-client.p12
                      keyStorePasswordEnv: %s
                      alertStaleS: 600
                      trackStaleS: 30
                      tracks: true
                - id: web
                  name: Webhook partner
                  country: MEX
                  sharing:
                    language: %s
                  outputs:
                    geojson: {url: "%s", batchSize: 10, maxAttempts: 5}
                    sse: {bindHost: 127.0.0.1, port: %d, bufferEvents: 1000}
                - id: kfk
                  name: Kafka partner
                  country: CAN
                  sharing:
                    areas:
                      - name: east
                        wkt: POLYGON ((-110.6 31.0, -110.0 31.0, -110.0 31.7, -110.6 31.7, -110.6 31.0))
                    tracks: {minIntervalS: 3}
                """
                .formatted(
                        takTypes,
                        takPort,
                        security,
                        PASSWORD_VARIABLE,
                        security,
                        PASSWORD_VARIABLE,
                        webLanguage,
                        webhookUrl,
                        ssePort);
    }

    static Alert alert(
            String id,
            AlertType type,
            Severity severity,
            AlertState state,
            GeoPoint where,
            Marking marking) {
        Map<String, String> evidence = new TreeMap<>();
        evidence.put(Evidence.SOURCE_PARTNERS, "usa");
        evidence.put(Evidence.SOURCE_SENSORS, "usa-radar-1");
        return new Alert(
                id,
                type,
                severity,
                state,
                T0,
                state == AlertState.NEW ? T0 : T0.plusSeconds(30),
                where,
                List.of("T1"),
                "test",
                "1",
                Alert.evidence(evidence),
                marking,
                "Track T1 seen by usa-radar-1.");
    }

    static EntityTrack track(String id, double seconds, GeoPoint where, Marking marking) {
        return new EntityTrack(
                id,
                TrackStatus.CONFIRMED,
                T0.plusMillis((long) (seconds * 1000)),
                where,
                new Velocity(2, 1, 0),
                StateCovariance.diagonal(8, 1),
                new TreeSet<>(Set.of("usa-radar-1")),
                new TreeSet<>(Set.of("usa")),
                CooperativeIdentity.NONE,
                new Classification(TargetClass.LAND_VEHICLE, 0.8),
                marking,
                5);
    }

    static final GeoPoint EAST = new GeoPoint(31.3512, -110.5123, 1210);
    static final GeoPoint WEST = GeoPoint.of(31.34, -110.7);

    @Test
    void takGeoJsonAndKafkaPartnersReceiveTheirOutputsAndAPolicyChangeTakesEffectLive()
            throws Exception {
        System.setProperty(PASSWORD_VARIABLE, "changeit");
        try (CotListener tak = CotListener.mutualTls();
                WebhookReceiver web = WebhookReceiver.start(2)) {
            int ssePort = freePort();
            String yaml =
                    "reference: {latDeg: 31.3333, lonDeg: -110.6}\npartners:\n"
                            + partners(
                                    tak.port(),
                                    web.url(),
                                    ssePort,
                                    "BORDER_CROSSING, LOITERING, ZONE_INTRUSION",
                                    "fr");
            try (DistributionHarness h =
                    new DistributionHarness(tmp, yaml, Duration.ofMillis(500))) {
                Alert crossing =
                        alert(
                                "crossing-1",
                                AlertType.BORDER_CROSSING,
                                Severity.HIGH,
                                AlertState.NEW,
                                EAST,
                                Marking.UNRESTRICTED);
                Alert webOnly =
                        alert(
                                "loitering-web",
                                AlertType.LOITERING,
                                Severity.MEDIUM,
                                AlertState.NEW,
                                WEST,
                                Marking.releasableTo(Set.of("web")));
                Alert loitering =
                        alert(
                                "loitering-1",
                                AlertType.LOITERING,
                                Severity.MEDIUM,
                                AlertState.NEW,
                                EAST,
                                Marking.UNRESTRICTED);
                Alert rendezvous =
                        alert(
                                "rendezvous-1",
                                AlertType.RENDEZVOUS,
                                Severity.LOW,
                                AlertState.NEW,
                                EAST,
                                Marking.UNRESTRICTED);
                h.publishAlert(crossing);
                h.publishAlert(webOnly);
                h.publishAlert(loitering);
                h.publishAlert(rendezvous);
                // the update drops below tak's minimum severity (MEDIUM): it follows the original
                h.publishAlert(withSeverity(with(loitering, AlertState.UPDATE), Severity.LOW));
                h.publishAlert(withSeverity(with(loitering, AlertState.CLOSED), Severity.LOW));
                Alert held =
                        alert(
                                "loitering-held",
                                AlertType.LOITERING,
                                Severity.HIGH,
                                AlertState.NEW,
                                EAST,
                                Marking.UNRESTRICTED);
                h.publishAlert(held);
                for (int i = 0; i < 3; i++) {
                    h.publishTrack(track("T1", i * 2.0, EAST, Marking.UNRESTRICTED), "USA");
                    h.publishTrack(
                            track("T2", i * 2.0, EAST, Marking.releasableTo(Set.of("web"))), "USA");
                }

                // TAK: CoT over mutual TLS, well formed, Spanish, positions on the 1 km grid
                // alerts are routed per alert id on parallel subtasks: loitering-held, published
                // last, may reach tak before loitering-1's closure, so wait for both
                tak.awaitEvent(x -> x.contains("cordon.alert.loitering-held"), 60_000);
                tak.awaitEvent(
                        x ->
                                x.contains("uid=\"cordon.alert.loitering-1\"")
                                        && "CLOSED".equals(lifeCycleState(x)),
                        20_000);
                List<CotListener.Received> cot =
                        awaitCount(
                                tak, 7,
                                20_000); // 5 alert messages + 3 track updates of T1, at least
                Map<String, CotEvent> byUid = new TreeMap<>();
                for (CotListener.Received r : cot) {
                    CotEvent e = decode(r.xml());
                    byUid.put(e.uid(), e);
                    assertThat(
                                    Math.abs(
                                            KM_GRID.snap(
                                                                    GeoPoint.of(
                                                                            e.point().latDeg(),
                                                                            e.point().lonDeg()))
                                                            .latDeg()
                                                    - e.point().latDeg()))
                            .as("on the grid: %s", r.xml())
                            .isLessThan(1e-6);
                    assertThat(r.xml()).doesNotContain("usa-radar-1");
                }
                assertThat(byUid.keySet())
                        .containsExactlyInAnyOrder(
                                "cordon.alert.crossing-1",
                                "cordon.alert.loitering-1",
                                "cordon.alert.loitering-held",
                                "cordon.track.T1");
                assertThat(
                                cot.stream()
                                        .map(CotListener.Received::xml)
                                        .filter(x -> x.contains("uid=\"cordon.alert.loitering-1\""))
                                        .map(PartnerOutputsITCase::lifeCycleState)
                                        .distinct()
                                        .toList())
                        .as("NEW, then the LOW update and closure reach tak like the original")
                        .containsExactly("NEW", "UPDATE", "CLOSED");
                CotEvent c1 = byUid.get("cordon.alert.crossing-1");
                assertThat(c1.type().value()).isEqualTo("b-a-g");
                assertThat(c1.how()).isEqualTo("m-f");
                assertThat(c1.stale()).isEqualTo(T0.plusSeconds(600));
                assertThat(
                                cot.stream()
                                        .filter(r -> r.xml().contains("cordon.alert.crossing-1"))
                                        .findFirst()
                                        .orElseThrow()
                                        .xml())
                        .contains("<remarks>Cruce de frontera — gravedad alta (nueva)");
                CotEvent closed = lastFor(cot, "cordon.alert.loitering-1");
                assertThat(closed.stale())
                        .as("a closed alert is stale at once")
                        .isEqualTo(closed.start());
                CotEvent t1 = byUid.get("cordon.track.T1");
                assertThat(t1.type().value()).isEqualTo("a-u-G-E-V");
                assertThat(t1.how()).isEqualTo("m-f");
                assertThat(Duration.between(t1.start(), t1.stale()))
                        .isEqualTo(Duration.ofSeconds(30));

                // GeoJSON: the webhook refused twice, then got everything it is entitled to, in
                // French
                // (the webhook delivers per partner in arrival order, and alerts with different
                // ids may overtake one another: wait for loitering-1's closure as well)
                web.awaitLine(l -> l.contains("\"loitering-held\""), 30_000);
                List<WebhookReceiver.Line> lines =
                        web.awaitLine(
                                l -> l.contains("\"loitering-1\"") && l.contains("\"CLOSED\""),
                                30_000);
                Map<String, JsonNode> features = new TreeMap<>();
                for (WebhookReceiver.Line l : lines) {
                    JsonNode f = JSON.readTree(l.json());
                    features.put(
                            f.get("id").asText() + "/" + f.at("/properties/state").asText(), f);
                    assertThat(l.partner()).isEqualTo("web");
                }
                assertThat(web.requests()).isGreaterThan(2);
                assertThat(features.keySet())
                        .contains(
                                "crossing-1/NEW",
                                "loitering-web/NEW",
                                "loitering-1/NEW",
                                "loitering-1/UPDATE",
                                "loitering-1/CLOSED",
                                "rendezvous-1/NEW",
                                "loitering-held/NEW");
                assertThat(features.get("crossing-1/NEW").at("/properties/text").asText())
                        .startsWith("Franchissement de frontière");
                assertThat(features.get("crossing-1/NEW").at("/geometry/coordinates/0").asDouble())
                        .isEqualTo(-110.5123);

                // Kafka: alerts in the area, the track feed without T2 (not releasable to kfk)
                // the partner topics are transactional: committed at the next checkpoint
                List<io.cordon.proto.v1.Alert> kfkAlerts = h.partnerAlerts("kfk");
                for (long deadline = System.currentTimeMillis() + 30_000;
                        kfkAlerts.size() < 6 && System.currentTimeMillis() < deadline; ) {
                    Thread.sleep(200);
                    kfkAlerts = h.partnerAlerts("kfk");
                }
                assertThat(ids(kfkAlerts))
                        .containsExactlyInAnyOrder(
                                "crossing-1",
                                "loitering-1",
                                "loitering-1",
                                "loitering-1",
                                "rendezvous-1",
                                "loitering-held");
                // T1 updates at 0, 2 and 4 s; kfk takes at most one per 3 s
                List<io.cordon.proto.v1.EntityTrack> kfkTracks = h.partnerTracks("kfk");
                for (long deadline = System.currentTimeMillis() + 30_000;
                        kfkTracks.size() < 2 && System.currentTimeMillis() < deadline; ) {
                    Thread.sleep(200);
                    kfkTracks = h.partnerTracks("kfk");
                }
                assertThat(kfkTracks)
                        .extracting(io.cordon.proto.v1.EntityTrack::getTrackId)
                        .containsOnly("T1");
                assertThat(kfkTracks)
                        .extracting(t -> t.getTime().getSeconds() - T0.getEpochSecond())
                        .as("rate-limited feed")
                        .containsExactly(0L, 4L);
                assertThat(h.partnerAlerts("tak")).as("kafka: false").isEmpty();
                assertThat(h.awaitAudit("loitering-web", "tak", Duration.ofSeconds(10)).getReason())
                        .startsWith("marking releasable only to [web]");

                // Live policy change: TAK now only takes zone intrusions, the webhook partner reads
                // Portuguese.
                // the same partner's server-sent events: the same features, resumable
                URI events = URI.create("http://127.0.0.1:" + ssePort + SseFeedServer.PATH);
                SseSubscriber sse = subscribe(events, null);
                Map<String, JsonNode> streamed = new TreeMap<>();
                while (!streamed.keySet().containsAll(features.keySet())) {
                    SseSubscriber.Event e = sse.poll(Duration.ofSeconds(30));
                    assertThat(e)
                            .as("an SSE event within 30 s, so far %s", streamed.keySet())
                            .isNotNull();
                    JsonNode f = JSON.readTree(e.data());
                    assertThat(
                                    streamed.put(
                                            f.get("id").asText()
                                                    + "/"
                                                    + f.at("/properties/state").asText(),
                                            f))
                            .as("each feature once")
                            .isNull();
                }
                assertThat(streamed.keySet()).isEqualTo(features.keySet());
                String resumeAfter = sse.lastEventId();
                sse.close();

                h.publishPartners(
                        1, partners(tak.port(), web.url(), ssePort, "ZONE_INTRUSION", "pt"));
                awaitPolicyVersion(h, "1");
                Alert crossing2 =
                        alert(
                                "crossing-2",
                                AlertType.BORDER_CROSSING,
                                Severity.HIGH,
                                AlertState.NEW,
                                EAST,
                                Marking.UNRESTRICTED);
                h.publishAlert(crossing2);
                h.publishAlert(with(held, AlertState.UPDATE));
                List<WebhookReceiver.Line> after =
                        web.awaitLine(l -> l.contains("\"crossing-2\""), 30_000);
                JsonNode c2 =
                        after.stream()
                                .map(l -> read(l.json()))
                                .filter(f -> f.get("id").asText().equals("crossing-2"))
                                .findFirst()
                                .orElseThrow();
                assertThat(c2.at("/properties/text").asText())
                        .startsWith("Travessia de fronteira — gravidade alta (nova)");
                assertThat(c2.at("/properties/policyVersion").asText()).isEqualTo("1");
                // resuming the event stream after the last event read: exactly what came since
                // (the probes are marked releasable to kfk only)
                try (SseSubscriber resumed = subscribe(events, resumeAfter)) {
                    List<String> since = new ArrayList<>();
                    while (!since.contains("crossing-2/NEW")
                            || !since.contains("loitering-held/UPDATE")) {
                        SseSubscriber.Event e = resumed.poll(Duration.ofSeconds(30));
                        assertThat(e).as("resumed events so far %s", since).isNotNull();
                        assertThat(e.type()).isEqualTo("message");
                        JsonNode f = JSON.readTree(e.data());
                        since.add(f.get("id").asText() + "/" + f.at("/properties/state").asText());
                    }
                    assertThat(since)
                            .containsExactlyInAnyOrder("crossing-2/NEW", "loitering-held/UPDATE");
                }

                AuditRecord takCrossing2 =
                        h.awaitAudit("crossing-2", "tak", Duration.ofSeconds(20));
                assertThat(takCrossing2.getDelivered()).isFalse();
                assertThat(takCrossing2.getPolicyVersion()).isEqualTo("1");
                assertThat(takCrossing2.getReason()).contains("not in alertTypes [ZONE_INTRUSION]");
                AuditRecord retraction =
                        h.awaitAudit("loitering-held", "tak", Duration.ofSeconds(20));
                List<CotListener.Received> withRetraction =
                        tak.awaitEvent(
                                x ->
                                        x.contains("cordon.alert.loitering-held")
                                                && x.contains("state=\"CLOSED\""),
                                20_000);
                CotEvent withdrawn = lastFor(withRetraction, "cordon.alert.loitering-held");
                assertThat(withdrawn.stale()).isEqualTo(withdrawn.start());
                assertThat(withRetraction.get(withRetraction.size() - 1).xml())
                        .contains("retirada");
                assertThat(tak.events()).noneMatch(r -> r.xml().contains("crossing-2"));

                var status = h.flink.cluster().getJobStatus(h.job).get(10, TimeUnit.SECONDS);
                assertThat(status).isEqualTo(JobStatus.RUNNING);
                assertThat(
                                h.flink
                                        .cluster()
                                        .getExecutionGraph(h.job)
                                        .get(10, TimeUnit.SECONDS)
                                        .getStatusTimestamp(JobStatus.RESTARTING))
                        .as("the change took effect without a restart")
                        .isZero();
                // one audit record per decision: 9 alert messages and probes × 3 partners, each
                // with a version
                List<AuditRecord> audit = h.audit();
                assertThat(audit).allSatisfy(a -> assertThat(a.getPolicyVersion()).isNotBlank());
                assertThat(audit.stream().filter(a -> a.getAlertId().equals("loitering-1")).count())
                        .isEqualTo(9);
                assertThat(retraction.getAlertId()).isEqualTo("loitering-held");
            }
        }
    }

    /** Publishes probe alerts until one is decided under {@code version}. */
    static void awaitPolicyVersion(DistributionHarness h, String version) throws Exception {
        for (int i = 0; i < 30; i++) {
            Alert probe =
                    alert(
                            "probe-" + i,
                            AlertType.CONVOY,
                            Severity.INFO,
                            AlertState.NEW,
                            EAST,
                            Marking.releasableTo(Set.of("kfk")));
            h.publishAlert(probe);
            if (h.awaitAudit(probe.alertId(), "kfk", Duration.ofSeconds(20))
                    .getPolicyVersion()
                    .equals(version)) {
                return;
            }
        }
        throw new AssertionError("policy version " + version + " never took effect");
    }

    /** Connects to the SSE endpoint, retrying while the job has not yet opened it. */
    static SseSubscriber subscribe(URI uri, String lastEventId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; ; attempt++) {
            try {
                return SseSubscriber.connect(http, uri, lastEventId);
            } catch (java.net.ConnectException e) {
                if (attempt > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String lifeCycleState(String xml) {
        int at = xml.indexOf("state=\"");
        assertThat(at).as("a life-cycle state in %s", xml).isNotNegative();
        return xml.substring(at + 7, xml.indexOf('"', at + 7));
    }

    static Alert withSeverity(Alert a, Severity severity) {
        return new Alert(
                a.alertId(),
                a.type(),
                severity,
                a.state(),
                a.windowStart(),
                a.windowEnd(),
                a.location(),
                a.trackIds(),
                a.detector(),
                a.detectorVersion(),
                a.evidence(),
                a.marking(),
                a.summary());
    }

    static Alert with(Alert a, AlertState state) {
        return new Alert(
                a.alertId(),
                a.type(),
                a.severity(),
                state,
                a.windowStart(),
                a.windowEnd().plusSeconds(30),
                a.location(),
                a.trackIds(),
                a.detector(),
                a.detectorVersion(),
                a.evidence(),
                a.marking(),
                a.summary());
    }

    static List<CotListener.Received> awaitCount(CotListener tak, int n, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (tak.events().size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return tak.events();
    }

    static CotEvent decode(String xml) {
        DecodeResult<CotEvent> r = new CotXmlDecoder().decode(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.errors()).as("well-formed CoT: %s", xml).isEmpty();
        return r.values().get(0);
    }

    static CotEvent lastFor(List<CotListener.Received> events, String uid) {
        CotEvent last = null;
        for (CotListener.Received r : events) {
            if (r.xml().contains("uid=\"" + uid + "\"")) {
                last = decode(r.xml());
            }
        }
        assertThat(last).as(uid).isNotNull();
        return last;
    }

    static List<String> ids(List<io.cordon.proto.v1.Alert> alerts) {
        return alerts.stream().map(io.cordon.proto.v1.Alert::getAlertId).toList();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
