package io.cordon.connectors.sapient;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.util.Arrays;

/**
 * Decodes length-prefixed SAPIENT messages ({@link SapientFraming}) into {@link SapientReport}s:
 * one value or one error per frame. A frame whose bytes are not a {@code SapientMessage}, or whose
 * content breaks the standard's mandatory rules, is an error with its bytes; a length prefix that
 * is cut short or larger than {@link SapientFraming#MAX_MESSAGE_OCTETS} ends the input with an
 * error (the frames after it cannot be found). For TCP streams, whose reads split frames, use
 * {@link SapientStreamDecoder}.
 */
public final class SapientDecoder implements Decoder<SapientReport> {
    private static final SapientDecoder INSTANCE = new SapientDecoder();

    /** Decodes every frame of {@code framed}. */
    public static DecodeResult<SapientReport> decodeFrames(byte[] framed) {
        return INSTANCE.decode(framed);
    }

    /** Decodes one message without its length prefix. */
    public static DecodeResult<SapientReport> decodeMessage(byte[] message) {
        DecodeResult.Builder<SapientReport> out = new DecodeResult.Builder<>();
        decodeMessage(message, 0, message.length, out);
        return out.build();
    }

    @Override
    public DecodeResult<SapientReport> decode(byte[] input) {
        DecodeResult.Builder<SapientReport> out = new DecodeResult.Builder<>();
        if (input == null) {
            return out.error("no input (null)", 0, new byte[0]).build();
        }
        int at = decodeFrames(input, out);
        if (at < input.length) {
            int left = input.length - at;
            String reason =
                    left < SapientFraming.PREFIX_OCTETS
                            ? "length prefix cut short: " + left + " of 4 octets"
                            : "frame of "
                                    + SapientFraming.length(input, at)
                                    + " octets "
                                    + frameProblem(input, at);
            out.error(reason, at, Arrays.copyOfRange(input, at, input.length));
        }
        return out.build();
    }

    /**
     * Decodes the complete frames at the start of {@code input} into {@code out} and returns the
     * offset of the first byte not consumed (a partial or impossible frame, or the end).
     */
    static int decodeFrames(byte[] input, DecodeResult.Builder<SapientReport> out) {
        int at = 0;
        while (input.length - at >= SapientFraming.PREFIX_OCTETS) {
            long length = SapientFraming.length(input, at);
            if (length > SapientFraming.MAX_MESSAGE_OCTETS
                    || length > input.length - at - SapientFraming.PREFIX_OCTETS) {
                return at;
            }
            int from = at + SapientFraming.PREFIX_OCTETS;
            decodeMessage(input, from, (int) length, out);
            at = from + (int) length;
        }
        return at;
    }

    static String frameProblem(byte[] input, int at) {
        long length = SapientFraming.length(input, at);
        return length > SapientFraming.MAX_MESSAGE_OCTETS
                ? "exceeds the "
                        + SapientFraming.MAX_MESSAGE_OCTETS
                        + "-octet limit (stream out of step?)"
                : "cut short: "
                        + (input.length - at - SapientFraming.PREFIX_OCTETS)
                        + " octets follow the prefix";
    }

    private static void decodeMessage(
            byte[] input, int from, int length, DecodeResult.Builder<SapientReport> out) {
        SapientMessage message;
        try {
            message = SapientMessage.parser().parseFrom(input, from, length);
        } catch (InvalidProtocolBufferException e) {
            out.error(
                    "not a SapientMessage: " + e.getMessage(),
                    from,
                    Arrays.copyOfRange(input, from, from + length));
            return;
        }
        String problem = SapientReports.convert(message, out);
        if (problem != null) {
            out.error(problem, from, Arrays.copyOfRange(input, from, from + length));
        }
    }
}
