package io.cordon.pipeline.track;

/** Life cycle of an entity track. */
public enum TrackStatus {
    /** Initiated, not yet confirmed by enough evidence; not published to partners. */
    TENTATIVE,
    /** Confirmed and updated recently. */
    CONFIRMED,
    /** Confirmed, but no update within the expected time: position is predicted. */
    COASTING,
    /** Ended; the last message for this id. */
    DELETED
}
