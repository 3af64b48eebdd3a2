package io.cordon.connectors.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.MutationFuzzer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Random mutation and truncation of GeoJSON detections; the timeout only guards against hangs. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SatelliteDetectionFuzzTest {
    @Test
    void decoderAndMapperNeverThrow() {
        byte[] collection = SatelliteDetectionDecoderTest.sample();
        byte[] dictionary =
                "{}[]:,\"-.0123456789eE tnfulsaeFeaturePointcoordinatestimecov_sigma"
                        .getBytes(StandardCharsets.UTF_8);
        SatelliteDetectionDecoder decoder = new SatelliteDetectionDecoder();
        SatelliteDetectionMapper mapper =
                new SatelliteDetectionMapper(SatelliteDetectionDecoderTest.SAR);
        int[] decoded = {0};
        int run =
                new MutationFuzzer(List.of(collection), dictionary, 0x6E0L)
                        .run(
                                100_000,
                                input -> {
                                    DecodeResult<SatelliteDetection> r = decoder.decode(input);
                                    decoded[0] += r.values().size();
                                    r.values().forEach(mapper::map);
                                    r.errors()
                                            .forEach(
                                                    e -> {
                                                        if (e.reason().isBlank()
                                                                || e.raw() == null) {
                                                            throw new AssertionError(
                                                                    "error without reason or bytes: "
                                                                            + e);
                                                        }
                                                    });
                                });
        assertThat(run).isEqualTo(100_000);
        assertThat(decoded[0]).isPositive();
    }
}
