package io.cordon.connectors.tak;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.cot.CotXmlDecoderTest;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.PeerVectors;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TakFramingTest {
    /** The 307-byte TakMessage of the takproto golden vector. */
    static final byte[] PAYLOAD;

    static {
        byte[] mesh = PeerVectors.bytes("cot-tak/takproto-golden/event.takv1-mesh.bin");
        PAYLOAD = Arrays.copyOfRange(mesh, 3, mesh.length);
    }

    @Test
    void goldenPayloadIs307Bytes() {
        assertThat(PAYLOAD).hasSize(307);
    }

    @Test
    void meshRejectsOtherVersionsAndBadMagic() {
        assertThat(
                        reason(
                                new TakMeshDecoder()
                                        .decode(
                                                concat(
                                                        new byte[] {(byte) 0xBF, 2, (byte) 0xBF},
                                                        PAYLOAD))))
                .isEqualTo("TAK protocol version 2 is not supported (1)");
        assertThat(
                        reason(
                                new TakMeshDecoder()
                                        .decode(
                                                concat(
                                                        new byte[] {(byte) 0xBE, 1, (byte) 0xBF},
                                                        PAYLOAD))))
                .isEqualTo("datagram starts with 0xBE, not the 0xBF magic");
        assertThat(reason(new TakMeshDecoder().decode(new byte[] {(byte) 0xBF, 1, 0x00})))
                .isEqualTo("TAK header has no closing 0xBF magic");
        assertThat(
                        reason(
                                new TakMeshDecoder()
                                        .decode(
                                                concat(
                                                        new byte[] {(byte) 0xBF, 1, (byte) 0xBF},
                                                        Arrays.copyOf(PAYLOAD, 100)))))
                .startsWith("TakMessage: ");
    }

    @Test
    void meshAcceptsLegacyXmlDatagrams() {
        DecodeResult<TakMessage> r =
                new TakMeshDecoder().decode(CotXmlDecoderTest.bytes(CotXmlDecoderTest.DRONE));
        assertThat(r.values().get(0).cotEvent().orElseThrow().uid()).isEqualTo("uav-7");
    }

    @Test
    void streamDecodesBackToBackMessagesAndResynchronises() {
        byte[] frame = streamFrame(PAYLOAD);
        byte[] garbage = {1, 2, 3};
        byte[] input = concat(concat(frame, garbage), frame);

        DecodeResult<TakMessage> r = new TakStreamDecoder().decode(input);

        assertThat(r.values()).hasSize(2);
        assertThat(r.errors())
                .extracting(DecodeError::reason)
                .containsExactly("3 bytes without the 0xBF magic skipped");
        assertThat(r.errors().get(0).offset()).isEqualTo(frame.length);
        assertThat(r.errors().get(0).raw()).containsExactly(garbage);
    }

    @Test
    void streamRejectsOversizedLengthsAndReportsTruncatedTail() {
        TakStreamDecoder decoder = new TakStreamDecoder(100);
        DecodeResult<TakMessage> r = decoder.decode(streamFrame(PAYLOAD));
        assertThat(r.errors().get(0).reason()).isEqualTo("message length 307 exceeds 100 bytes");

        TakStreamDecoder tail = new TakStreamDecoder();
        byte[] frame = streamFrame(PAYLOAD);
        assertThat(tail.decode(Arrays.copyOf(frame, 50)).values()).isEmpty();
        assertThat(tail.flush())
                .extracting(DecodeError::reason)
                .containsExactly("stream ended inside a message (50 bytes)");
    }

    @Test
    void controlOnlyMessageCarriesNoEvent() {
        // TakMessage{takControl{minProtoVersion=1, maxProtoVersion=1, contactUid="c"}}
        byte[] control = {0x0A, 0x07, 0x08, 0x01, 0x10, 0x01, 0x1A, 0x01, 'c'};
        TakMessage m = new TakStreamDecoder().decode(streamFrame(control)).values().get(0);
        assertThat(m.cotEvent()).isEmpty();
        assertThat(m.control()).contains(new TakControl(1, 1, "c"));
    }

    static byte[] streamFrame(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xBF);
        int n = payload.length;
        while (n >= 0x80) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String reason(DecodeResult<TakMessage> r) {
        assertThat(r.values()).isEmpty();
        return r.errors().get(0).reason();
    }
}
