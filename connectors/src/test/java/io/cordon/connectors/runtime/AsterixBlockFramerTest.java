package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.PeerVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsterixBlockFramerTest {
    /** The upstream CAT048 sample: one 48-byte block (shared/peerdata/asterix). */
    private static final byte[] BLOCK = PeerVectors.bytes("asterix/input/cat048.raw");

    @Test
    void blocksSplitAtEveryPossiblePointComeOutWhole() {
        byte[] two = new byte[BLOCK.length * 2];
        System.arraycopy(BLOCK, 0, two, 0, BLOCK.length);
        System.arraycopy(BLOCK, 0, two, BLOCK.length, BLOCK.length);
        for (int cut = 0; cut <= two.length; cut++) {
            AsterixBlockFramer framer = new AsterixBlockFramer();
            List<Frame> frames = new ArrayList<>(framer.accept(Arrays.copyOf(two, cut)).values());
            frames.addAll(framer.accept(Arrays.copyOfRange(two, cut, two.length)).values());
            assertThat(framer.finish().errors()).isEmpty();
            assertThat(frames).extracting(Frame::offset).containsExactly(0L, (long) BLOCK.length);
            assertThat(frames.get(1).bytes()).isEqualTo(BLOCK);
        }
    }

    @Test
    void aLengthBelowTheHeaderIsAnErrorAndFramingRestartsWithTheNextChunk() {
        AsterixBlockFramer framer = new AsterixBlockFramer();
        DecodeResult<Frame> bad = framer.accept(new byte[] {48, 0, 2, 9, 9, 9});
        assertThat(bad.values()).isEmpty();
        assertThat(bad.errors())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.reason()).contains("length 2", "6 bytes dropped");
                            assertThat(e.raw()).hasSize(6);
                        });
        DecodeResult<Frame> good = framer.accept(BLOCK);
        assertThat(good.errors()).isEmpty();
        assertThat(good.values())
                .singleElement()
                .satisfies(f -> assertThat(f.offset()).isEqualTo(6));
    }

    @Test
    void aBlockCutShortByTheEndIsAnError() {
        AsterixBlockFramer framer = new AsterixBlockFramer();
        assertThat(framer.accept(Arrays.copyOf(BLOCK, 20)).values()).isEmpty();
        assertThat(framer.finish().errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("20 bytes"));
    }
}
