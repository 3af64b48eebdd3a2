package io.cordon.pipeline.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedNamesTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static EntityTrack trackWith(java.util.Set<String> sensors) {
        return new EntityTrack(
                "t-1",
                TrackStatus.CONFIRMED,
                T0,
                new GeoPoint(31.3, -113.5, 0),
                null,
                null,
                sensors instanceof SortedSet<String> s ? s : new TreeSet<>(sensors),
                null,
                null,
                null,
                null,
                1);
    }

    @Test
    void holdsACopyInNaturalOrderEqualToATreeSet() {
        List<String> source = new ArrayList<>(List.of("usa-radar-2", "can-drone-1", "mex-sat"));
        SortedNames names = SortedNames.of(source);
        source.add("late");
        TreeSet<String> expected = new TreeSet<>(List.of("usa-radar-2", "can-drone-1", "mex-sat"));
        assertThat(names).containsExactly("can-drone-1", "mex-sat", "usa-radar-2");
        assertThat(names).isEqualTo(expected);
        assertThat(expected).isEqualTo(names);
        assertThat(names.hashCode()).isEqualTo(expected.hashCode());
        assertThat(names.toString()).isEqualTo(expected.toString());
        assertThat(names.first()).isEqualTo("can-drone-1");
        assertThat(names.last()).isEqualTo("usa-radar-2");
        assertThat(names.headSet("mex-sat")).containsExactly("can-drone-1");
        assertThat(names.tailSet("mex-sat")).containsExactly("mex-sat", "usa-radar-2");
        assertThat(names.subSet("d", "n")).containsExactly("mex-sat");
        assertThat(names.comparator()).isNull();
        assertThat(SortedNames.of(null)).isEmpty();
        assertThat(SortedNames.of(names)).isSameAs(names);
    }

    @Test
    void oneNameSetsAreSharedAndKeepTheirNameWhenTheSourceChanges() {
        TreeSet<String> source = new TreeSet<>(List.of("usa-radar-1"));
        SortedNames names = SortedNames.of(source);
        source.add("can-drone-1");
        assertThat(names).containsExactly("usa-radar-1");
        assertThat(names).isEqualTo(new TreeSet<>(List.of("usa-radar-1")));
        assertThat(names.toString()).isEqualTo("[usa-radar-1]");
        assertThat(SortedNames.of(List.of(new String("usa-radar-1")))).isSameAs(names);
        assertThat(SortedNames.of(List.of("usa-radar-2")))
                .isNotSameAs(names)
                .containsExactly("usa-radar-2");
        assertThatThrownBy(() -> names.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void cannotBeChangedThroughAnyView() {
        SortedNames names = SortedNames.of(List.of("a", "b", "c"));
        assertThatThrownBy(() -> names.add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.remove("a"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(names::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> names.headSet("c").add("0"))
                .isInstanceOf(UnsupportedOperationException.class);
        Iterator<String> it = names.iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(names).containsExactly("a", "b", "c");
    }

    @Test
    void aTrackKeepsGivenSortedNamesAndCopiesAnyOtherSet() {
        SortedNames names = SortedNames.of(List.of("r1", "r2"));
        assertThat(trackWith(names).sensorIds()).isSameAs(names);
        TreeSet<String> mutable = new TreeSet<>(List.of("r1"));
        EntityTrack track = trackWith(mutable);
        mutable.add("r0");
        assertThat(track.sensorIds()).containsExactly("r1");
        assertThat(track.partnerIds()).isEmpty();
        assertThat(trackWith(names)).isEqualTo(trackWith(new TreeSet<>(List.of("r2", "r1"))));
    }
}
