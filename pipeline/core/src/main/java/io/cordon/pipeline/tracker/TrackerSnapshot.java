package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.FlatImm;
import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.TrackStatus;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The tracker's versioned binary snapshot. Layout (big-endian, {@link DataOutputStream}): magic
 * {@code "CTRK"}, version (short), reference point (3 doubles), clock (flag + seconds + nanos),
 * track count, then per track in the tracker's processing order (birth order, which the restored
 * tracker keeps so that it continues identically): id, status name, time, motion-model count, per
 * model its probability, mean (4 doubles) and covariance (16 doubles), existence probabilities
 * (visible, hidden, none) and their time, consecutive misses, update count, sensor ids, partner
 * ids, identity (4 strings), classification (class name, confidence), marking (flag, partners);
 * version 3 adds the time of the last coverage check and the birth time; version 4 adds, after the
 * tracks, the sensor-track associations in force at the clock (count, then per association in key
 * order: sensor id, local track id, entity id, time of the last report, failures in a row). Strings
 * are modified UTF-8. Version 5 adds, per track after the marking, the event times of the last
 * cooperative and the last non-cooperative observation (each flag + seconds + nanos); versions 2 to
 * 4 are still read (without those times, which stay unknown until the next such observation; 2 and
 * 3 without associations). Version 6 adds, per track after those times, its height ({@link
 * TrackHeight}): a flag, then height, vertical rate, the three covariance entries (height-height,
 * height-rate, rate-rate) and the estimate's time; older versions are read without heights (the
 * tracks stay at the reference height until an observation with a height). Version 7 adds, per
 * track after the models, the length of the IMM state's extension ({@link FlatImm#EXTENSION} with
 * an estimated turn model, else 0) and its values (the turn rate, its variance and its covariances
 * with the position and velocity); older versions are read with a new track's turn rate. A reader
 * accepts only versions it knows and fails with a message otherwise.
 */
final class TrackerSnapshot {
    static final int MAGIC = 0x4354524B;
    static final short VERSION = 7;

    // Big-endian views of a byte array, as DataOutput and DataInput order values: Out writes and In
    // reads through them.
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private TrackerSnapshot() {}

    static byte[] write(MultiTargetTracker tracker) {
        return write(tracker, VERSION);
    }

    /**
     * The snapshot in the current layout, or in version 6 (without turn rates), 5 (without turn
     * rates and heights) or 4 (without turn rates, heights and provenance times) for a reader that
     * does not know the later versions yet.
     */
    static byte[] write(MultiTargetTracker tracker, short version) {
        // per live track 168 bytes per motion model (probability, mean, covariance) and about 200
        // for the rest (ids, sets, times) when they are short: 1 025 bytes with five models
        int perTrack = 256 + 168 * tracker.imm.modelCount();
        return write(tracker, version, 256 + perTrack * tracker.liveTrackCount());
    }

