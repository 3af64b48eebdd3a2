package io.cordon.pipeline.config;

/**
 * A partner's fused-track feed ({@code cordon.partner.<id>.tracks.v1}, and CoT/GeoJSON when those
 * outputs ask for tracks).
 *
 * <p>YAML: {@code tracks: {enabled: true, minIntervalS: 5}}.
 *
 * @param enabled whether the partner receives tracks at all (default false)
 * @param minIntervalS at most one update per track every this many seconds of event time; status
 *     changes always pass; 0 = every update
 */
public record TrackFeed(boolean enabled, double minIntervalS) {
    public static final TrackFeed OFF = new TrackFeed(false, 0);

    public TrackFeed {
        ConfigChecks.within("minIntervalS", minIntervalS, 0, 86_400);
    }
}
