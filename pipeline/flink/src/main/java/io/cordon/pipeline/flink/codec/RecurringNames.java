package io.cordon.pipeline.flink.codec;

/**
 * One instance for each of the few names that recur in every record, sensor and partner ids: the
 * tracker compares a track's last sensor and partner with every observation's and looks sensors up
 * by name, and equal strings that are one instance compare without reading their characters and
 * keep their hash (different instances each cost a cache miss per comparison at 10 000 tracks,
 * docs/benchmarks.md). A small direct-mapped table, not an unbounded intern pool: a name that
 * collides with another replaces it and is only a new instance again, never a wrong one.
 */
final class RecurringNames {
    private static final int SLOTS = 1024;

    /** Racy on purpose: strings are immutable, so any instance read here is a whole one. */
    private static final String[] TABLE = new String[SLOTS];

    private RecurringNames() {}

    /** The instance kept for a name equal to {@code name}, or {@code name}, now kept. */
    static String of(String name) {
        int h = name.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String kept = TABLE[slot];
        if (kept != null && kept.equals(name)) {
            return kept;
        }
        TABLE[slot] = name;
        return name;
    }
}
