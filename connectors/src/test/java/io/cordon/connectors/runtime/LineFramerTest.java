package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> text(List<Frame> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(new String(f.bytes(), StandardCharsets.US_ASCII)));
        return out;
    }

    @Test
    void linesSplitAcrossChunksComeOutWholeWithOffsetsAndNumbers() {
        LineFramer framer = new LineFramer();
        List<Frame> frames = new ArrayList<>();
        frames.addAll(framer.accept(b("!AIVDM,1")).values());
        assertThat(frames).isEmpty();
        frames.addAll(framer.accept(b(",1,,A,x*00\r\n!AIV")).values());
        frames.addAll(framer.accept(b("DO,2\n\nlast")).values());
        frames.addAll(framer.finish().values());

        assertThat(text(frames)).containsExactly("!AIVDM,1,1,,A,x*00", "!AIVDO,2", "", "last");
        assertThat(frames).extracting(Frame::line).containsExactly(1L, 2L, 3L, 4L);
        assertThat(frames).extracting(Frame::offset).containsExactly(0L, 20L, 29L, 30L);
    }

    @Test
    void anOversizeLineIsOneErrorAndTheNextLineStillComes() {
        LineFramer framer = new LineFramer(8);
        DecodeResult<Frame> first = framer.accept(b("ok\n0123456789"));
        assertThat(text(first.values())).containsExactly("ok");
        assertThat(first.errors()).hasSize(1);
        assertThat(first.errors().get(0).reason()).contains("line 2", "longer than 8");
        assertThat(first.errors().get(0).offset()).isEqualTo(3);

        DecodeResult<Frame> rest = framer.accept(b("abcdef\nnext\n"));
        assertThat(rest.errors()).isEmpty();
        assertThat(rest.values()).hasSize(1);
        assertThat(text(rest.values())).containsExactly("next");
        assertThat(rest.values().get(0).line()).isEqualTo(3);
        assertThat(rest.values().get(0).offset()).isEqualTo(20);
    }

    @Test
    void anOversizeLineInsideOneChunkIsAnErrorToo() {
        LineFramer framer = new LineFramer(4);
        DecodeResult<Frame> r = framer.accept(b("toolong\nok\n"));
        assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.offset()).isZero());
        assertThat(text(r.values())).containsExactly("ok");
    }

    @Test
    void binaryGarbageIsJustBytesOfSomeLine() {
        LineFramer framer = new LineFramer();
        DecodeResult<Frame> r = framer.accept(new byte[] {0, (byte) 0xFF, '\n', 7});
        assertThat(r.values()).singleElement().satisfies(f -> assertThat(f.bytes()).hasSize(2));
        assertThat(framer.finish().values())
                .singleElement()
                .satisfies(f -> assertThat(f.bytes()).containsExactly(7));
    }
}
