package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedFramerTest {
    @Test
    void messagesWithOneAndTwoByteLengthsSplitAnywhereComeOutWhole() {
        byte[] small = {3, 'a', 'b', 'c'};
        byte[] big = new byte[2 + 200];
        big[0] = (byte) (200 & 0x7F | 0x80); // 200 = 0xC8 -> varint C8 01
        big[1] = 1;
        Arrays.fill(big, 2, big.length, (byte) 'x');
        byte[] stream = LineFramer.concat(small, big);
        for (int cut = 0; cut <= stream.length; cut++) {
            DelimitedFramer framer = new DelimitedFramer();
            List<Frame> frames =
                    new ArrayList<>(framer.accept(Arrays.copyOf(stream, cut)).values());
            frames.addAll(framer.accept(Arrays.copyOfRange(stream, cut, stream.length)).values());
            assertThat(framer.finish().errors()).isEmpty();
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).bytes()).containsExactly('a', 'b', 'c');
            assertThat(frames.get(1).bytes()).hasSize(200);
            assertThat(frames.get(1).offset()).isEqualTo(4);
        }
    }

    @Test
    void anOversizeLengthIsAnErrorNotAnAllocation() {
        DelimitedFramer framer = new DelimitedFramer(100);
        // 0xFFFFFFFF0F: a length of 2^32-1
        DecodeResult<Frame> r =
                framer.accept(
                        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 1});
        assertThat(r.values()).isEmpty();
        assertThat(r.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("exceeds 100", "6 bytes dropped"));
        assertThat(framer.accept(new byte[] {1, 'z'}).values()).hasSize(1);
    }

    @Test
    void anOverlongVarintIsAnError() {
        DelimitedFramer framer = new DelimitedFramer();
        byte[] garbage = new byte[8];
        Arrays.fill(garbage, (byte) 0x80);
        DecodeResult<Frame> r = framer.accept(garbage);
        assertThat(r.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("longer than 5 bytes"));
    }

    @Test
    void aMessageCutShortByTheEndIsAnError() {
        DelimitedFramer framer = new DelimitedFramer();
        assertThat(framer.accept(new byte[] {5, 1, 2}).values()).isEmpty();
        assertThat(framer.finish().errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("3 bytes"));
    }
}
