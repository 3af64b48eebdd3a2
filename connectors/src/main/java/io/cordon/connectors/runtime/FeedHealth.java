package io.cordon.connectors.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Counters of one connector's feed: records decoded, observations published, decode errors by
 * reason, observations rejected after decoding by reason (dead-lettered: event time too far ahead,
 * refused by Kafka), publish failures, open connections, and when the last record arrived.
 * Thread-safe (TCP server connections count concurrently). Rendered as a one-line summary for the
 * console and as Prometheus text exposition for {@code /metrics}.
 *
 * <p>Reasons are grouped with their numbers replaced by {@code N} ({@code "message length N exceeds
 * N bytes"}) and cut to 120 characters, and at most {@value #MAX_REASONS} distinct groups are kept
 * (the rest count as {@code "other"}), so a feed of garbage cannot grow the metrics without bound.
 */
public final class FeedHealth {
    static final int MAX_REASONS = 50;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String format;
    private final String sensor;
    private final LongSupplier nanoClock;
    private final LongAdder records = new LongAdder();
    private final LongAdder observations = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder publishFailures = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong lastRecordNanos = new AtomicLong(Long.MIN_VALUE);
    private long lastReportNanos;
    private long lastReportRecords;

    public FeedHealth(String format, String sensor) {
        this(format, sensor, System::nanoTime);
    }

    public FeedHealth(String format, String sensor, LongSupplier nanoClock) {
        this.format = format;
        this.sensor = sensor;
        this.nanoClock = nanoClock;
        this.lastReportNanos = nanoClock.getAsLong();
    }

    /** Counts what one decoded chunk gave. */
    public void count(Iterable<FeedItem> items) {
        for (FeedItem item : items) {
            if (item.isError()) {
                error(item.error().reason());
            } else {
                records.increment();
                observations.add(item.observations().size());
                lastRecordNanos.set(nanoClock.getAsLong());
            }
        }
    }

    public void bytesReceived(int n) {
        bytes.add(n);
    }

    public void error(String reason) {
        countIn(errors, reason);
    }

    /**
     * Counts an observation that decoded but was dead-lettered instead of published (its event time
     * too far ahead of the connector's clock, or refused by Kafka), by reason.
     */
    public void rejected(String reason) {
        countIn(rejected, reason);
    }

    private static void countIn(Map<String, LongAdder> counters, String reason) {
        String key = group(reason);
        LongAdder counter = counters.get(key);
        if (counter == null) {
            if (counters.size() >= MAX_REASONS) {
                key = "other";
            }
            counter = counters.computeIfAbsent(key, k -> new LongAdder());
        }
        counter.increment();
    }

    public void published(int n) {
        published.add(n);
    }

    public void publishFailed(int n) {
        publishFailures.add(n);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public long records() {
        return records.sum();
    }

    public long observations() {
        return observations.sum();
    }

    public long published() {
        return published.sum();
    }

    public long errors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Error counts by reason group, sorted by reason. */
    public Map<String, Long> errorsByReason() {
        return byReason(errors);
    }

    /** Observations rejected after decoding ({@link #rejected(String)}). */
    public long rejected() {
        return rejected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Rejected observations by reason group, sorted by reason. */
    public Map<String, Long> rejectedByReason() {
        return byReason(rejected);
    }

    /** Records Kafka did not acknowledge and that were not dead-lettered. */
    public long publishFailures() {
        return publishFailures.sum();
    }

    private static Map<String, Long> byReason(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Seconds since the last record was decoded; NaN before the first. */
    public double lastRecordAgeSeconds() {
        long last = lastRecordNanos.get();
        return last == Long.MIN_VALUE ? Double.NaN : (nanoClock.getAsLong() - last) / 1e9;
    }

    /**
     * One line for the console: rate since the previous call, totals, errors by reason, last record
     * age.
     */
    public synchronized String summary() {
        long now = nanoClock.getAsLong();
        long total = records();
        double seconds = Math.max(1e-9, (now - lastReportNanos) / 1e9);
        double rate = (total - lastReportRecords) / seconds;
        lastReportNanos = now;
        lastReportRecords = total;
        StringBuilder b =
                new StringBuilder()
                        .append(format)
                        .append(' ')
                        .append(sensor)
                        .append(": ")
                        .append(String.format(Locale.ROOT, "%.1f records/s", rate))
                        .append(", ")
                        .append(total)
                        .append(" records, ")
                        .append(published())
                        .append(" observations published, ")
                        .append(errors())
                        .append(" decode errors");
        Map<String, Long> byReason = errorsByReason();
        if (!byReason.isEmpty()) {
            b.append(" (");
            String sep = "";
            for (var e : byReason.entrySet()) {
                b.append(sep).append(e.getValue()).append(" x ").append(e.getKey());
                sep = "; ";
            }
            b.append(')');
        }
        Map<String, Long> rejectedByReason = rejectedByReason();
        if (!rejectedByReason.isEmpty()) {
            b.append(", ").append(rejected()).append(" rejected (");
            String sep = "";
            for (var e : rejectedByReason.entrySet()) {
                b.append(sep).append(e.getValue()).append(" x ").append(e.getKey());
                sep = "; ";
            }
            b.append(')');
        }
        double age = lastRecordAgeSeconds();
        b.append(
                Double.isNaN(age)
                        ? ", no record yet"
                        : String.format(Locale.ROOT, ", last record %.1f s ago", age));
        if (publishFailures.sum() > 0) {
            b.append(", ").append(publishFailures.sum()).append(" publish failures");
        }
        return b.toString();
    }

    /** The counters in the Prometheus text exposition format (version 0.0.4). */
    public String prometheus() {
        String labels = "format=\"" + escape(format) + "\",sensor=\"" + escape(sensor) + "\"";
        StringBuilder b = new StringBuilder();
        metric(
                b,
                "cordon_connector_records_total",
                "counter",
                "Input records decoded.",
                labels,
                records());
        metric(
                b,
                "cordon_connector_observations_total",
                "counter",
                "Observations the decoded records yielded.",
                labels,
                observations());
        metric(
                b,
                "cordon_connector_published_total",
                "counter",
                "Observations acknowledged by Kafka.",
                labels,
                published());
        metric(
                b,
                "cordon_connector_publish_failures_total",
                "counter",
                "Records Kafka did not acknowledge (and that were not dead-lettered).",
                labels,
                publishFailures.sum());
        metric(
                b,
                "cordon_connector_received_bytes_total",
                "counter",
                "Bytes received from the transport.",
                labels,
                bytes.sum());
        metric(
                b,
                "cordon_connector_connections",
                "gauge",
                "Open transport connections.",
                labels,
                connections.get());
        double age = lastRecordAgeSeconds();
        b.append("# HELP cordon_connector_last_record_age_seconds Seconds since the last record.\n")
                .append("# TYPE cordon_connector_last_record_age_seconds gauge\n")
                .append("cordon_connector_last_record_age_seconds{")
                .append(labels)
                .append("} ")
                .append(Double.isNaN(age) ? "NaN" : String.format(Locale.ROOT, "%.3f", age))
                .append('\n');
        b.append("# HELP cordon_connector_decode_errors_total Decode errors by reason.\n")
                .append("# TYPE cordon_connector_decode_errors_total counter\n");
        for (var e : errorsByReason().entrySet()) {
            b.append("cordon_connector_decode_errors_total{")
                    .append(labels)
                    .append(",reason=\"")
                    .append(escape(e.getKey()))
                    .append("\"} ")
                    .append(e.getValue())
                    .append('\n');
        }
        b.append(
                        "# HELP cordon_connector_rejected_total Observations dead-lettered after"
                                + " decoding, by reason.\n")
                .append("# TYPE cordon_connector_rejected_total counter\n");
        for (var e : rejectedByReason().entrySet()) {
            b.append("cordon_connector_rejected_total{")
                    .append(labels)
                    .append(",reason=\"")
                    .append(escape(e.getKey()))
                    .append("\"} ")
                    .append(e.getValue())
                    .append('\n');
        }
        return b.toString();
    }

    private static void metric(
            StringBuilder b, String name, String type, String help, String labels, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        b.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    static String group(String reason) {
        String r = NUMBER.matcher(reason == null ? "" : reason).replaceAll("N");
        return r.length() > 120 ? r.substring(0, 120) : r;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
