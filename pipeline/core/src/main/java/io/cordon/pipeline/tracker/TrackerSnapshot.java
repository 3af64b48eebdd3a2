package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.GaussianState;
import io.cordon.pipeline.filter.ImmState;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.TrackStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tracker's versioned binary snapshot. Layout (big-endian, {@link DataOutputStream}): magic
 * {@code "CTRK"}, version (short), reference point (3 doubles), clock (flag + seconds + nanos),
 * track count, then per track in id order: id, status name, time, motion-model count, per model its
 * probability, mean (4 doubles) and covariance (16 doubles), existence probabilities (visible,
 * hidden, none) and their time, consecutive misses, update count, sensor ids, partner ids, identity
 * (4 strings), classification (class name, confidence), marking (flag, partners). Strings are
 * modified UTF-8. A reader accepts only versions it knows and fails with a message otherwise.
 */
final class TrackerSnapshot {
    static final int MAGIC = 0x4354524B;
    static final short VERSION = 2;

    private TrackerSnapshot() {}

    static byte[] write(MultiTargetTracker tracker) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            GeoPoint ref = tracker.plane.origin();
            out.writeDouble(ref.latDeg());
            out.writeDouble(ref.lonDeg());
            out.writeDouble(ref.altM());
            writeInstantOrNull(out, tracker.clock);
            out.writeInt(tracker.tracks.size());
            for (TrackRecord t : tracker.tracks.values()) {
                out.writeUTF(t.id);
                out.writeUTF(t.status.name());
                writeInstant(out, t.time);
                out.writeInt(t.state.modeCount());
                for (int j = 0; j < t.state.modeCount(); j++) {
                    out.writeDouble(t.state.probability(j));
                    GaussianState s = t.state.mode(j);
                    for (int i = 0; i < 4; i++) {
                        out.writeDouble(s.mean(i));
                    }
                    for (int r = 0; r < 4; r++) {
                        for (int c = 0; c < 4; c++) {
                            out.writeDouble(s.covariance(r, c));
                        }
                    }
                }
                out.writeDouble(t.pVisible);
                out.writeDouble(t.pHidden);
                out.writeDouble(t.pNone);
                writeInstant(out, t.existenceTime);
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static MultiTargetTracker read(TrackerParameters parameters, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException(
                        "not a tracker snapshot (magic " + Integer.toHexString(magic) + ")");
            }
            short version = in.readShort();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "unsupported tracker snapshot version "
                                + version
                                + ", expected "
                                + VERSION);
            }
            GeoPoint ref = new GeoPoint(in.readDouble(), in.readDouble(), in.readDouble());
            MultiTargetTracker tracker = new MultiTargetTracker(parameters, ref);
            tracker.clock = readInstantOrNull(in);
            int count = in.readInt();
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
                GaussianState[] states = new GaussianState[modes];
                double[] mu = new double[modes];
                for (int j = 0; j < modes; j++) {
                    mu[j] = in.readDouble();
                    double[] mean = new double[4];
                    for (int i = 0; i < 4; i++) {
                        mean[i] = in.readDouble();
                    }
                    double[] cov = new double[16];
                    for (int i = 0; i < 16; i++) {
                        cov[i] = in.readDouble();
                    }
                    states[j] = GaussianState.of(mean, cov);
                }
                TrackRecord t = new TrackRecord(id, status, time, ImmState.exactly(states, mu));
                t.pVisible = in.readDouble();
                t.pHidden = in.readDouble();
                t.pNone = in.readDouble();
                t.existenceTime = readInstant(in);
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
                tracker.tracks.put(id, t);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException(
                        "tracker snapshot has " + in.available() + " trailing bytes");
            }
            return tracker;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt tracker snapshot", e);
        }
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static void writeInstantOrNull(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            writeInstant(out, t);
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static Instant readInstantOrNull(DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }

    private static void writeStrings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