    /** As {@link #write(MultiTargetTracker, short)}, into a buffer first sized {@code capacity}. */
    static byte[] write(MultiTargetTracker tracker, short version, int capacity) {
        if (version != VERSION && version != 6 && version != 5 && version != 4) {
            throw new IllegalArgumentException(
                    "can write tracker snapshot versions 4, 5, 6 and "
                            + VERSION
                            + ", not "
                            + version);
        }
        Out out = new Out(capacity);
        out.writeInt(MAGIC);
        out.writeShort(version);
        GeoPoint ref = tracker.plane.origin();
        out.writeDouble(ref.latDeg());
        out.writeDouble(ref.lonDeg());
        out.writeDouble(ref.altM());
        writeInstantOrNull(out, tracker.clock);
        out.writeInt(tracker.liveTrackCount());
        FlatImm imm = tracker.imm;
        for (TrackRecord t : tracker.live) {
            if (t == null) {
                continue;
            }
            out.writeUTF(t.id);
            out.writeUTF(t.status.name());
            writeInstant(out, t.time);
            out.writeInt(imm.modelCount());
            for (int j = 0; j < imm.modelCount(); j++) {
                out.writeDouble(t.state[j]);
                int g = imm.modeOffset(j);
                for (int i = 0; i < 4; i++) {
                    out.writeDouble(t.state[g + i]);
                }
                for (int r = 0; r < 4; r++) {
                    for (int c = 0; c < 4; c++) {
                        out.writeDouble(FlatImm.covariance(t.state, g, r, c));
                    }
                }
            }
            if (version >= 7) {
                int extension = imm.extensionLength();
                out.writeInt(extension);
                for (int i = 0; i < extension; i++) {
                    out.writeDouble(t.state[imm.extensionOffset() + i]);
                }
            }
            out.writeDouble(t.pVisible);
            out.writeDouble(t.pHidden);
            out.writeDouble(t.pNone);
            writeNanos(out, t.existenceNanos);
            writeNanos(out, t.checkedNanos);
            writeNanos(out, t.birthNanos);
            out.writeInt(t.consecutiveMisses);
            out.writeLong(t.updateCount);
            writeStrings(out, t.sensorIds);
            writeStrings(out, t.partnerIds);
            out.writeUTF(t.identity.mmsi());
            out.writeUTF(t.identity.icao24());
            out.writeUTF(t.identity.callsign());
            out.writeUTF(t.identity.cotUid());
            out.writeUTF(t.classification.targetClass().name());
            out.writeDouble(t.classification.confidence());
            out.writeBoolean(t.marking.releasableToAll());
            writeStrings(out, t.marking.partners());
            if (version >= 5) {
                writeInstantOrNull(out, t.lastCooperative);
                writeInstantOrNull(out, t.lastNonCooperative);
            }
            if (version >= 6) {
                writeHeight(out, t.height);
            }
        }
        List<SensorTrackLink> links =
                tracker.clock == null
                        ? List.of()
                        : tracker.sensorTracks.liveLinks(TrackRecord.nanos(tracker.clock));
        out.writeInt(links.size());
        for (SensorTrackLink link : links) {
            out.writeUTF(link.sensorId);
            out.writeUTF(link.localTrackId);
            out.writeUTF(link.entityId);
            writeNanos(out, link.lastReportNanos);
            out.writeInt(link.failures);
        }
        return out.toByteArray();
    }

    /**
     * A growable big-endian byte array with {@link DataOutputStream}'s methods, writing each value
     * straight into the array: the same bytes, without a call through the stream per value (a
     * snapshot is mostly doubles, five motion models of 21 each per track). Strings are modified
     * UTF-8 with a two-byte length, as {@link java.io.DataOutput#writeUTF} specifies.
     */
    static final class Out {
        private byte[] buf;
        private int count;

