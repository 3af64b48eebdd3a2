package io.cordon.connectors.ais.nmea;

import io.cordon.connectors.decode.DecodeResult;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one line of an AIS feed into an {@link NmeaSentence}, validating the TAG block and the
 * sentence checksums.
 *
 * <p>Outcomes: one sentence; an error with the reason; or neither (no value and no error) for a
 * well-formed NMEA sentence that is not {@code VDM}/{@code VDO} (GNSS sentences mixed into a feed),
 * a comment line ({@code #}) or a blank line. Characters after the checksum (receiver metadata such
 * as {@code ,s36310,d-081,T59.01} or a trailing timestamp) are ignored. Errors carry offset 0 and
 * no raw bytes: callers add the line's own.
 */
public final class NmeaSentenceParser {
    private static final int MAX_FRAGMENTS = 9;
    private static final DecodeResult<NmeaSentence> IGNORED =
            new DecodeResult<>(List.of(), List.of());

    private NmeaSentenceParser() {}

    /** Parses {@code line[from, to)}, which holds one line without its terminator. */
    public static DecodeResult<NmeaSentence> parse(byte[] line, int from, int to) {
        while (to > from && isSpace(line[to - 1])) {
            to--;
        }
        while (from < to && isSpace(line[from])) {
            from++;
        }
        if (from == to || line[from] == '#') {
            return IGNORED;
        }
        TagBlock tagBlock = TagBlock.NONE;
        if (line[from] == '\\') {
            int close = indexOf(line, from + 1, to, (byte) '\\');
            if (close < 0) {
                return fail("TAG block is not closed by '\\'");
            }
            DecodeResult<TagBlock> tag = TagBlockParser.parse(line, from + 1, close);
            if (tag.values().isEmpty()) {
                return new DecodeResult<>(List.of(), tag.errors());
            }
            tagBlock = tag.values().get(0);
            from = close + 1;
        }
        if (from == to) {
            return fail("TAG block without a sentence");
        }
        byte start = line[from];
        if (start != '!' && start != '$') {
            return fail("sentence does not start with '!' or '$'");
        }
        int star = indexOf(line, from + 1, to, (byte) '*');
        if (star < 0) {
            return fail("sentence has no '*' checksum delimiter");
        }
        int stated = NmeaChecksum.parseHexPair(line, star + 1, to);
        if (stated < 0) {
            return fail("sentence checksum is not two hex digits");
        }
        int computed = NmeaChecksum.compute(line, from + 1, star);
        if (computed != stated) {
            return fail(
                    String.format(
                            "sentence checksum mismatch: stated %02X, computed %02X",
                            stated, computed));
        }
        int addressEnd = indexOf(line, from + 1, star, (byte) ',');
        if (addressEnd < 0) {
            return fail("sentence has no fields");
        }
        if (addressEnd - from - 1 != 5) {
            return IGNORED;
        }
        boolean vdm = matches(line, addressEnd - 3, "VDM");
        boolean vdo = matches(line, addressEnd - 3, "VDO");
        if (!vdm && !vdo) {
            return IGNORED;
        }
        return parseFields(line, addressEnd + 1, star, tagBlock, vdo);
    }

    private static DecodeResult<NmeaSentence> parseFields(
            byte[] line, int from, int to, TagBlock tagBlock, boolean ownShip) {
        int[] commas = new int[5];
        int found = 0;
        for (int i = from; i < to && found < 5; i++) {
            if (line[i] == ',') {
                commas[found++] = i;
            }
        }
        if (found < 5) {
            return fail("VDM/VDO sentence needs 6 fields, has " + (found + 1));
        }
        int count = singleDigit(line, from, commas[0]);
        int number = singleDigit(line, commas[0] + 1, commas[1]);
        if (count < 1 || count > MAX_FRAGMENTS) {
            return fail("fragment count is not 1-9");
        }
        if (number < 1 || number > count) {
            return fail("fragment number is not 1-" + count);
        }
        int seqFrom = commas[1] + 1;
        int sequenceId = -1;
        if (commas[2] > seqFrom) {
            sequenceId = singleDigit(line, seqFrom, commas[2]);
            if (sequenceId < 0) {
                return fail("sequential message id is not 0-9");
            }
        }
        String channel = channel(line, commas[2] + 1, commas[3]);
        if (channel == null) {
            return fail("radio channel is not A, B, 1 or 2");
        }
        int payloadFrom = commas[3] + 1;
        int payloadTo = commas[4];
        for (int i = payloadFrom; i < payloadTo; i++) {
            if (!SixBit.isArmored(line[i])) {
                return fail("payload character '" + (char) (line[i] & 0xFF) + "' is not six-bit");
            }
        }
        int fillBits = singleDigit(line, commas[4] + 1, to);
        if (fillBits < 0 || fillBits > 5) {
            return fail("fill bits are not 0-5");
        }
        if (payloadTo == payloadFrom && fillBits != 0) {
            return fail("empty payload with fill bits");
        }
        byte[] payload = Arrays.copyOfRange(line, payloadFrom, payloadTo);
        return DecodeResult.of(
                new NmeaSentence(
                        tagBlock, ownShip, count, number, sequenceId, channel, payload, fillBits));
    }

    private static final String[] CHANNELS = {"A", "B", "1", "2"};

    private static String channel(byte[] line, int from, int to) {
        if (to == from) {
            return "";
        }
        if (to - from != 1) {
            return null;
        }
        return switch (line[from]) {
            case 'A' -> CHANNELS[0];
            case 'B' -> CHANNELS[1];
            case '1' -> CHANNELS[2];
            case '2' -> CHANNELS[3];
            default -> null;
        };
    }

    private static int singleDigit(byte[] line, int from, int to) {
        if (to - from != 1) {
            return -1;
        }
        int digit = line[from] - '0';
        return digit >= 0 && digit <= 9 ? digit : -1;
    }

    private static boolean matches(byte[] line, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (line[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] line, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static DecodeResult<NmeaSentence> fail(String reason) {
        return DecodeResult.error(reason, 0, null);
    }
}
