package io.cordon.connectors.output.cot;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes released alerts and tracks as CoT 2.0 {@code <event>} XML (UTF-8), one document per event,
 * as TAK servers and clients read them on a TCP stream.
 *
 * <ul>
 *   <li>{@code uid}: {@code cordon.alert.<alert id>} / {@code cordon.track.<track id>}, stable, so
 *       an update replaces the marker and a resend after a failure is harmless.
 *   <li>{@code time} = {@code start} = the event time; {@code stale} = start + the partner's {@code
 *       alertStaleS} / {@code trackStaleS}; a CLOSED alert and a DELETED track are stale at once,
 *       which removes them from TAK maps.
 *   <li>{@code point}: WGS84 degrees and height above the ellipsoid ({@code hae}, as Cordon's
 *       heights are) with its one-sigma error {@code le} when the track's height was measured
 *       ({@link EntityTrack#hasMeasuredHeight()}), else both unknown (the track's height is then
 *       only the fusion's reference height); {@code ce} one-sigma circular error from the
 *       covariance, or the caller's value for coarsened positions; unknown values are 9999999 as
 *       the schema says; an alert without location (positions hidden) is at 0, 0 with unknown
 *       errors.
 *   <li>{@code detail}: {@code contact@callsign}, {@code track@course,speed} for tracks, {@code
 *       remarks} with the alert text in the partner's language, {@code link} to the alert's tracks,
 *       and {@code __cordon} with ids, severity, state and policy version.
 * </ul>
 */
public final class CotEventWriter {
    /** CoT's "unknown" for heights and errors. */
    public static final double UNKNOWN = 9_999_999.0;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private CotEventWriter() {}

    /** The uid of an alert's event. */
    public static String alertUid(String alertId) {
        return "cordon.alert." + alertId;
    }

    /** The uid of a track's event. */
    public static String trackUid(String trackId) {
        return "cordon.track." + trackId;
    }

    /**
     * @param alert the released alert (its summary is already in the partner's language)
     * @param staleAfter how long the marker stays valid
     * @param policyVersion the sharing policy version that released it
     */
    public static byte[] alert(Alert alert, Duration staleAfter, String policyVersion) {
        Instant start = alert.windowStart();
        Instant stale = alert.state() == AlertState.CLOSED ? start : start.plus(staleAfter);
        StringBuilder x =
                head(
                        alertUid(alert.alertId()),
                        CotTypes.alert(alert.type()),
                        CotTypes.how(alert.state()),
                        start,
                        stale);
        GeoPoint p = alert.location();
        if (p == null) {
            point(x, 0, 0, UNKNOWN, UNKNOWN, UNKNOWN);
        } else {
            point(x, p.latDeg(), p.lonDeg(), p.altM(), UNKNOWN, UNKNOWN);
        }
        x.append("<detail>");
        x.append("<contact callsign=\"")
                .append(escape(alert.type().name().replace('_', ' ') + " " + alert.severity()))
                .append("\"/>");
        x.append("<remarks>").append(escape(alert.summary())).append("</remarks>");
        for (String trackId : alert.trackIds()) {
            x.append("<link uid=\"")
                    .append(escape(trackUid(trackId)))
                    .append("\" relation=\"p-p\" type=\"a-u-G\"/>");
        }
        x.append("<__cordon kind=\"alert\" alertId=\"")
                .append(escape(alert.alertId()))
                .append("\" alertType=\"")
                .append(alert.type())
                .append("\" severity=\"")
                .append(alert.severity())
                .append("\" state=\"")
                .append(alert.state())
                .append("\" policyVersion=\"")
                .append(escape(policyVersion))
                .append("\"/>");
        return tail(x);
    }

    /**
     * @param track the released track
     * @param staleAfter how long its position stays valid
     * @param ceM one-sigma circular error to report when the track has no covariance (e.g. a
     *     position coarsened to a grid), or NaN for unknown
     * @param policyVersion the sharing policy version that released it
     */
    public static byte[] track(
            EntityTrack track, Duration staleAfter, double ceM, String policyVersion) {
        Instant start = track.time();
        Instant stale = track.status() == TrackStatus.DELETED ? start : start.plus(staleAfter);
        boolean cooperative = !track.identity().isEmpty();
        StringBuilder x =
                head(
                        trackUid(track.trackId()),
                        CotTypes.track(track.classification().targetClass(), cooperative),
                        CotTypes.how(track.status()),
                        start,
                        stale);
        double ce =
                track.covariance() != null
                        ? circularErrorM(track.covariance())
                        : Double.isNaN(ceM) ? UNKNOWN : ceM;
        boolean measured = track.hasMeasuredHeight();
        point(
                x,
                track.position().latDeg(),
                track.position().lonDeg(),
                measured ? track.position().altM() : UNKNOWN,
                ce,
                measured ? track.sigmaAltM() : UNKNOWN);
        x.append("<detail>");
        String callsign =
                track.identity().callsign().isEmpty()
                        ? "Cordon " + track.trackId()
                        : track.identity().callsign();
        x.append("<contact callsign=\"").append(escape(callsign)).append("\"/>");
        x.append(
                String.format(
                        Locale.ROOT,
                        "<track course=\"%.1f\" speed=\"%.2f\"/>",
                        track.velocity().courseDeg(),
                        Math.sqrt(
                                track.velocity().eastMps() * track.velocity().eastMps()
                                        + track.velocity().northMps() * track.velocity().northMps()
                                        + track.velocity().upMps() * track.velocity().upMps())));
        x.append("<__cordon kind=\"track\" trackId=\"")
                .append(escape(track.trackId()))
                .append("\" status=\"")
                .append(track.status())
                .append("\" classification=\"")
                .append(track.classification().targetClass())
                .append("\" policyVersion=\"")
                .append(escape(policyVersion))
                .append("\"/>");
        return tail(x);
    }

    /**
     * sqrt((σe² + σn²) / 2): the one-sigma radius of the circle with the ellipse's mean variance.
     */
    static double circularErrorM(StateCovariance c) {
        return Math.sqrt((c.positionEastEastM2() + c.positionNorthNorthM2()) / 2);
    }

    private static StringBuilder head(
            String uid, String type, String how, Instant start, Instant stale) {
        StringBuilder x = new StringBuilder(512);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        x.append("<event version=\"2.0\" uid=\"")
                .append(escape(uid))
                .append("\" type=\"")
                .append(type)
                .append("\" how=\"")
                .append(how)
                .append("\" time=\"")
                .append(TIME.format(start))
                .append("\" start=\"")
                .append(TIME.format(start))
                .append("\" stale=\"")
                .append(TIME.format(stale))
                .append("\">");
        return x;
    }

    private static void point(
            StringBuilder x, double lat, double lon, double hae, double ce, double le) {
        x.append(
                String.format(
                        Locale.ROOT,
                        "<point lat=\"%.7f\" lon=\"%.7f\" hae=\"%.1f\" ce=\"%.1f\" le=\"%.1f\"/>",
                        lat,
                        lon,
                        hae,
                        ce,
                        le));
    }

    private static byte[] tail(StringBuilder x) {
        x.append("</detail></event>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** XML-escapes text and attribute values; drops characters XML 1.0 cannot carry. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
