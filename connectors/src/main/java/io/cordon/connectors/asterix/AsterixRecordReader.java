package io.cordon.connectors.asterix;

import java.util.Arrays;

/**
 * Walks the data blocks of an input and delimits their records with the UAP of each block's
 * category (EUROCONTROL-SPEC-0149 Part 1, sections 4 and 5).
 *
 * <p>A record that its UAP cannot delimit (truncated item, spare FRN set, explicit length 0) ends
 * its block: the records after it cannot be found, so the rest of the block is reported as one
 * error. A block whose LEN does not fit the input ends the input the same way. Blocks of a category
 * without a UAP are reported and skipped whole; the next block is still read.
 */
public final class AsterixRecordReader {
    /** What the reader found, in input order. */
    public interface Sink {
        void record(AsterixRecord record);

        /** Bytes {@code [from, to)} of the input could not be read, for {@code reason}. */
        void error(String reason, int from, int to);
    }

    /** A FSPEC this long or longer cannot be valid for any supported category. */
    private static final int MAX_FSPEC_OCTETS = 9;

    private final Uap[] uapByCategory = new Uap[256];

    public AsterixRecordReader(Iterable<Uap> uaps) {
        for (Uap uap : uaps) {
            uapByCategory[uap.category()] = uap;
        }
    }

    /** Reads every block of {@code input}, reporting records and errors to {@code sink}. */
    public void read(byte[] input, Sink sink) {
        int at = 0;
        while (at < input.length) {
            if (input.length - at < 3) {
                sink.error(
                        "truncated data block header: "
                                + (input.length - at)
                                + " octets left, need 3",
                        at,
                        input.length);
                return;
            }
            int category = input[at] & 0xFF;
            int blockLength = AsterixFields.u16(input, at + 1);
            if (blockLength < 3) {
                sink.error("data block LEN " + blockLength + " is less than 3", at, input.length);
                return;
            }
            if (blockLength > input.length - at) {
                sink.error(
                        "data block LEN "
                                + blockLength
                                + " exceeds the "
                                + (input.length - at)
                                + " octets left (truncated block)",
                        at,
                        input.length);
                return;
            }
            int end = at + blockLength;
            Uap uap = uapByCategory[category];
            if (uap == null) {
                sink.error("category " + category + " is not decoded here", at, end);
            } else if (blockLength == 3) {
                sink.error("data block of " + uap.label() + " holds no record", at, end);
            } else {
                readRecords(input, at + 3, end, uap, sink);
            }
            at = end;
        }
    }

    private static void readRecords(byte[] input, int from, int end, Uap uap, Sink sink) {
        int at = from;
        while (at < end) {
            int[] offsets = new int[uap.size() + 1];
            int[] lengths = new int[uap.size() + 1];
            String problem = delimit(input, at, end, uap, offsets, lengths);
            if (problem != null) {
                sink.error(uap.label() + " record at offset " + at + ": " + problem, at, end);
                return;
            }
            int recordEnd = lastItemEnd(at, offsets, lengths);
            sink.record(new AsterixRecord(input, at, recordEnd - at, uap, offsets, lengths));
            at = recordEnd;
        }
    }

    private static int lastItemEnd(int recordStart, int[] offsets, int[] lengths) {
        for (int frn = offsets.length - 1; frn >= 1; frn--) {
            if (offsets[frn] >= 0) {
                return offsets[frn] + lengths[frn];
            }
        }
        return recordStart;
    }

    /**
     * Fills the item offsets and lengths of the record at {@code at}; returns null when the record
     * could be delimited, otherwise what went wrong.
     */
    private static String delimit(
            byte[] input, int at, int end, Uap uap, int[] offsets, int[] lengths) {
        int fspecOctets = 0;
        boolean anyItem = false;
        int p = at;
        while (true) {
            if (p >= end) {
                return "FSPEC runs past the end of the block";
            }
            if (fspecOctets == MAX_FSPEC_OCTETS) {
                return "FSPEC longer than " + MAX_FSPEC_OCTETS + " octets";
            }
            int octet = input[p++] & 0xFF;
            anyItem |= (octet & 0xFE) != 0;
            fspecOctets++;
            if ((octet & 1) == 0) {
                break;
            }
        }
        if (!anyItem) {
            return "FSPEC announces no item (padding or corrupt data)";
        }
        Arrays.fill(offsets, -1);
        for (int i = 0; i < fspecOctets; i++) {
            int octet = input[at + i] & 0xFF;
            for (int bit = 0; bit < 7; bit++) {
                if ((octet & (0x80 >>> bit)) == 0) {
                    continue;
                }
                int frn = 7 * i + bit + 1;
                String problem = delimitItem(input, p, end, uap, frn, offsets, lengths);
                if (problem != null) {
                    return problem;
                }
                p = offsets[frn] + lengths[frn];
            }
        }
        return null;
    }

    private static String delimitItem(
            byte[] input, int p, int end, Uap uap, int frn, int[] offsets, int[] lengths) {
        if (frn > uap.size()) {
            return "FRN " + frn + " is beyond the " + uap.size() + " FRNs of the UAP";
        }
        ItemSpec item = uap.item(frn);
        if (item.isSpare()) {
            return "FRN " + frn + " is spare in the UAP; its length is unknown";
        }
        int length = item.format().length(input, p, end);
        if (length < 0) {
            return item.id() + " (FRN " + frn + ") at offset " + p + ": " + describe(length);
        }
        offsets[frn] = p;
        lengths[frn] = length;
        return null;
    }

    private static String describe(int rule) {
        return switch (rule) {
            case ItemFormat.TRUNCATED -> "runs past the end of the block";
            case ItemFormat.BAD_EXPLICIT_LENGTH -> "explicit length octet is 0";
            case ItemFormat.UNDEFINED_SUBFIELD -> "announces a subfield the item does not define";
            default -> "length rule violated (" + rule + ")";
        };
    }
}