        Out(int capacity) {
            buf = new byte[Math.max(capacity, 16)];
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        void writeBoolean(boolean v) {
            ensure(1);
            buf[count++] = (byte) (v ? 1 : 0);
        }

        void writeShort(int v) {
            ensure(2);
            SHORT.set(buf, count, (short) v);
            count += 2;
        }

        void writeInt(int v) {
            ensure(4);
            INT.set(buf, count, v);
            count += 4;
        }

        void writeLong(long v) {
            ensure(8);
            LONG.set(buf, count, v);
            count += 8;
        }

        /** As {@link DataOutputStream#writeDouble}: the bits of {@link Double#doubleToLongBits}. */
        void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        /**
         * Modified UTF-8: U+0001 to U+007F in one byte, U+0000 and U+0080 to U+07FF in two, the
         * rest (surrogates each on their own) in three, after the byte count as an unsigned short.
         *
         * @throws UncheckedIOException of a {@link UTFDataFormatException} when the encoding is
         *     longer than 65 535 bytes (nothing is written then)
         */
        void writeUTF(String s) {
            int n = s.length();
            int bytes = n;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == 0) {
                    bytes += c >= 0x800 ? 2 : 1;
                }
            }
            if (bytes > 0xFFFF) {
                throw new UncheckedIOException(
                        new UTFDataFormatException(
                                "string of " + bytes + " bytes in modified UTF-8, at most 65535"));
            }
            ensure(2 + bytes);
            SHORT.set(buf, count, (short) bytes);
            int p = count + 2;
            byte[] b = buf;
            if (bytes == n) {
                for (int i = 0; i < n; i++) {
                    b[p++] = (byte) s.charAt(i);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    char c = s.charAt(i);
                    if (c >= 0x01 && c < 0x80) {
                        b[p++] = (byte) c;
                    } else if (c < 0x800) {
                        b[p++] = (byte) (0xC0 | (c >> 6));
                        b[p++] = (byte) (0x80 | (c & 0x3F));
                    } else {
                        b[p++] = (byte) (0xE0 | (c >> 12));
                        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        b[p++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
            }
            count = p;
        }

        /** What was written, in an array of exactly that length. */
        byte[] toByteArray() {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
    }

    /**
     * The reader of what {@link Out} and {@link DataOutputStream} write: the same values and the
     * same failures as {@link java.io.DataInputStream} over the array ({@link EOFException} past
     * its end, {@link UTFDataFormatException} for malformed modified UTF-8), read straight from the
     * array through big-endian {@link VarHandle}s instead of a stream call per value.
     */
    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        private int take(int n) throws EOFException {
            int at = pos;
            if (n > buf.length - at) {
                pos = buf.length;
                throw new EOFException();
            }
            pos = at + n;
            return at;
        }

        /** Bytes left. */
        int available() {
            return buf.length - pos;
        }

        boolean readBoolean() throws EOFException {
            return buf[take(1)] != 0;
        }

        short readShort() throws EOFException {
            return (short) SHORT.get(buf, take(2));
        }

        int readInt() throws EOFException {
            return (int) INT.get(buf, take(4));
        }

        long readLong() throws EOFException {
            return (long) LONG.get(buf, take(8));
        }

        double readDouble() throws EOFException {
            return Double.longBitsToDouble(readLong());
        }

        /**
         * Modified UTF-8 after its byte count (an unsigned short), decoded as {@link
         * java.io.DataInputStream#readUTF} does: bytes 0x00-0x7F one char each, 110xxxxx 10xxxxxx
         * and 1110xxxx 10xxxxxx 10xxxxxx, anything else malformed.
         */
        String readUTF() throws IOException {
            int length = (char) readShort();
            int start = take(length);
            int end = start + length;
            int i = start;
            while (i < end && buf[i] >= 0) {
                i++;
            }
            if (i == end) {
                // Only 0x00-0x7F: each byte is its char, as ISO-8859-1 decodes it.
                return new String(buf, start, length, StandardCharsets.ISO_8859_1);
            }
            char[] chars = new char[length];
            int n = 0;
            for (int k = start; k < i; k++) {
                chars[n++] = (char) buf[k];
            }
            while (i < end) {
                int c = buf[i] & 0xff;
                switch (c >> 4) {
                    case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                        i++;
                        chars[n++] = (char) c;
                    }
                    case 12, 13 -> {
                        i += 2;
                        if (i > end) {
                            throw new UTFDataFormatException(
                                    "malformed input: partial character at end");
                        }
                        int c2 = buf[i - 1];
                        if ((c2 & 0xC0) != 0x80) {
                            throw new UTFDataFormatException(
                                    "malformed input around byte " + (i - start));
                        }
                        chars[n++] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
                    }
                    case 14 -> {
                        i += 3;
                        if (i > end) {
                            throw new UTFDataFormatException(
                                    "malformed input: partial character at end");
                        }
                        int c2 = buf[i - 2], c3 = buf[i - 1];
                        if ((c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) {
                            throw new UTFDataFormatException(
                                    "malformed input around byte " + (i - 1 - start));
                        }
                        chars[n++] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
                    }
                    default ->
                            throw new UTFDataFormatException(
                                    "malformed input around byte " + (i - start));
                }
            }
            return new String(chars, 0, n);
        }
    }

    static MultiTargetTracker read(TrackerParameters parameters, byte[] snapshot) {
        In in = new In(snapshot);
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException(
                        "not a tracker snapshot (magic " + Integer.toHexString(magic) + ")");
            }
            short version = in.readShort();
            if (version < 2 || version > VERSION) {
                throw new IllegalArgumentException(
                        "unsupported tracker snapshot version "
                                + version
                                + ", expected 2 to "
                                + VERSION);
            }
            GeoPoint ref = new GeoPoint(in.readDouble(), in.readDouble(), in.readDouble());
            MultiTargetTracker tracker = new MultiTargetTracker(parameters, ref);
            tracker.clock = readInstantOrNull(in);
            int count = readCount(in, "tracks");
            List<TrackRecord> restored = new ArrayList<>(count);
            FlatImm imm = tracker.imm;
            for (int k = 0; k < count; k++) {
                String id = in.readUTF();
                TrackStatus status = TrackStatus.valueOf(in.readUTF());
                Instant time = readInstant(in);
                int modes = in.readInt();
                if (modes != tracker.modelCount()) {
                    throw new IllegalArgumentException(
                            "snapshot has "
                                    + modes
                                    + " motion models per track, these parameters "
                                    + tracker.modelCount());
                }
                TrackRecord t = new TrackRecord(id, status, time, imm.stateLength());
                double sum = 0;
                for (int j = 0; j < modes; j++) {
                    t.state[j] = in.readDouble();
                    sum += t.state[j];
                    double[] mean = new double[4];
                    for (int i = 0; i < 4; i++) {
                        mean[i] = in.readDouble();
                    }
                    double[] cov = new double[16];
                    for (int i = 0; i < 16; i++) {
                        cov[i] = in.readDouble();
                    }
                    FlatImm.pack(GaussianState.of(mean, cov), t.state, imm.modeOffset(j));
                }
                int extension = imm.extensionLength();
                if (version >= 7) {
                    int stored = in.readInt();
                    if (stored != extension) {
                        throw new IllegalArgumentException(
                                "track "
                                        + id
                                        + ": snapshot has "
                                        + stored
                                        + " values of an estimated turn rate, these parameters "
                                        + extension);
                    }
                    for (int i = 0; i < extension; i++) {
                        t.state[imm.extensionOffset() + i] = in.readDouble();
                    }
                } else {
                    imm.initialiseTurnRate(t.state, 0);
                }
                if (Math.abs(sum - 1) > 1e-9) {
                    throw new IllegalArgumentException(
                            "track " + id + ": model probabilities sum to " + sum);
                }
                imm.combine(t.state, 0, t.combined, 0);
                t.pVisible = in.readDouble();
                t.pHidden = in.readDouble();
                t.pNone = in.readDouble();
                t.existenceNanos = readNanos(in);
                t.checkedNanos = version >= 3 ? readNanos(in) : t.timeNanos;
                t.birthNanos = version >= 3 ? readNanos(in) : t.timeNanos;
                t.consecutiveMisses = in.readInt();
                t.updateCount = in.readLong();
                t.sensorIds.addAll(readStrings(in));
                t.partnerIds.addAll(readStrings(in));
                t.identity =
                        new CooperativeIdentity(
                                in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
                t.classification =
                        new Classification(TargetClass.valueOf(in.readUTF()), in.readDouble());
                boolean all = in.readBoolean();
                List<String> partners = readStrings(in);
                t.marking = all ? Marking.UNRESTRICTED : Marking.releasableTo(partners);
                if (version >= 5) {
                    t.lastCooperative = readInstantOrNull(in);
                    t.lastNonCooperative = readInstantOrNull(in);
                }
                if (version >= 6) {
                    t.height = readHeight(in, id);
                }
                restored.add(t);
            }
            for (TrackRecord t : restored) {
                tracker.add(t);
            }
            int linkCount = version >= 4 ? readCount(in, "sensor-track associations") : 0;
            List<SensorTrackLink> links = new ArrayList<>(linkCount);
            for (int k = 0; k < linkCount; k++) {
                SensorTrackLink link =
                        new SensorTrackLink(in.readUTF(), in.readUTF(), in.readUTF(), 0);
                link.lastReportNanos = readNanos(in);
                link.failures = in.readInt();
                if (!tracker.byId.containsKey(link.entityId)) {
                    throw new IllegalArgumentException(
                            "sensor track "
                                    + link.localTrackId
                                    + " of "
                                    + link.sensorId
                                    + " is associated with unknown track "
                                    + link.entityId);
                }
                links.add(link);
            }
            tracker.sensorTracks.restore(links);
            if (in.available() > 0) {
                throw new IllegalArgumentException(
                        "tracker snapshot has " + in.available() + " trailing bytes");
            }
            return tracker;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt tracker snapshot", e);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    "corrupt tracker snapshot: a time out of range (" + e.getMessage() + ")", e);
        }
    }

