package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExistenceModelTest {
    private static TrackRecord track(double visible, double hidden) {
        TrackRecord t = new TrackRecord("T-1", TrackStatus.CONFIRMED, Instant.EPOCH, 16);
        t.pVisible = visible;
        t.pHidden = hidden;
        t.pNone = 1 - visible - hidden;
        return t;
    }

    @Test
    void cachedTimeStepsMoveExistenceAsAFreshModelDoes() {
        ExistenceModel cached = new ExistenceModel(6000, 120, 100000);
        Random random = new Random(3);
        double[] steps = new double[40];
        for (int i = 0; i < steps.length; i++) {
            // round steps (0.5 s, 1 s, 2 s ...) as scans give them, and some irregular ones
            steps[i] = i < 30 ? 0.5 * (i + 1) : 100 * random.nextDouble();
        }
        for (int n = 0; n < 2_000; n++) {
            double dt = steps[random.nextInt(steps.length)];
            double v = random.nextDouble() * 0.9;
            double h = random.nextDouble() * (1 - v);
            TrackRecord a = track(v, h);
            TrackRecord b = track(v, h);
            cached.predict(a, dt);
            new ExistenceModel(6000, 120, 100000).predict(b, dt);
            assertThat(a.pVisible).as("step %s", dt).isEqualTo(b.pVisible);
            assertThat(a.pHidden).isEqualTo(b.pHidden);
            assertThat(a.pNone).isEqualTo(b.pNone);
        }
    }

    @Test
    void existenceMovesTowardsHiddenAndDecaysWithTime() {
        ExistenceModel model = new ExistenceModel(100, 100, 1000);
        TrackRecord t = track(1, 0);
        model.predict(t, 10);
        assertThat(t.pVisible).isLessThan(1).isGreaterThan(0.5);
        assertThat(t.pHidden).isGreaterThan(0);
        assertThat(t.pVisible + t.pHidden).isCloseTo(Math.exp(-10.0 / 1000), within(1e-12));
        TrackRecord unchanged = track(0.7, 0.2);
        model.predict(unchanged, 0);
        assertThat(unchanged.pVisible).isEqualTo(0.7);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
