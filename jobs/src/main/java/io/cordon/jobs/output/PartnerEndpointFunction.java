package io.cordon.jobs.output;

import io.cordon.connectors.output.TlsContexts;
import io.cordon.connectors.output.cot.CotEventWriter;
import io.cordon.connectors.output.cot.CotStreamClient;
import io.cordon.connectors.output.geojson.GeoJsonFeatureWriter;
import io.cordon.connectors.output.geojson.SseFeedServer;
import io.cordon.connectors.output.geojson.WebhookClient;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.CotOutput;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.GeoJsonOutput;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SseOutput;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.codec.EntityTrackCodec;
import io.cordon.pipeline.flink.distribute.PartnerPolicies;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.PartnerDelivery;
import io.cordon.pipeline.flink.record.RawRecord;
import io.cordon.pipeline.sharing.SharingPolicy;
import io.cordon.pipeline.track.EntityTrack;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by partner: writes what the sharing policy released to the partner's Cursor on Target and
 * GeoJSON endpoints (webhook, or server-sent events from an HTTP endpoint this operator serves), as
 * the policy in force says (endpoints are live-updatable like the rest of the agreement).
 *
 * <p>Delivery is at least once: events are buffered briefly (up to a batch or {@value #LINGER_MS}
 * ms) and every buffer is flushed before a checkpoint completes, so what a checkpoint covers has
 * been handed to the endpoint; after a failure the job replays from the checkpoint and may send an
 * event again (CoT events replace each other by uid, GeoJSON features carry their ids). Sends block
 * the operator: a slow endpoint back-pressures the job rather than filling memory. A batch that
 * fails all its attempts is dead-lettered (stage {@code distribution.cot} / {@code
 * distribution.geojson}) and the endpoint is left alone for {@value #COOL_DOWN_MS} ms, during which
 * its deliveries are dead-lettered at once, so one unreachable partner cannot stall the others for
 * long. The partner's Kafka topic, written exactly once, remains its system of record for replay.
 *
 * <p>Server-sent events: the operator instance that owns the partner's key listens on the
 * configured port ({@link SseFeedServer}); a flush hands the features to it, and waits at most
 * {@value #SSE_MAX_BLOCK_MS} ms for a client more than {@code bufferEvents} behind before dropping
 * that client (it may resume with {@code Last-Event-ID}).
 */
public class PartnerEndpointFunction
        extends KeyedBroadcastProcessFunction<String, PartnerDelivery, RawRecord, DeadLetterRecord>
        implements CheckpointedFunction {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerEndpointFunction.class);
    static final long LINGER_MS = 100;
    static final long COOL_DOWN_MS = 30_000;
    static final int COT_BATCH = 200;
    static final int COT_ATTEMPTS = 3;
    static final long BACKOFF_MS = 200;
    static final long SSE_MAX_BLOCK_MS = 5_000;

    private final PartnerPolicies policies;

    private transient Map<String, Channel> cot;
    private transient Map<String, Channel> geojson;
    private transient Map<String, Channel> sse;
    private transient List<DeadLetterRecord> pending;
    private transient ListState<DeadLetterRecord> pendingState;
    private transient Counter sent;
    private transient Counter failed;

    /** One endpoint of one partner: its client, the buffer and the cool-down. */
    private static final class Channel {
        final String partnerId;
        final String stage;
        Object endpoint;
        AutoCloseable cotClient;
        WebhookClient webhook;
        SseFeedServer sseServer;
        final List<byte[]> lines = new ArrayList<>();
        final List<PartnerDelivery> deliveries = new ArrayList<>();
        long downUntilMs;

        Channel(String partnerId, String stage) {
            this.partnerId = partnerId;
            this.stage = stage;
        }
    }

    public PartnerEndpointFunction(ConfigText config, String policyVersion) {
        this.policies = new PartnerPolicies(config, policyVersion);
    }

    @Override
    public void open(OpenContext openContext) {
        cot = new HashMap<>();
        geojson = new HashMap<>();
        sse = new HashMap<>();
        sent = getRuntimeContext().getMetricGroup().counter("endpointEventsSent");
        failed = getRuntimeContext().getMetricGroup().counter("endpointEventsDeadLettered");
    }

    @Override
    public void processElement(
            PartnerDelivery d, ReadOnlyContext ctx, Collector<DeadLetterRecord> out)
            throws Exception {
        emitPending(out);
        SharingPolicy policy = policies.current(ctx.getBroadcastState(PartnerPolicies.STATE));
        Optional<PartnerConfig> partner = policy.partner(d.partnerId);
        if (partner.isEmpty()) {
            out.collect(
                    deadLetter(
                            d,
                            "distribution.endpoints",
                            "partner "
                                    + d.partnerId
                                    + " is no longer in policy "
                                    + policy.version()));
            return;
        }
        PartnerConfig p = partner.get();
        setCurrentEndpoints(p);
        CotOutput cotOut = p.outputs().cot();
        if (cotOut != null && (PartnerDelivery.ALERT.equals(d.kind) || cotOut.tracks())) {
            Channel c = cot.get(d.partnerId);
            c.lines.add(encodeCot(d, p, cotOut));
            c.deliveries.add(d);
            if (c.lines.size() >= COT_BATCH) {
                flush(c, out::collect);
            }
        }
        GeoJsonOutput geo = p.outputs().geojson();
        byte[] feature = null;
        if (geo != null && (PartnerDelivery.ALERT.equals(d.kind) || geo.tracks())) {
            Channel c = geojson.get(d.partnerId);
            feature = encodeGeoJson(d);
            c.lines.add(feature);
            c.deliveries.add(d);
            if (c.lines.size() >= geo.batchSize()) {
                flush(c, out::collect);
            }
        }
        SseOutput events = p.outputs().sse();
        if (events != null && (PartnerDelivery.ALERT.equals(d.kind) || events.tracks())) {
            Channel c = sse.get(d.partnerId);
            c.lines.add(feature != null ? feature : encodeGeoJson(d));
            c.deliveries.add(d);
            if (c.lines.size() >= COT_BATCH) {
                flush(c, out::collect);
            }
        }
        ctx.timerService()
                .registerProcessingTimeTimer(
                        (ctx.timerService().currentProcessingTime() / LINGER_MS + 1) * LINGER_MS);
    }

    /**
     * The partner's channels for the endpoints in force; a channel whose endpoint changed gets a
     * new client (what it buffered goes to the new endpoint).
     */
    private void setCurrentEndpoints(PartnerConfig p) {
        if (p.outputs().cot() != null) {
            Channel c = cot.computeIfAbsent(p.id(), id -> new Channel(id, "distribution.cot"));
            if (!p.outputs().cot().equals(c.endpoint)) {
                closeQuietly(c);
                c.endpoint = p.outputs().cot();
                c.downUntilMs = 0;
            }
        }
        if (p.outputs().geojson() != null) {
            Channel g =
                    geojson.computeIfAbsent(p.id(), id -> new Channel(id, "distribution.geojson"));
            if (!p.outputs().geojson().equals(g.endpoint)) {
                g.webhook = null;
                g.endpoint = p.outputs().geojson();
                g.downUntilMs = 0;
            }
        }
        if (p.outputs().sse() != null) {
            Channel e = sse.computeIfAbsent(p.id(), id -> new Channel(id, "distribution.sse"));
            if (!p.outputs().sse().equals(e.endpoint)) {
                closeQuietly(e);
                e.endpoint = p.outputs().sse();
                e.downUntilMs = 0;
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeadLetterRecord> out)
            throws Exception {
        emitPending(out);
        flushAll(out::collect);
    }

    @Override
    public void processBroadcastElement(RawRecord raw, Context ctx, Collector<DeadLetterRecord> out)
            throws Exception {
        PartnerPolicies.apply(raw, ctx.getBroadcastState(PartnerPolicies.STATE));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        flushAll(pending::add);
        pendingState.update(pending);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        pendingState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "endpoint-dead-letters",
                                        TypeInformation.of(DeadLetterRecord.class)));
        pending = new ArrayList<>();
        for (DeadLetterRecord d : pendingState.get()) {
            pending.add(d);
        }
    }

    @Override
    public void close() throws Exception {
        if (cot != null) {
            cot.values().forEach(PartnerEndpointFunction::closeQuietly);
        }
        if (sse != null) {
            sse.values().forEach(PartnerEndpointFunction::closeQuietly);
        }
    }

    private void emitPending(Collector<DeadLetterRecord> out) {
        if (!pending.isEmpty()) {
            pending.forEach(out::collect);
            pending.clear();
        }
    }

    private interface Sink {
        void accept(DeadLetterRecord d);
    }

    private void flushAll(Sink deadLetters) throws InterruptedException {
        for (Channel c : cot.values()) {
            flush(c, deadLetters);
        }
        for (Channel c : geojson.values()) {
            flush(c, deadLetters);
        }
        for (Channel c : sse.values()) {
            flush(c, deadLetters);
        }
    }

    private void flush(Channel c, Sink deadLetters) throws InterruptedException {
        if (c.lines.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        String problem = null;
        if (now < c.downUntilMs) {
            problem =
                    "endpoint failed recently; cooling down until "
                            + java.time.Instant.ofEpochMilli(c.downUntilMs);
        } else if (c.endpoint instanceof CotOutput out) {
            try {
                if (c.cotClient == null) {
                    c.cotClient =
                            new CotStreamClient(
                                    out, TlsContexts.ENVIRONMENT, COT_ATTEMPTS, BACKOFF_MS);
                }
                ((CotStreamClient) c.cotClient).send(c.lines);
            } catch (IOException e) {
                problem = e.getMessage();
            }
        } else if (c.endpoint instanceof GeoJsonOutput out) {
            try {
                if (c.webhook == null) {
                    c.webhook =
                            new WebhookClient(
                                    out, c.partnerId, TlsContexts.ENVIRONMENT, BACKOFF_MS);
                }
                for (int i = 0; i < c.lines.size() && problem == null; i += out.batchSize()) {
                    WebhookClient.Result r =
                            c.webhook.post(
                                    c.lines.subList(
                                            i, Math.min(c.lines.size(), i + out.batchSize())));
                    problem =
                            r.delivered()
                                    ? null
                                    : r.problem() + " after " + r.attempts() + " attempts";
                }
            } catch (IOException e) {
                problem = e.getMessage();
            }
        } else if (c.endpoint instanceof SseOutput out) {
            try {
                if (c.sseServer == null) {
                    c.sseServer = startSse(out);
                    LOG.info(
                            "partner {}: server-sent events on {}:{}{}",
                            c.partnerId,
                            out.bindHost(),
                            c.sseServer.port(),
                            SseFeedServer.PATH);
                }
                c.sseServer.publish(c.lines);
            } catch (IOException e) {
                problem = "cannot listen on " + out.bindHost() + ":" + out.port() + ": " + e;
            }
        } else {
            problem = "no endpoint configured";
        }
        if (problem == null) {
            sent.inc(c.lines.size());
        } else {
            if (now >= c.downUntilMs) {
                LOG.warn("partner {} {}: {}", c.partnerId, c.stage, problem);
                c.downUntilMs = now + COOL_DOWN_MS;
            }
            failed.inc(c.deliveries.size());
            for (PartnerDelivery d : c.deliveries) {
                deadLetters.accept(deadLetter(d, c.stage, problem));
            }
        }
        c.lines.clear();
        c.deliveries.clear();
    }

    private static SseFeedServer startSse(SseOutput out) throws IOException {
        javax.net.ssl.SSLContext tls = null;
        if (out.tls()) {
            try {
                tls = TlsContexts.server(out.tlsSettings(), TlsContexts.ENVIRONMENT);
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS set-up: " + e.getMessage(), e);
            }
        }
        return SseFeedServer.start(
                out.bindHost(),
                out.port(),
                out.bufferEvents(),
                out.maxClients(),
                SSE_MAX_BLOCK_MS,
                tls,
                !out.tlsSettings().trustStore().isEmpty());
    }

    private byte[] encodeCot(PartnerDelivery d, PartnerConfig p, CotOutput out) {
        if (PartnerDelivery.ALERT.equals(d.kind)) {
            Alert a = ((DecodeResult.Ok<Alert>) AlertCodec.parse(d.payload)).value();
            return CotEventWriter.alert(
                    a, Duration.ofMillis((long) (out.alertStaleS() * 1000)), d.policyVersion);
        }
        EntityTrack t = ((DecodeResult.Ok<EntityTrack>) EntityTrackCodec.parse(d.payload)).value();
        var fields = p.sharing().fields();
        double ceM =
                fields.positions() == PositionRule.GRID
                        ? fields.gridM() / Math.sqrt(6)
                        : Double.NaN;
        return CotEventWriter.track(
                t, Duration.ofMillis((long) (out.trackStaleS() * 1000)), ceM, d.policyVersion);
    }

    private static byte[] encodeGeoJson(PartnerDelivery d) throws IOException {
        if (PartnerDelivery.ALERT.equals(d.kind)) {
            Alert a = ((DecodeResult.Ok<Alert>) AlertCodec.parse(d.payload)).value();
            return GeoJsonFeatureWriter.alert(a, d.policyVersion);
        }
        io.cordon.proto.v1.EntityTrack proto = io.cordon.proto.v1.EntityTrack.parseFrom(d.payload);
        EntityTrack t = ((DecodeResult.Ok<EntityTrack>) EntityTrackCodec.fromProto(proto)).value();
        return GeoJsonFeatureWriter.track(
                t, proto.getCountryIsoA3(), proto.getZonesList(), d.policyVersion);
    }

    private static DeadLetterRecord deadLetter(PartnerDelivery d, String stage, String reason) {
        RawRecord raw =
                new RawRecord(
                        "partner:" + d.partnerId + "/" + d.kind,
                        0,
                        0,
                        d.eventTimeMs,
                        d.key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        d.payload);
        return DeadLetterRecord.of(raw, stage, reason, "", System.currentTimeMillis());
    }

    private static void closeQuietly(Channel c) {
        if (c.cotClient != null) {
            try {
                c.cotClient.close();
            } catch (Exception ignored) {
                // closing a connection we are giving up
            }
            c.cotClient = null;
        }
        if (c.sseServer != null) {
            try {
                c.sseServer.close();
            } catch (IOException ignored) {
                // closing a server we are replacing
            }
            c.sseServer = null;
        }
    }
}
