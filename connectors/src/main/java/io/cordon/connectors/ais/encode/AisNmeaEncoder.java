package io.cordon.connectors.ais.encode;

import io.cordon.connectors.ais.nmea.NmeaChecksum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes AIS messages as NMEA 0183 {@code !AIVDM} sentences (IEC 61162-1; payload per ITU-R
 * M.1371-5): the message's bits packed most significant first, armoured six bits per character
 * (values 0-39 as '0'-'W', 40-63 as '`'-'w'), split into sentences of at most 60 payload characters
 * with the fill bits of the last one stated, and the XOR checksum after {@code *}. Lines end with
 * CR LF.
 *
 * <p>Resolutions: position 1/10 000 minute (about 0.19 m), speed 0.1 knot, course 0.1 degree,
 * heading 1 degree, time the UTC second (the receive time places it in its minute). Values a field
 * cannot hold are written as that field's "not available".
 */
public final class AisNmeaEncoder {
    private static final int MAX_PAYLOAD_CHARS = 60;

    private AisNmeaEncoder() {}

    /**
     * A position report.
     *
     * @param mmsi the transmitter's MMSI, 0 to 999 999 999
     * @param time when the position was taken (its UTC second is transmitted)
     * @param latDeg latitude, degrees, [-90, 90]
     * @param lonDeg longitude, degrees, [-180, 180]
     * @param speedKnots speed over ground, knots (NaN: not available)
     * @param courseDeg course over ground, degrees (NaN: not available)
     * @param headingDeg true heading, degrees 0-359 (-1: not available)
     * @param accuracyHigh the position accuracy flag (better than 10 m)
     */
    public record Position(
            int mmsi,
            Instant time,
            double latDeg,
            double lonDeg,
            double speedKnots,
            double courseDeg,
            int headingDeg,
            boolean accuracyHigh) {
        public Position {
            if (mmsi < 0 || mmsi > 999_999_999) {
                throw new IllegalArgumentException("MMSI must be 9 digits at most, was " + mmsi);
            }
            if (time == null) {
                throw new IllegalArgumentException("time is required");
            }
            if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
                throw new IllegalArgumentException(
                        "position " + latDeg + ", " + lonDeg + " outside WGS84 ranges");
            }
        }
    }

    /**
     * Static and voyage data (message 5).
     *
     * @param mmsi the MMSI
     * @param imo IMO number (0: not available)
     * @param callsign up to 7 characters of the AIS six-bit set
     * @param name up to 20 characters
     * @param shipType ITU ship and cargo type, 0-255
     * @param toBowM distance from the reference point to the bow, metres (0-511)
     * @param toSternM to the stern (0-511)
     * @param toPortM to port (0-63)
     * @param toStarboardM to starboard (0-63)
     * @param destination up to 20 characters
     */
    public record StaticData(
            int mmsi,
            int imo,
            String callsign,
            String name,
            int shipType,
            int toBowM,
            int toSternM,
            int toPortM,
            int toStarboardM,
            String destination) {}

    /**
     * Message 1 (class A scheduled position report), navigation status "under way using engine".
     */
    public static List<String> classA(Position p, char channel) {
        Bits b = new Bits(168);
        b.put(6, 1).put(2, 0).put(30, p.mmsi());
        b.put(4, 0); // navigational status 0: under way using engine
        b.put(8, 0x80); // rate of turn: not available (-128)
        b.put(10, speed(p.speedKnots()));
        b.put(1, p.accuracyHigh() ? 1 : 0);
        b.put(28, Math.round(p.lonDeg() * 600_000)).put(27, Math.round(p.latDeg() * 600_000));
        b.put(12, course(p.courseDeg())).put(9, heading(p.headingDeg()));
        b.put(6, second(p.time()));
        b.put(2, 0).put(3, 0).put(1, 0).put(19, 0); // manoeuvre, spare, RAIM, radio status
        return sentences(b, channel, -1);
    }

    /** Message 18 (class B position report), a CS unit without display, DSC or message 22. */
    public static List<String> classB(Position p, char channel) {
        Bits b = new Bits(168);
        b.put(6, 18).put(2, 0).put(30, p.mmsi());
        b.put(8, 0); // regional reserved
        b.put(10, speed(p.speedKnots()));
        b.put(1, p.accuracyHigh() ? 1 : 0);
        b.put(28, Math.round(p.lonDeg() * 600_000)).put(27, Math.round(p.latDeg() * 600_000));
        b.put(12, course(p.courseDeg())).put(9, heading(p.headingDeg()));
        b.put(6, second(p.time()));
        b.put(2, 0); // regional reserved
        b.put(1, 1).put(1, 0).put(1, 0).put(1, 1).put(1, 0).put(1, 0); // CS, display, DSC, band...
        b.put(1, 0).put(20, 0); // RAIM, radio status
        return sentences(b, channel, -1);
    }

    /**
     * Message 5 (static and voyage data), two sentences sharing {@code sequenceId} (0-9). ETA and
     * draught are "not available".
     */
    public static List<String> staticAndVoyage(StaticData s, char channel, int sequenceId) {
        if (sequenceId < 0 || sequenceId > 9) {
            throw new IllegalArgumentException("sequence id must be 0-9, was " + sequenceId);
        }
        Bits b = new Bits(424);
        b.put(6, 5).put(2, 0).put(30, s.mmsi());
        b.put(2, 0).put(30, s.imo());
        text(b, s.callsign(), 7);
        text(b, s.name(), 20);
        b.put(8, s.shipType() & 0xFF);
        b.put(9, Math.min(511, s.toBowM())).put(9, Math.min(511, s.toSternM()));
        b.put(6, Math.min(63, s.toPortM())).put(6, Math.min(63, s.toStarboardM()));
        b.put(4, 1); // EPFD 1: GPS
        b.put(4, 0).put(5, 0).put(5, 24).put(6, 60); // ETA not available
        b.put(8, 0); // draught not available
        text(b, s.destination(), 20);
        b.put(1, 0).put(1, 0); // DTE ready, spare
        return sentences(b, channel, sequenceId);
    }

    /**
     * The line with a TAG block in front stating the receive time (UNIX seconds) and the source:
     * {@code \c:1767225600,s:rcv1*hh\!AIVDM...}.
     */
    public static String withTagBlock(String line, Instant receivedAt, String source) {
        String body =
                "c:"
                        + receivedAt.getEpochSecond()
                        + (source == null || source.isEmpty() ? "" : ",s:" + source);
        return "\\" + body + "*" + hex(checksum(body)) + "\\" + line;
    }

    /** The sentences (each a line ending in CR LF) as one input for a decoder. */
    public static byte[] lines(List<String> sentences) {
        return String.join("", sentences).getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> sentences(Bits bits, char channel, int sequenceId) {
        String payload = bits.armoured();
        int fill = bits.fillBits();
        int count = (payload.length() + MAX_PAYLOAD_CHARS - 1) / MAX_PAYLOAD_CHARS;
        if (count > 1 && sequenceId < 0) {
            throw new IllegalStateException("a multipart message needs a sequence id");
        }
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String part =
                    payload.substring(
                            i * MAX_PAYLOAD_CHARS,
                            Math.min(payload.length(), (i + 1) * MAX_PAYLOAD_CHARS));
            String body =
                    "AIVDM,"
                            + count
                            + ","
                            + (i + 1)
                            + ","
                            + (count > 1 ? Integer.toString(sequenceId) : "")
                            + ","
                            + channel
                            + ","
                            + part
                            + ","
                            + (i == count - 1 ? fill : 0);
            out.add("!" + body + "*" + hex(checksum(body)) + "\r\n");
        }
        return out;
    }

    private static long speed(double knots) {
        if (Double.isNaN(knots) || knots < 0) {
            return 1023;
        }
        return Math.min(1022, Math.round(knots * 10));
    }

    private static long course(double deg) {
        if (Double.isNaN(deg)) {
            return 3600;
        }
        long c = Math.round((((deg % 360) + 360) % 360) * 10);
        return c == 3600 ? 0 : c;
    }

    private static long heading(int deg) {
        return deg < 0 || deg > 359 ? 511 : deg;
    }

    private static long second(Instant t) {
        return t.atZone(ZoneOffset.UTC).getSecond();
    }

    /** Writes {@code chars} six-bit characters of {@code text}, padded with '@' (0). */
    private static void text(Bits b, String text, int chars) {
        String t = text == null ? "" : text.toUpperCase(Locale.ROOT);
        for (int i = 0; i < chars; i++) {
            int c = i < t.length() ? t.charAt(i) : '@';
            int v;
            if (c >= 64 && c <= 95) {
                v = c - 64;
            } else if (c >= 32 && c <= 63) {
                v = c;
            } else {
                throw new IllegalArgumentException(
                        "'" + (char) c + "' is not in the AIS six-bit character set");
            }
            b.put(6, v);
        }
    }

    private static int checksum(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        return NmeaChecksum.compute(bytes, 0, bytes.length);
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "%02X", value);
    }

    /** A big-endian bit buffer. */
    private static final class Bits {
        private final boolean[] bits;
        private int at;

        Bits(int length) {
            bits = new boolean[length];
        }

        /** Appends the low {@code width} bits of {@code value} (two's complement for negatives). */
        Bits put(int width, long value) {
            for (int i = width - 1; i >= 0; i--) {
                bits[at++] = ((value >>> i) & 1) != 0;
            }
            return this;
        }

        String armoured() {
            if (at != bits.length) {
                throw new IllegalStateException("wrote " + at + " of " + bits.length + " bits");
            }
            StringBuilder s = new StringBuilder((bits.length + 5) / 6);
            for (int i = 0; i < bits.length; i += 6) {
                int v = 0;
                for (int k = 0; k < 6; k++) {
                    v = v << 1 | (i + k < bits.length && bits[i + k] ? 1 : 0);
                }
                s.append((char) (v < 40 ? v + 48 : v + 56));
            }
            return s.toString();
        }

        int fillBits() {
            return (6 - bits.length % 6) % 6;
        }
    }
}
