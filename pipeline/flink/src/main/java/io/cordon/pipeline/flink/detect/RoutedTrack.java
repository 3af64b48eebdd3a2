package io.cordon.pipeline.flink.detect;

/**
 * A validated track update on its way to one key of a {@link
 * io.cordon.pipeline.detect.KeyedTrackDetector} (a spatial tile, a cooperative identity).
 */
public class RoutedTrack {
    /** The detector key this copy is for. */
    public String key;

    public String trackId;

    /** Event time of the estimate, epoch milliseconds. */
    public long eventTimeMs;

    /** Arrival number at the key (set by the keyed operator): ties of time and track keep order. */
    public long seq;

    /** The {@code cordon.v1.EntityTrack} protobuf bytes, already validated. */
    public byte[] payload;

    public RoutedTrack() {}

    public RoutedTrack(String key, String trackId, long eventTimeMs, byte[] payload) {
        this.key = key;
        this.trackId = trackId;
        this.eventTimeMs = eventTimeMs;
        this.payload = payload;
    }
}
