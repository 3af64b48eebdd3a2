package io.cordon.connectors.sapient;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.asterix.Hex;
import io.cordon.connectors.asterix.Mutator;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100 000 mutated and truncated framed SAPIENT messages (the public samples as v2.0 binaries, fixed
 * seed) through the frame decoder and, split in two reads, the stream decoder: nothing throws,
 * every call returns, errors are well formed. The timeout only guards against a hang.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SapientFuzzTest {
    @Test
    void mutatedFramesNeverThrow() {
        byte[] registration = SapientFraming.frame(SapientSamples.registration().toByteArray());
        byte[] detection = SapientFraming.frame(SapientSamples.detection().toByteArray());
        byte[] both = new byte[registration.length + detection.length];
        System.arraycopy(registration, 0, both, 0, registration.length);
        System.arraycopy(detection, 0, both, registration.length, detection.length);
        Mutator mutator = new Mutator(335, List.of(registration, detection, both));
        int values = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] input = mutator.next();
            DecodeResult<SapientReport> result;
            try {
                result = SapientDecoder.decodeFrames(input);
                SapientStreamDecoder stream = new SapientStreamDecoder();
                int split = input.length / 2;
                stream.accept(java.util.Arrays.copyOf(input, split));
                stream.accept(java.util.Arrays.copyOfRange(input, split, input.length));
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " threw on " + Hex.upper(input), e);
            }
            if (input.length > 0) {
                assertThat(result.values().size() + result.errors().size()).isPositive();
            }
            for (DecodeError e : result.errors()) {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.offset()).isBetween(0L, (long) input.length);
            }
            values += result.values().size();
        }
        assertThat(values).isPositive();
    }
}
