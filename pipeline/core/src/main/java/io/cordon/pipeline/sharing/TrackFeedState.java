package io.cordon.pipeline.sharing;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;

/**
 * What Cordon remembers about a track it has been feeding to one partner: when and where (as
 * released) it last sent it, and with which status, for the rate limit and for ending the feed with
 * nothing the partner has not already received.
 *
 * @param time event time of the last update sent
 * @param status its status
 * @param position its position as released (after field rules)
 */
public record TrackFeedState(Instant time, TrackStatus status, GeoPoint position) {
    /** {@code epochMillis|STATUS|lat|lon|alt}: the operator's state value. */
    public String encode() {
        return time.toEpochMilli()
                + "|"
                + status.name()
                + "|"
                + position.latDeg()
                + "|"
                + position.lonDeg()
                + "|"
                + position.altM();
    }

    public static TrackFeedState decode(String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 5) {
            throw new IllegalArgumentException("not a track-feed state: " + text);
        }
        return new TrackFeedState(
                Instant.ofEpochMilli(Long.parseLong(p[0])),
                TrackStatus.valueOf(p[1]),
                new GeoPoint(
                        Double.parseDouble(p[2]),
                        Double.parseDouble(p[3]),
                        Double.parseDouble(p[4])));
    }
}
