package io.cordon.jobs.bench;

/** Latencies in 1 ms bins up to a minute (later ones land in the last bin), for percentiles. */
final class LatencyHistogram {
    private final long[] bins = new long[60_001];
    private long count;
    private long maxMs;

    void record(long latencyMs) {
        long ms = Math.max(0, latencyMs);
        bins[(int) Math.min(ms, bins.length - 1)]++;
        count++;
        maxMs = Math.max(maxMs, ms);
    }

    long count() {
        return count;
    }

    long maxMs() {
        return maxMs;
    }

    /** The smallest latency with at least {@code fraction} of the samples at or below it. */
    long percentileMs(double fraction) {
        if (count == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(fraction * count);
        long seen = 0;
        for (int i = 0; i < bins.length; i++) {
            seen += bins[i];
            if (seen >= rank) {
                return i;
            }
        }
        return bins.length - 1;
    }
}
