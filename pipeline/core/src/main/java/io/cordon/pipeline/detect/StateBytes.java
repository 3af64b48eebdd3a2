package io.cordon.pipeline.detect;

import io.cordon.pipeline.geo.GeoPoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Big-endian binary encoding of detector state records ({@link DataOutputStream} layout): each
 * record writes a format version first, then its fields in declaration order. Nullable points and
 * instants are preceded by a presence byte. Old bytes must stay readable: add fields only with a
 * new version number.
 */
public final class StateBytes {
    private StateBytes() {}

    /** Writes fields; {@link #toBytes()} at the end. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer(int version) {
            writeInt(version);
        }

        public Writer writeInt(int v) {
            return run(() -> out.writeInt(v));
        }

        public Writer writeLong(long v) {
            return run(() -> out.writeLong(v));
        }

        public Writer writeDouble(double v) {
            return run(() -> out.writeDouble(v));
        }

        public Writer writeBoolean(boolean v) {
            return run(() -> out.writeBoolean(v));
        }

        /** A string; null is written as the empty string. */
        public Writer writeString(String v) {
            return run(() -> out.writeUTF(v == null ? "" : v));
        }

        /** A nullable instant (seconds and nanos). */
        public Writer writeInstant(Instant v) {
            writeBoolean(v != null);
            if (v != null) {
                writeLong(v.getEpochSecond());
                writeInt(v.getNano());
            }
            return this;
        }

        /** A nullable point (lat, lon, alt). */
        public Writer writePoint(GeoPoint p) {
            writeBoolean(p != null);
            if (p != null) {
                writeDouble(p.latDeg());
                writeDouble(p.lonDeg());
                writeDouble(p.altM());
            }
            return this;
        }

        public byte[] toBytes() {
            run(out::flush);
            return bytes.toByteArray();
        }

        private Writer run(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // cannot happen with a byte array
            }
            return this;
        }
    }

    /** Reads fields in the order they were written. */
    public static final class Reader {
        private final DataInputStream in;
        private final int version;

        /**
         * @param bytes the encoded state
         * @param expectedVersion the version this code reads
         * @throws IllegalArgumentException when the bytes carry another version
         */
        public Reader(byte[] bytes, int expectedVersion) {
            this(bytes, expectedVersion, expectedVersion);
        }

        /**
         * A reader for a record whose format grew: it reads versions {@code oldest} to {@code
         * newest}; the caller asks {@link #version()} which fields follow.
         *
         * @throws IllegalArgumentException when the bytes carry a version outside the range
         */
        public Reader(byte[] bytes, int oldest, int newest) {
            this.in = new DataInputStream(new ByteArrayInputStream(bytes));
            this.version = readInt();
            if (version < oldest || version > newest) {
                throw new IllegalArgumentException(
                        "state format version "
                                + version
                                + ", expected "
                                + (oldest == newest ? oldest : oldest + " to " + newest));
            }
        }

        /** The format version the bytes carry. */
        public int version() {
            return version;
        }

        public int readInt() {
            return read(in::readInt);
        }

        public long readLong() {
            return read(in::readLong);
        }

        public double readDouble() {
            return read(in::readDouble);
        }

        public boolean readBoolean() {
            return read(in::readBoolean);
        }

        public String readString() {
            return read(in::readUTF);
        }

        public Instant readInstant() {
            return readBoolean() ? Instant.ofEpochSecond(readLong(), readInt()) : null;
        }

        public GeoPoint readPoint() {
            return readBoolean() ? new GeoPoint(readDouble(), readDouble(), readDouble()) : null;
        }

        private <T> T read(IoRead<T> action) {
            try {
                return action.read();
            } catch (IOException e) {
                throw new IllegalArgumentException("truncated or corrupt state bytes", e);
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IoRead<T> {
        T read() throws IOException;
    }
}
