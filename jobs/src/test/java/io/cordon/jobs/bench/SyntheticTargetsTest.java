package io.cordon.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fusion benchmark's generator: the records it publishes are the observations it models. */
class SyntheticTargetsTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.33, -110.9, 1200);

    @Test
    void recordsAreTheCodecsBytesOfTheSameFrames() {
        // Two generators of one seed: one makes observations, the other records. Frames of
        // varied length (the ramp's), event times with and without nanoseconds, over a few
        // thousand targets, so that targets cross the quadrants and bounce off the box's edges.
        SyntheticTargets observations = new SyntheticTargets(REFERENCE, 3000, 7);
        SyntheticTargets records = new SyntheticTargets(REFERENCE, 3000, 7);
        Instant t = Instant.parse("2026-11-29T10:00:00Z");
        double[] steps = {0, 0.2, 3.3, 400, 1e-3, 2500, 0.05};
        int compared = 0;
        for (int f = 0; f < steps.length; f++) {
            Instant time = t.plusNanos((long) (f * 1.234567891e9));
            List<Observation> expected = observations.frame(time, steps[f], f);
            List<byte[]> keys = new ArrayList<>();
            List<byte[]> values = new ArrayList<>();
            records.frameRecords(
                    time,
                    steps[f],
                    f,
                    (k, v) -> {
                        keys.add(k);
                        values.add(v);
                    });
            assertThat(values).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Observation o = expected.get(i);
                assertThat(values.get(i)).isEqualTo(ObservationCodec.toBytes(o));
                assertThat(new String(keys.get(i), StandardCharsets.UTF_8)).isEqualTo(o.sensorId());
                assertThat(ObservationCodec.parse(values.get(i)).orElseThrow()).isEqualTo(o);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(3000 * steps.length);
        // all four quadrant sensors were met
        assertThat(
                        observations.frame(t, 1, 99).stream()
                                .map(Observation::sensorId)
                                .distinct()
                                .count())
                .isEqualTo(4);
    }
}
