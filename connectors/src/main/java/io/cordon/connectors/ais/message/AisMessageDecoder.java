package io.cordon.connectors.ais.message;

import io.cordon.connectors.decode.DecodeResult;
import java.util.function.Function;

/**
 * Decodes an unpacked AIS payload into its message record.
 *
 * <p>Length rule: a message must reach the end of its last field that matters (149 bits for types
 * 1-4 and 148 for 18, through the RAIM flag, the radio status may be cut short; 168 for 24 B; 312
 * for 19; 420 for 5, whose last two bits are the DTE flag and a spare; 160 for 24 A; 96 for 27).
 * Longer payloads are accepted and the extra bits ignored, as receivers in the field pad. Errors
 * carry offset 0 and no raw bytes: the caller adds the sentence's own.
 */
public final class AisMessageDecoder {
    private static final int ENVELOPE_BITS = 38;

    private AisMessageDecoder() {}

    public static DecodeResult<AisMessage> decode(AisBits bits) {
        if (bits.length() < ENVELOPE_BITS) {
            return fail(
                    "payload of " + bits.length() + " bits is shorter than the 38-bit envelope");
        }
        int type = bits.uint(0, 6);
        int repeat = bits.uint(6, 2);
        int mmsi = bits.uint(8, 30);
        return switch (type) {
            case 1, 2, 3 -> require(bits, type, 149, PositionReportDecoder::classA);
            case 4 -> require(bits, type, 149, PositionReportDecoder::baseStation);
            case 5 -> require(bits, type, 420, StaticDataDecoder::staticAndVoyage);
            case 18 -> require(bits, type, 148, PositionReportDecoder::classB);
            case 19 -> require(bits, type, 312, PositionReportDecoder::extendedClassB);
            case 24 -> staticDataReport(bits);
            case 27 -> require(bits, type, 96, PositionReportDecoder::longRange);
            case 0 -> fail("message type 0 is not defined");
            default ->
                    type > 27
                            ? fail("message type " + type + " is not defined (1-27)")
                            : DecodeResult.of(
                                    new UnsupportedMessage(type, repeat, mmsi, bits.length()));
        };
    }

    private static DecodeResult<AisMessage> staticDataReport(AisBits bits) {
        int part = bits.uint(38, 2);
        if (part == 0) {
            return require(bits, 24, 160, StaticDataDecoder::partA);
        }
        if (part == 1) {
            return require(bits, 24, 168, StaticDataDecoder::partB);
        }
        return fail("type 24 part number " + part + " is not defined (0 = A, 1 = B)");
    }

    private static DecodeResult<AisMessage> require(
            AisBits bits, int type, int minBits, Function<AisBits, AisMessage> f) {
        if (bits.length() < minBits) {
            return fail(
                    "type "
                            + type
                            + " message has "
                            + bits.length()
                            + " bits, needs at least "
                            + minBits);
        }
        return DecodeResult.of(f.apply(bits));
    }

    private static DecodeResult<AisMessage> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
