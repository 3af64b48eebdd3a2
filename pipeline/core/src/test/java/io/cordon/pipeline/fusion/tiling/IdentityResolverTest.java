package io.cordon.pipeline.fusion.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resolver on hand-made replica updates: 10 km tiles with 2 km halos (hand-over margin 1 km),
 * tiles A = (0, 0) and B = (1, 0) sharing the edge e = 10 km, C = (1, 1) above B.
 */
class IdentityResolverTest {
    private static final TileGrid GRID = new TileGrid(10_000, 2_000);
    private static final Tile A = new Tile(0, 0);
    private static final Tile B = new Tile(1, 0);
    private static final Tile C = new Tile(1, 1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final IdentityResolver resolver = new IdentityResolver(GRID);

    /** A confirmed replica moving east at 10 m/s, 50 m position sigma. */
    private static ReplicaState at(
            Tile tile, String id, long s, double e, double n, boolean first) {
        return state(tile, id, s, e, n, TrackStatus.CONFIRMED, first);
    }

    private static ReplicaState state(
            Tile tile, String id, long s, double e, double n, TrackStatus status, boolean first) {
        return new ReplicaState(
                tile,
                id,
                T0.plusSeconds(s),
                status,
                e,
                n,
                10,
                0,
                StateCovariance.diagonal(50, 2),
                GRID.depthM(tile, e, n),
                first);
    }

    private List<IdentityDecision> step(long s, ReplicaState... updates) {
        return resolver.step(T0.plusSeconds(s), List.of(updates));
    }

    @Test
    void aTrackBornInOneTileIsPublishedUnderItsOwnId() {
        List<IdentityDecision> d = step(0, at(A, "T-a", 0, 5_000, 5_000, true));
        assertThat(d).containsExactly(new IdentityDecision(A, "T-a", T0, "T-a", true));
    }

    @Test
    void theSameObservationStartsTheSameEntityInBothTiles() {
        List<IdentityDecision> d =
                step(0, at(A, "T-x", 0, 9_800, 5_000, true), at(B, "T-x", 0, 9_800, 5_000, true));
        assertThat(d)
                .containsExactly(
                        new IdentityDecision(A, "T-x", T0, "T-x", true),
                        new IdentityDecision(B, "T-x", T0, "T-x", false));
    }

    @Test
    void aNeighboursNewTrackTakesTheIdAndPublishingPassesOnOnlyBeyondTheMargin() {
        step(0, at(A, "T-a", 0, 9_000, 5_000, true));
        // B starts its own track on the target when it enters B's halo.
        List<IdentityDecision> d =
                step(4, at(A, "T-a", 4, 9_040, 5_000, false), at(B, "T-b", 4, 9_045, 5_010, true));
        assertThat(d)
                .containsExactly(new IdentityDecision(B, "T-b", T0.plusSeconds(4), "T-a", false));
        // Just across the edge (within the 1 km margin): A keeps publishing.
        assertThat(
                        step(
                                100,
                                at(A, "T-a", 100, 10_500, 5_000, false),
                                at(B, "T-b", 100, 10_500, 5_000, false)))
                .isEmpty();
        // 1.2 km into B: B takes over.
        assertThat(
                        step(
                                200,
                                at(A, "T-a", 200, 11_200, 5_000, false),
                                at(B, "T-b", 200, 11_200, 5_000, false)))
                .containsExactly(
                        new IdentityDecision(A, "T-a", T0.plusSeconds(200), "T-a", false),
                        new IdentityDecision(B, "T-b", T0.plusSeconds(200), "T-a", true));
        // Back 0.5 km into A: B keeps publishing (hysteresis).
        assertThat(
                        step(
                                300,
                                at(A, "T-a", 300, 9_500, 5_000, false),
                                at(B, "T-b", 300, 9_500, 5_000, false)))
                .isEmpty();
        assertThat(resolver.stats().handovers()).isEqualTo(1);
    }

    @Test
    void aReplicaThatWentOverToANeighboursTargetTakesThatTargetsIdentity() {
        // X starts on A's side of the edge, seen by both tiles (same detection: one entity);
        // Y in B, out of A's sight.
        step(
                0,
                at(A, "T-x", 0, 9_500, 5_000, true),
                at(B, "T-x", 0, 9_500, 5_000, true),
                at(B, "T-y", 0, 11_000, 7_000, true));
        // X went on deep into B; A's track, left behind, took Y's detections in A's halo. B sees
        // both apart: A's track is Y now, and X is published by B's replica.
        List<IdentityDecision> d =
                step(
                        100,
                        at(A, "T-x", 100, 10_800, 6_000, false),
                        at(B, "T-x", 100, 12_500, 5_000, false),
                        at(B, "T-y", 100, 10_800, 6_000, false));
        assertThat(d)
                .containsExactly(
                        new IdentityDecision(A, "T-x", T0.plusSeconds(100), "T-y", false),
                        new IdentityDecision(B, "T-x", T0.plusSeconds(100), "T-x", true));
        assertThat(resolver.globalIdOf(A, "T-x")).isEqualTo("T-y");
        assertThat(resolver.stats().remapped()).isEqualTo(1);
    }

    /**
     * X in B's core near the edge, in A's halo: one entity T-x. At 50 s B's track of X coasts and B
     * starts T-z on X beside it: a new entity, since B still holds a track of T-x there; A's
     * replica, still on X, publishes T-x.
     */
    private void bTakesANewTrackOnXWhileItsOldOneCoasts() {
        step(0, at(A, "T-x", 0, 10_500, 5_000, true), at(B, "T-x", 0, 10_500, 5_000, true));
        step(
                50,
                state(B, "T-x", 50, 10_550, 5_000, TrackStatus.COASTING, false),
                at(B, "T-z", 50, 10_600, 5_000, true));
        assertThat(resolver.globalIdOf(B, "T-z")).isEqualTo("T-z");
        assertThat(resolver.globalIdOf(A, "T-x")).isEqualTo("T-x");
    }

    @Test
    void twoTilesTrackingOneTargetUnderTwoEntitiesBecomeOne() {
        bTakesANewTrackOnXWhileItsOldOneCoasts();
        // B's update alone changes nothing: its replica is the deeper of the two.
        assertThat(step(55, at(B, "T-z", 55, 10_650, 5_000, false))).isEmpty();
        // At A's next update its replica, the shallower (in A's halo), takes B's entity, B
        // holding no confirmed track of T-x any more: X is published once, by B, as T-z.
        List<IdentityDecision> d =
                step(
                        60,
                        at(A, "T-x", 60, 10_700, 5_000, false),
                        state(B, "T-x", 60, 10_700, 5_000, TrackStatus.DELETED, false),
                        at(B, "T-z", 60, 10_700, 5_000, false));
        // T-x has no replica left: A's decision ends it, so that its deletion is published.
        assertThat(d)
                .containsExactly(
                        new IdentityDecision(A, "T-x", T0.plusSeconds(60), "T-z", false, "T-x"));
        assertThat(resolver.globalIdOf(A, "T-x")).isEqualTo("T-z");
        assertThat(resolver.stats().remapped()).isEqualTo(1);
    }

    @Test
    void aTrackOfEachTileOnTwoTargetsApartIsNotADuplicate() {
        bTakesANewTrackOnXWhileItsOldOneCoasts();
        // Then A's track follows a second target 800 m north: outside the gate.
        step(
                60,
                at(A, "T-x", 60, 10_700, 5_800, false),
                state(B, "T-x", 60, 10_700, 5_000, TrackStatus.DELETED, false),
                at(B, "T-z", 60, 10_700, 5_000, false));
        assertThat(
                        step(
                                70,
                                at(A, "T-x", 70, 10_800, 5_800, false),
                                at(B, "T-z", 70, 10_800, 5_000, false)))
                .isEmpty();
        assertThat(resolver.globalIdOf(A, "T-x")).isEqualTo("T-x");
        assertThat(resolver.stats().remapped()).isZero();
    }

    @Test
    void twoTargetsPassingCloseInTheOverlapKeepTheirIdentities() {
        step(
                0,
                at(A, "T-x", 0, 9_500, 5_000, true),
                at(B, "T-x", 0, 9_500, 5_000, true),
                at(A, "T-y", 0, 9_500, 6_500, true),
                at(B, "T-y", 0, 9_500, 6_500, true));
        // 100 m apart, within each other's gate, each still tracked by both tiles.
        List<IdentityDecision> d =
                step(
                        100,
                        at(A, "T-x", 100, 10_200, 5_000, false),
                        at(B, "T-x", 100, 10_200, 5_000, false),
                        at(A, "T-y", 100, 10_200, 5_100, false),
                        at(B, "T-y", 100, 10_200, 5_100, false));
        assertThat(d).isEmpty();
        assertThat(resolver.globalIdOf(A, "T-x")).isEqualTo("T-x");
        assertThat(resolver.globalIdOf(B, "T-y")).isEqualTo("T-y");
        assertThat(resolver.stats().remapped()).isZero();
    }

    @Test
    void identitiesPassOnTransitivelyAcrossTiles() {
        step(0, at(A, "T-a", 0, 9_500, 9_500, true));
        step(4, at(A, "T-a", 4, 9_540, 9_500, false), at(B, "T-b", 4, 9_540, 9_500, true));
        step(300, at(A, "T-a", 300, 12_500, 9_500, false), at(B, "T-b", 300, 12_500, 9_500, false));
        // C, above B, picks the target up from B's replica.
        List<IdentityDecision> d =
                step(
                        304,
                        at(B, "T-b", 304, 12_540, 9_500, false),
                        at(C, "T-c", 304, 12_540, 9_505, true));
        assertThat(d)
                .containsExactly(new IdentityDecision(C, "T-c", T0.plusSeconds(304), "T-a", false));
        assertThat(resolver.globalIdOf(C, "T-c")).isEqualTo("T-a");
    }

    @Test
    void whenTheOwnerIsDeletedAnotherReplicaTakesOverAndNoDeletionIsPublished() {
        step(0, at(A, "T-a", 0, 9_500, 5_000, true));
        step(4, at(A, "T-a", 4, 9_540, 5_000, false), at(B, "T-b", 4, 9_540, 5_000, true));
        List<IdentityDecision> d =
                step(
                        8,
                        state(A, "T-a", 8, 9_580, 5_000, TrackStatus.DELETED, false),
                        at(B, "T-b", 8, 9_580, 5_000, false));
        assertThat(d)
                .containsExactly(
                        new IdentityDecision(A, "T-a", T0.plusSeconds(8), "T-a", false),
                        new IdentityDecision(B, "T-b", T0.plusSeconds(8), "T-a", true));
        // The last replica's deletion ends the entity: no decision, so its deletion is published.
        assertThat(step(12, state(B, "T-b", 12, 9_620, 5_000, TrackStatus.DELETED, false)))
                .isEmpty();
        assertThat(resolver.entityCount()).isZero();
        assertThat(resolver.replicaCount()).isZero();
    }

    @Test
    void aTrackInTheOuterHaloIsNotPublishedUntilItsTileIsAuthoritative() {
        // Seen only by B, 1.5 km outside B's core: B is not authoritative there.
        List<IdentityDecision> d = step(0, at(B, "T-b", 0, 8_500, 5_000, true));
        assertThat(d).containsExactly(new IdentityDecision(B, "T-b", T0, "T-b", false));
        // Within the margin now: B publishes it.
        assertThat(step(60, at(B, "T-b", 60, 9_100, 5_000, false)))
                .containsExactly(new IdentityDecision(B, "T-b", T0.plusSeconds(60), "T-b", true));
    }

    @Test
    void aNewTrackFarFromEveryNeighbourStartsItsOwnEntity() {
        step(0, at(A, "T-a", 0, 9_500, 5_000, true));
        List<IdentityDecision> d =
                step(4, at(A, "T-a", 4, 9_540, 5_000, false), at(B, "T-b", 4, 10_500, 6_500, true));
        assertThat(d)
                .containsExactly(new IdentityDecision(B, "T-b", T0.plusSeconds(4), "T-b", true));
    }

    @Test
    void aRestoredResolverDecidesAsTheOriginal() {
        List<List<ReplicaState>> steps = new ArrayList<>();
        for (int k = 0; k < 60; k++) {
            long s = 4L * k;
            List<ReplicaState> batch = new ArrayList<>();
            batch.add(at(A, "T-a", s, 9_000 + 40 * s, 5_000, k == 0));
            if (k > 0) {
                batch.add(at(B, "T-b", s, 9_000 + 40 * s, 5_000, k == 1));
            }
            steps.add(batch);
        }
        IdentityResolver original = new IdentityResolver(GRID);
        for (List<ReplicaState> batch : steps.subList(0, 10)) {
            original.step(batch.get(0).time(), batch);
        }
        IdentityResolver restored =
                IdentityResolver.restore(
                        GRID, IdentityResolver.Parameters.defaultsFor(GRID), original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        for (List<ReplicaState> batch : steps.subList(10, steps.size())) {
            Instant t = batch.get(0).time();
            assertThat(restored.step(t, batch)).isEqualTo(original.step(t, batch));
        }
        assertThat(original.stats().handovers()).isEqualTo(1);
    }
}
