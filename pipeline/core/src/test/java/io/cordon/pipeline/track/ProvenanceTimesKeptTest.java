package io.cordon.pipeline.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.fusion.tiling.Publication;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.sharing.redaction.TrackRedactor;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Copies of a track made on its way out (tiles' global id, partner redaction) keep provenance and
 * the measured height's sigma.
 */
class ProvenanceTimesKeptTest {
    private static final Instant AIS = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant RADAR = Instant.parse("2026-11-27T10:03:00Z");

    private static EntityTrack track() {
        return new EntityTrack(
                "tile-3/7",
                TrackStatus.CONFIRMED,
                RADAR,
                new GeoPoint(31.3, -113.5, 0),
                new Velocity(3, 1, 0),
                null,
                new TreeSet<>(List.of("usa-ais-1", "usa-radar-1")),
                new TreeSet<>(List.of("usa")),
                new CooperativeIdentity("338123456", "", "", ""),
                Classification.UNKNOWN,
                Marking.UNRESTRICTED,
                42,
                AIS,
                RADAR);
    }

    @Test
    void aTileTrackUnderItsGlobalIdKeepsBothTimes() {
        EntityTrack global = Publication.withTrackId(track(), "entity-9");
        assertThat(global.trackId()).isEqualTo("entity-9");
        assertThat(global.lastCooperativeTime()).isEqualTo(AIS);
        assertThat(global.lastNonCooperativeTime()).isEqualTo(RADAR);
    }

    @Test
    void redactionKeepsTheTimesUnlessSensorsAreHidden() {
        EntityTrack dropIds =
                TrackRedactor.redact(
                        track(), new FieldRules(false, FieldRules.PositionRule.GRID, 1000, true));
        assertThat(dropIds.lastCooperativeTime()).isEqualTo(AIS);
        assertThat(dropIds.lastNonCooperativeTime()).isEqualTo(RADAR);

        EntityTrack hidden =
                TrackRedactor.redact(
                        track(), new FieldRules(true, FieldRules.PositionRule.EXACT, 1000, false));
        assertThat(hidden.sensorIds()).isEmpty();
        assertThat(hidden.lastCooperativeTime()).isNull();
        assertThat(hidden.lastNonCooperativeTime()).isNull();
    }

    private static EntityTrack measured() {
        EntityTrack t = track();
        return new EntityTrack(
                t.trackId(),
                t.status(),
                t.time(),
                new GeoPoint(31.3, -113.5, 1_640),
                t.velocity(),
                t.covariance(),
                t.sensorIds(),
                t.partnerIds(),
                t.identity(),
                t.classification(),
                t.marking(),
                t.updateCount(),
                AIS,
                RADAR,
                12.0);
    }

    @Test
    void theMeasuredHeightsSigmaGoesOutWithTheTrack() {
        assertThat(Publication.withTrackId(measured(), "entity-9").sigmaAltM()).isEqualTo(12.0);
        assertThat(measured().withStatus(TrackStatus.DELETED).sigmaAltM()).isEqualTo(12.0);
        assertThat(
                        TrackRedactor.redact(
                                        measured(),
                                        new FieldRules(
                                                true, FieldRules.PositionRule.EXACT, 1000, false))
                                .sigmaAltM())
                .isEqualTo(12.0);
        // snapped to 100 m cells: the sigma takes the rounding's (100 / sqrt(12) = 28.9 m)
        EntityTrack grid =
                TrackRedactor.redact(
                        measured(),
                        new FieldRules(false, FieldRules.PositionRule.GRID, 100, false));
        assertThat(grid.position().altM()).isEqualTo(1_600);
        assertThat(grid.sigmaAltM())
                .isCloseTo(
                        Math.hypot(12, 100 / Math.sqrt(12)),
                        org.assertj.core.data.Offset.offset(1e-9));
        // a height never measured stays so
        assertThat(
                        TrackRedactor.redact(
                                        track(),
                                        new FieldRules(
                                                false, FieldRules.PositionRule.GRID, 100, false))
                                .hasMeasuredHeight())
                .isFalse();
    }
}
