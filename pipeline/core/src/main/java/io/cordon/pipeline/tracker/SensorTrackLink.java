package io.cordon.pipeline.tracker;

/**
 * The persistent association of one sensor's local track with an entity track of the tracker.
 * Mutable: the time of the local track's last report and the run of reports that failed the keep
 * gate change as reports arrive.
 */
final class SensorTrackLink {
    final String sensorId;
    final String localTrackId;
    final String entityId;

    /** Event time of the local track's last report, ns since the epoch. */
    long lastReportNanos;

    /** Reports in a row whose estimate was incompatible with the entity's (hysteresis). */
    int failures;

    SensorTrackLink(String sensorId, String localTrackId, String entityId, long lastReportNanos) {
        this.sensorId = sensorId;
        this.localTrackId = localTrackId;
        this.entityId = entityId;
        this.lastReportNanos = lastReportNanos;
    }

    /** The key links are kept and written in: sensor, then local track (sorted, unambiguous). */
    static String key(String sensorId, String localTrackId) {
        return sensorId + '\u0000' + localTrackId;
    }
}
