package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClearMotCountTest {
    private static final List<String> TRUTH = List.of("7");
    private static final List<double[]> AT_ORIGIN = List.<double[]>of(new double[] {0, 0});

    private static List<ClearMotCount.Event> step(
            ClearMotCount mot, int k, List<String> tracks, int zone) {
        List<double[]> x = tracks.isEmpty() ? List.of() : List.<double[]>of(new double[] {40, 0});
        return mot.step(k, TRUTH, tracks, x, AT_ORIGIN, j -> zone);
    }

    @Test
    void aGapResumedByAnotherTrackIsAFragmentationAndASwitchWithWhereTheTruthWas() {
        ClearMotCount mot = new ClearMotCount(5.0);
        assertThat(step(mot, 0, List.of("A"), 0)).isEmpty();
        assertThat(step(mot, 1, List.of("A"), 0)).isEmpty();
        assertThat(step(mot, 2, List.of(), 1)).isEmpty();
        assertThat(step(mot, 3, List.of(), 0)).isEmpty();
        List<ClearMotCount.Event> events = step(mot, 4, List.of("B"), 0);
        assertThat(events)
                .containsExactly(
                        new ClearMotCount.Switch("7", "A", "B", 0),
                        new ClearMotCount.Fragmentation(
                                "7", 1, 4, "A", "B", "seen only by the satellite", 0));
        assertThat(((ClearMotCount.Fragmentation) events.get(1)).sameTrack()).isFalse();
        assertThat(step(mot, 5, List.of("B"), 0)).isEmpty();
    }

    @Test
    void theSameTrackAfterADarkGapIsAFragmentationOnly() {
        ClearMotCount mot = new ClearMotCount(5.0);
        step(mot, 0, List.of("A"), 0);
        step(mot, 1, List.of(), 1);
        step(mot, 2, List.of(), 2);
        List<ClearMotCount.Event> events = step(mot, 3, List.of("A"), 0);
        assertThat(events)
                .containsExactly(
                        new ClearMotCount.Fragmentation(
                                "7", 0, 3, "A", "A", "through a dark interval", 0));
        assertThat(((ClearMotCount.Fragmentation) events.get(0)).sameTrack()).isTrue();
    }

    @Test
    void aGapInCoverIsClassedByHowLongTheTruthHadBeenMatched() {
        ClearMotCount early = new ClearMotCount(5.0);
        step(early, 0, List.of("A"), 0);
        step(early, 1, List.of(), 0);
        assertThat(step(early, 2, List.of("A"), 0))
                .extracting(e -> ((ClearMotCount.Fragmentation) e).gapKind())
                .containsExactly("in cover, within 30 s of its first report");
        ClearMotCount later = new ClearMotCount(5.0);
        for (int k = 0; k <= 6; k++) {
            step(later, k, List.of("A"), 0);
        }
        step(later, 7, List.of(), 0);
        assertThat(step(later, 8, List.of("A"), 0))
                .extracting(e -> ((ClearMotCount.Fragmentation) e).gapKind())
                .containsExactly("in cover, later");
    }

    @Test
    void aTrackTooFarFromTheTruthDoesNotMatchIt() {
        ClearMotCount mot = new ClearMotCount(5.0);
        step(mot, 0, List.of("A"), 0);
        // 600 m off: beyond c = 500 m, unmatched
        assertThat(
                        mot.step(
                                1,
                                TRUTH,
                                List.of("A"),
                                List.<double[]>of(new double[] {600, 0}),
                                AT_ORIGIN,
                                j -> 0))
                .isEmpty();
        assertThat(step(mot, 2, List.of("A"), 0))
                .containsExactly(
                        new ClearMotCount.Fragmentation(
                                "7",
                                0,
                                2,
                                "A",
                                "A",
                                "in cover, within 30 s of its first report",
                                0));
    }
}
