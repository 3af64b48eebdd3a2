package io.cordon.connectors.tak.encode;

import io.cordon.connectors.cot.encode.CotDetectionEncoder.Detection;
import io.cordon.connectors.output.cot.CotEventWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one detection as a TAK protocol version 1 message: a protobuf {@code TakMessage} whose
 * field 2 is the {@code CotEvent} (takproto {@code cotevent.proto}: 1 type, 5 uid, 6/7/8 send,
 * start and stale time in epoch milliseconds, 9 how, 10-14 lat, lon, hae, ce, le as doubles, 15
 * {@code Detail} with 7 {@code Track}: 1 speed m/s, 2 course degrees). It carries the same content
 * as {@link io.cordon.connectors.cot.encode.CotDetectionEncoder}'s XML, but exactly (doubles, no
 * decimal rounding): send time = start time = the detection time, stale = start + the validity,
 * unknown hae, ce and le as 9 999 999, a track only when course and speed are known, no contact.
 *
 * <p>Framing: {@link #streamMessage} puts the payload behind the TAK stream header (0xBF, then the
 * payload length as a protobuf varint), as on a TAK server's TCP connection.
 */
public final class TakDetectionEncoder {
    /** The TAK magic byte. */
    public static final int MAGIC = 0xBF;

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;

    private TakDetectionEncoder() {}

    /** The protobuf {@code TakMessage} with the detection's {@code CotEvent}. */
    public static byte[] payload(Detection d) {
        Writer event = new Writer();
        event.string(1, d.type());
        event.string(5, d.uid());
        long start = d.time().toEpochMilli();
        event.varint(6, start);
        event.varint(7, start);
        event.varint(8, d.time().plus(d.staleAfter()).toEpochMilli());
        event.string(9, d.how());
        event.fixed64(10, d.latDeg());
        event.fixed64(11, d.lonDeg());
        event.fixed64(12, orUnknown(d.haeM()));
        event.fixed64(13, orUnknown(d.ceM()));
        event.fixed64(14, orUnknown(d.leM()));
        if (Double.isFinite(d.courseDeg()) && Double.isFinite(d.speedMps())) {
            double course = d.courseDeg();
            if (!(course >= 0 && course < 360)) {
                course = ((course % 360) + 360) % 360;
            }
            Writer track = new Writer();
            track.fixed64(1, Math.max(0, d.speedMps()));
            track.fixed64(2, course >= 360 ? 0.0 : course);
            Writer detail = new Writer();
            detail.message(7, track);
            event.message(15, detail);
        }
        Writer message = new Writer();
        message.message(2, event);
        return message.bytes();
    }

    /** The message as it travels on a TAK stream: 0xBF, varint length, payload. */
    public static byte[] streamMessage(Detection d) {
        byte[] payload = payload(d);
        Writer framed = new Writer();
        framed.out.write(MAGIC);
        framed.rawVarint(payload.length);
        framed.out.writeBytes(payload);
        return framed.bytes();
    }

    private static double orUnknown(double value) {
        return Double.isFinite(value) ? value : CotEventWriter.UNKNOWN;
    }

    /** A protobuf wire-format writer for the few field kinds a CoT event needs. */
    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void varint(int field, long value) {
            key(field, VARINT);
            rawVarint(value);
        }

        void fixed64(int field, double value) {
            key(field, FIXED64);
            long bits = Double.doubleToLongBits(value);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)) & 0xFF);
            }
        }

        /** A string field; proto3 leaves an empty string out. */
        void string(int field, String value) {
            if (value == null || value.isEmpty()) {
                return;
            }
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, Writer nested) {
            bytes(field, nested.bytes());
        }

        private void bytes(int field, byte[] value) {
            key(field, LENGTH_DELIMITED);
            rawVarint(value.length);
            out.writeBytes(value);
        }

        private void key(int field, int wireType) {
            rawVarint(((long) field << 3) | wireType);
        }

        void rawVarint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
