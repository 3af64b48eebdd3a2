package io.cordon.connectors.ais.nmea;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Joins the fragments of multi-sentence AIS messages.
 *
 * <p>Fragments belong together when they share TAG block source, radio channel and sequential
 * message id, and must arrive in order 1..n (as every receiver emits them). A fragment 1 whose key
 * is already pending supersedes the older message; a fragment that does not continue its message,
 * or that has none, is an error. Pending messages older than the timeout, measured on the times the
 * caller supplies (this class never reads a clock), are reported as errors by {@link #expire} and
 * by every {@link #offer} with a time. At most {@code maxPending} messages wait at once; beyond
 * that the oldest is dropped with an error.
 *
 * <p>Not thread-safe: one assembler per feed.
 */
public final class FragmentAssembler {
    private final Duration timeout;
    private final int maxPending;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    public FragmentAssembler(Duration timeout, int maxPending) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, was " + maxPending);
        }
        this.timeout = timeout;
        this.maxPending = maxPending;
    }

    /**
     * Adds one fragment of a multi-sentence message.
     *
     * @param sentence a fragment ({@code fragmentCount > 1})
     * @param raw its line, for error reports
     * @param offset its offset in its input
     * @param now the caller's current time (receive time), or null when unknown: messages started
     *     without a time never time out, only get superseded or evicted
     * @return the completed message when this was the last fragment, and errors for fragments and
     *     messages that cannot complete
     */
    public DecodeResult<AssembledMessage> offer(
            NmeaSentence sentence, byte[] raw, long offset, Instant now) {
        DecodeResult.Builder<AssembledMessage> out = new DecodeResult.Builder<>();
        if (now != null && !pending.isEmpty()) {
            expireInto(now, out);
        }
        Key key = new Key(sentence.tagBlock().source(), sentence.channel(), sentence.sequenceId());
        Pending group = pending.get(key);
        if (sentence.fragmentNumber() == 1) {
            if (group != null) {
                pending.remove(key);
                error(
                        out,
                        group,
                        "multipart message superseded by a new fragment 1 after "
                                + group.received()
                                + " of "
                                + group.count()
                                + " fragments");
            }
            if (pending.size() >= maxPending) {
                Iterator<Pending> oldest = pending.values().iterator();
                Pending evicted = oldest.next();
                oldest.remove();
                error(
                        out,
                        evicted,
                        "multipart message evicted: more than " + maxPending + " messages pending");
            }
            pending.put(key, new Pending(sentence, raw, offset, now));
            return out.build();
        }
        if (group == null) {
            out.error(
                    "fragment "
                            + sentence.fragmentNumber()
                            + " of "
                            + sentence.fragmentCount()
                            + " without its preceding fragments",
                    offset,
                    raw);
            return out.build();
        }
        if (group.count() != sentence.fragmentCount()
                || group.received() + 1 != sentence.fragmentNumber()) {
            pending.remove(key);
            group.add(sentence, raw);
            error(
                    out,
                    group,
                    "fragment "
                            + sentence.fragmentNumber()
                            + " of "
                            + sentence.fragmentCount()
                            + " does not continue a message of "
                            + group.count()
                            + " fragments at fragment "
                            + group.received());
            return out.build();
        }
        group.add(sentence, raw);
        if (group.received() == group.count()) {
            pending.remove(key);
            out.value(group.assemble());
        }
        return out.build();
    }

    /** Reports and drops every message still incomplete {@code timeout} after its fragment 1. */
    public List<DecodeError> expire(Instant now) {
        DecodeResult.Builder<AssembledMessage> out = new DecodeResult.Builder<>();
        expireInto(Objects.requireNonNull(now, "now"), out);
        return out.build().errors();
    }

    /** Drops and reports every pending message (end of input). */
    public List<DecodeError> flush() {
        DecodeResult.Builder<AssembledMessage> out = new DecodeResult.Builder<>();
        for (Pending group : pending.values()) {
            error(
                    out,
                    group,
                    "multipart message incomplete at end of input: "
                            + group.received()
                            + " of "
                            + group.count()
                            + " fragments");
        }
        pending.clear();
        return out.build().errors();
    }

    /** How many multipart messages wait for fragments. */
    public int pendingCount() {
        return pending.size();
    }

    private void expireInto(Instant now, DecodeResult.Builder<AssembledMessage> out) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending group = it.next();
            if (group.startedAt != null
                    && Duration.between(group.startedAt, now).compareTo(timeout) > 0) {
                it.remove();
                error(
                        out,
                        group,
                        "multipart message timed out after "
                                + timeout
                                + " with "
                                + group.received()
                                + " of "
                                + group.count()
                                + " fragments");
            }
        }
    }

    private static void error(
            DecodeResult.Builder<AssembledMessage> out, Pending group, String reason) {
        out.error(reason, group.offset, group.joinedRaw());
    }

    private record Key(String source, String channel, int sequenceId) {}

    /** The fragments received so far of one message. */
    private static final class Pending {
        private final List<NmeaSentence> sentences = new ArrayList<>(2);
        private final List<byte[]> raws = new ArrayList<>(2);
        private final long offset;
        private final Instant startedAt;

        Pending(NmeaSentence first, byte[] raw, long offset, Instant startedAt) {
            this.offset = offset;
            this.startedAt = startedAt;
            add(first, raw);
        }

        void add(NmeaSentence sentence, byte[] raw) {
            sentences.add(sentence);
            raws.add(raw);
        }

        int count() {
            return sentences.get(0).fragmentCount();
        }

        int received() {
            return sentences.size();
        }

        byte[] joinedRaw() {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int i = 0; i < raws.size(); i++) {
                if (i > 0) {
                    joined.write('\n');
                }
                joined.writeBytes(raws.get(i));
            }
            return joined.toByteArray();
        }

        AssembledMessage assemble() {
            ByteArrayOutputStream payload = new ByteArrayOutputStream(64 * sentences.size());
            TagBlock tag = TagBlock.NONE;
            for (NmeaSentence s : sentences) {
                payload.writeBytes(s.payload());
                if (tag == TagBlock.NONE && s.tagBlock() != TagBlock.NONE) {
                    tag = s.tagBlock();
                }
            }
            NmeaSentence last = sentences.get(sentences.size() - 1);
            return new AssembledMessage(
                    sentences.get(0),
                    tag,
                    payload.toByteArray(),
                    last.fillBits(),
                    joinedRaw(),
                    offset);
        }
    }
}
