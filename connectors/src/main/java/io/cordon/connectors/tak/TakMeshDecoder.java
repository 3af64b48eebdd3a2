package io.cordon.connectors.tak;

import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.util.List;
import java.util.Optional;

/**
 * Decodes one TAK mesh datagram: {@code 0xBF <version varint> 0xBF <payload>}. Version 1 payloads
 * are read by {@link TakPayloadDecoder}; a datagram starting with {@code <} is a legacy (version 0)
 * CoT XML event and goes to {@link CotXmlDecoder}. Other versions are rejected with the reason.
 * Error offsets are 0 and carry the datagram.
 *
 * <p>Not thread-safe (holds an XML decoder).
 */
public final class TakMeshDecoder implements Decoder<TakMessage> {
    static final int MAGIC = 0xBF;

    private final CotXmlDecoder xml = new CotXmlDecoder();

    @Override
    public DecodeResult<TakMessage> decode(byte[] input) {
        if (input == null || input.length == 0) {
            return DecodeResult.error("empty datagram", 0, input);
        }
        if (input[0] == '<') {
            DecodeResult<CotEvent> event = xml.decode(input);
            return event.values().isEmpty()
                    ? new DecodeResult<>(List.of(), event.errors())
                    : DecodeResult.of(
                            new TakMessage(Optional.empty(), Optional.of(event.values().get(0))));
        }
        if ((input[0] & 0xFF) != MAGIC) {
            return DecodeResult.error(
                    String.format(
                            "datagram starts with 0x%02X, not the 0xBF magic", input[0] & 0xFF),
                    0,
                    input);
        }
        long[] version = Varint.read(input, 1, input.length);
        if (version == null) {
            return DecodeResult.error(
                    "TAK header version varint is truncated or too long", 0, input);
        }
        int payloadAt = 1 + (int) version[1];
        if (payloadAt >= input.length || (input[payloadAt] & 0xFF) != MAGIC) {
            return DecodeResult.error("TAK header has no closing 0xBF magic", 0, input);
        }
        if (version[0] != 1) {
            return DecodeResult.error(
                    "TAK protocol version "
                            + Long.toUnsignedString(version[0])
                            + " is not supported (1)",
                    0,
                    input);
        }
        DecodeResult<TakMessage> payload =
                TakPayloadDecoder.decode(input, payloadAt + 1, input.length);
        return payload.values().isEmpty()
                ? DecodeResult.error(payload.errors().get(0).reason(), 0, input)
                : payload;
    }
}
