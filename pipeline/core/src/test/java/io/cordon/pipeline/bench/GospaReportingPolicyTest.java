package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GospaReportingPolicyTest {
    private static final GospaReportingPolicy POLICY = new GospaReportingPolicy(500);

    private static EntityTrack track(double sigmaPositionM) {
        return new EntityTrack(
                "T-1",
                TrackStatus.CONFIRMED,
                Instant.parse("2026-01-01T00:00:00Z"),
                GeoPoint.of(31.3, -110.6),
                Velocity.ZERO,
                StateCovariance.diagonal(sigmaPositionM, 2),
                new TreeSet<>(),
                new TreeSet<>(),
                null,
                null,
                null,
                1);
    }

    @Test
    void reportsAWellPlacedTrackOnlyWhenItsExistenceOutweighsAFalseTrack() {
        // trace 5 000 m² against c²/2 = 125 000 m²: worth reporting above existence 0.51
        EntityTrack t = track(50);
        assertThat(POLICY.report(t, 0.6)).isTrue();
        assertThat(POLICY.report(t, 0.45)).isFalse();
        assertThat(POLICY.report(t, 0.45, false)).isFalse();
    }

    @Test
    void keepsReportingATrackReportedAtThePreviousStepThroughALowerExistence() {
        // with the false-track term at 0.3 of its weight the threshold is about 0.24
        EntityTrack t = track(50);
        assertThat(POLICY.report(t, 0.4, true)).isTrue();
        assertThat(POLICY.report(t, 0.3, true)).isTrue();
        assertThat(POLICY.report(t, 0.15, true)).isFalse();
    }

    @Test
    void neverReportsATrackWhoseLocalisationCostsMoreThanSilence() {
        // trace 320 000 m²: E[min(d², c²)] ≈ 173 000 m² > c²/2, even for a certain target
        EntityTrack t = track(400);
        assertThat(POLICY.report(t, 1.0, false)).isFalse();
        assertThat(POLICY.report(t, 1.0, true)).isFalse();
        assertThat(POLICY.report(track(200), 1.0, true)).isTrue();
    }
}