    private static void writeHeight(Out out, TrackHeight h) {
        out.writeBoolean(h != null);
        if (h != null) {
            out.writeDouble(h.heightM);
            out.writeDouble(h.rateMps);
            out.writeDouble(h.varHeightM2);
            out.writeDouble(h.covHeightRateM2PerS);
            out.writeDouble(h.varRateM2PerS2);
            writeNanos(out, h.nanos);
        }
    }

    private static TrackHeight readHeight(In in, String id) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        TrackHeight h =
                new TrackHeight(
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        in.readDouble(),
                        readNanos(in));
        if (!Double.isFinite(h.heightM)
                || !Double.isFinite(h.rateMps)
                || !(h.varHeightM2 >= 0)
                || !(h.varRateM2PerS2 >= 0)
                || !Double.isFinite(h.varHeightM2 + h.varRateM2PerS2 + h.covHeightRateM2PerS)) {
            throw new IllegalArgumentException(
                    "track "
                            + id
                            + ": height estimate not finite or with a negative variance: "
                            + h.heightM
                            + " m, "
                            + h.rateMps
                            + " m/s, variances "
                            + h.varHeightM2
                            + ", "
                            + h.varRateM2PerS2);
        }
        return h;
    }

    private static void writeInstant(Out out, Instant t) {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static void writeNanos(Out out, long nanos) {
        out.writeLong(Math.floorDiv(nanos, 1_000_000_000L));
        out.writeInt((int) Math.floorMod(nanos, 1_000_000_000L));
    }

    private static long readNanos(In in) throws IOException {
        return in.readLong() * 1_000_000_000L + in.readInt();
    }

    private static void writeInstantOrNull(Out out, Instant t) {
        out.writeBoolean(t != null);
        if (t != null) {
            writeInstant(out, t);
        }
    }

    private static Instant readInstant(In in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static Instant readInstantOrNull(In in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }

    private static void writeStrings(Out out, Set<String> values) {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    /**
     * A count of items that follow, each of at least two bytes: refused when negative or beyond
     * what the bytes left can hold, before anything is allocated for them (a damaged count would
     * otherwise ask for gigabytes).
     */
    private static int readCount(In in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / 2) {
            throw new IllegalArgumentException(
                    "tracker snapshot: "
                            + n
                            + " "
                            + what
                            + " cannot follow in the "
                            + in.available()
                            + " bytes left");
        }
        return n;
    }

    private static List<String> readStrings(In in) throws IOException {
        int n = readCount(in, "strings");
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
