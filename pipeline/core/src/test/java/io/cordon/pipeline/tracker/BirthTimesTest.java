package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BirthTimesTest {

    @Test
    void countsTheTimesAfterAsAPassOverAListDoes() {
        Random random = new Random(5);
        BirthTimes times = new BirthTimes();
        List<Long> plain = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (plain.isEmpty() || random.nextInt(3) > 0) {
                long t = random.nextInt(500); // repeats: a multiset
                times.add(t);
                plain.add(t);
            } else {
                long t = plain.remove(random.nextInt(plain.size()));
                times.remove(t);
            }
            long since = random.nextInt(520) - 10;
            long expected = plain.stream().filter(t -> t > since).count();
            assertThat(times.after(since)).isEqualTo((int) expected);
            assertThat(times.size()).isEqualTo(plain.size());
        }
    }

    @Test
    void removingATimeNotListedFails() {
        BirthTimes times = new BirthTimes();
        times.add(5);
        assertThatThrownBy(() -> times.remove(6)).isInstanceOf(IllegalStateException.class);
    }
}
