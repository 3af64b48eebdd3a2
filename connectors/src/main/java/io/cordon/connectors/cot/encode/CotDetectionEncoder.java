package io.cordon.connectors.cot.encode;

import io.cordon.connectors.output.cot.CotEventWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes one detection as a CoT 2.0 {@code <event>} XML document (UTF-8), the way a drone's ground
 * station reports what its camera sees: {@code time} = {@code start} = the detection time
 * (millisecond resolution), {@code stale} = start + the given validity, {@code point} in WGS84
 * degrees (7 decimals, about 1 cm) with height above the ellipsoid and {@code ce} the one-sigma
 * circular error, {@code le} the one-sigma height error (9 999 999 when unknown, as are an unknown
 * {@code hae} and {@code ce}). No {@code detail/contact}: a detection has no callsign. {@code
 * detail/track} only when a course and speed are known.
 */
public final class CotDetectionEncoder {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private CotDetectionEncoder() {}

    /**
     * One detection.
     *
     * @param uid the event uid (unique per detected object or per detection)
     * @param type the CoT type, e.g. {@code a-u-G} (unknown ground object)
     * @param how how the position was produced (the CoT {@code how}; the decoder treats {@code
     *     m-f}, {@code m-p} and {@code m-r} as foreign tracks, anything else as a measurement)
     * @param time when it was seen
     * @param staleAfter how long the report stays valid
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param haeM height above the WGS84 ellipsoid, metres (NaN: unknown)
     * @param ceM one-sigma circular error, metres (NaN: unknown)
     * @param leM one-sigma linear (height) error, metres (NaN: unknown; with a known {@code haeM}
     *     the decoder takes the height as measured)
     * @param courseDeg course over ground, degrees from true north (NaN: no detail/track)
     * @param speedMps speed, m/s (NaN: no detail/track)
     */
    public record Detection(
            String uid,
            String type,
            String how,
            Instant time,
            Duration staleAfter,
            double latDeg,
            double lonDeg,
            double haeM,
            double ceM,
            double leM,
            double courseDeg,
            double speedMps) {
        public Detection {
            if (uid == null || uid.isBlank() || type == null || type.isBlank()) {
                throw new IllegalArgumentException("uid and type are required");
            }
            if (time == null || staleAfter == null || staleAfter.isNegative()) {
                throw new IllegalArgumentException("time and a non-negative staleAfter required");
            }
            if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
                throw new IllegalArgumentException(
                        "position " + latDeg + ", " + lonDeg + " outside WGS84 ranges");
            }
            how = how == null ? "" : how;
        }
    }

    /** The detection as a CoT XML document, UTF-8. */
    public static byte[] encode(Detection d) {
        StringBuilder x = new StringBuilder(384);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        x.append("<event version=\"2.0\" uid=\"")
                .append(escape(d.uid()))
                .append("\" type=\"")
                .append(escape(d.type()))
                .append("\" how=\"")
                .append(escape(d.how()))
                .append("\" time=\"")
                .append(TIME.format(d.time()))
                .append("\" start=\"")
                .append(TIME.format(d.time()))
                .append("\" stale=\"")
                .append(TIME.format(d.time().plus(d.staleAfter())))
                .append("\">");
        x.append(
                String.format(
                        Locale.ROOT,
                        "<point lat=\"%.7f\" lon=\"%.7f\" hae=\"%s\" ce=\"%s\" le=\"%s\"/>",
                        d.latDeg(),
                        d.lonDeg(),
                        orUnknown(d.haeM(), "%.2f"),
                        orUnknown(d.ceM(), "%.2f"),
                        orUnknown(d.leM(), "%.2f")));
        x.append("<detail>");
        if (Double.isFinite(d.courseDeg()) && Double.isFinite(d.speedMps())) {
            double course = ((d.courseDeg() % 360) + 360) % 360;
            x.append(
                    String.format(
                            Locale.ROOT,
                            "<track course=\"%.2f\" speed=\"%.3f\"/>",
                            course >= 359.995 ? 0.0 : course,
                            Math.max(0, d.speedMps())));
        }
        x.append("</detail></event>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String orUnknown(double value, String format) {
        return Double.isFinite(value)
                ? String.format(Locale.ROOT, format, value)
                : String.format(Locale.ROOT, "%.1f", CotEventWriter.UNKNOWN);
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
