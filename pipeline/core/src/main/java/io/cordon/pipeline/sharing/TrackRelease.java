package io.cordon.pipeline.sharing;

import io.cordon.pipeline.track.EntityTrack;

/**
 * The outcome of one track update for one partner.
 *
 * @param outcome what happens
 * @param reason why, in English
 * @param message what goes to the partner (the redacted update, or the end of the feed), or null
 * @param next what to remember for this track and partner afterwards; null = nothing
 */
public record TrackRelease(
        Outcome outcome, String reason, EntityTrack message, TrackFeedState next) {
    /** What happens to a track update for one partner. */
    public enum Outcome {
        /** The update, redacted by the partner's field rules, goes to the partner. */
        DELIVER,
        /**
         * The partner was receiving this track but may no longer (its marking, sources or the
         * agreement exclude it, or it left the areas of interest): a DELETED update at the last
         * released position and time ends it for the partner.
         */
        END,
        /** Within the partner's rate limit: not sent, nothing changes. */
        SKIP,
        /** Not for this partner. */
        WITHHELD
    }

    /** True when something is written to the partner's outputs. */
    public boolean delivered() {
        return outcome == Outcome.DELIVER || outcome == Outcome.END;
    }
}
