package io.cordon.connectors.asterix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The length rule of an ASTERIX data item (EUROCONTROL-SPEC-0149 Part 1, section 4.3.3): how many
 * octets an item occupies, found from the item's own bytes. This is all a decoder needs to skip an
 * item it does not interpret.
 */
public sealed interface ItemFormat
        permits ItemFormat.Fixed,
                ItemFormat.Extended,
                ItemFormat.Repetitive,
                ItemFormat.Explicit,
                ItemFormat.Compound {

    /** {@link #length} result: the item runs past {@code limit}. */
    int TRUNCATED = -1;

    /** {@link #length} result: an explicit item's length octet is 0. */
    int BAD_EXPLICIT_LENGTH = -2;

    /** {@link #length} result: a compound item announces a subfield its definition lacks. */
    int UNDEFINED_SUBFIELD = -3;

    /**
     * Octets the item starting at {@code offset} occupies, or a negative rule violation ({@link
     * #TRUNCATED}, {@link #BAD_EXPLICIT_LENGTH}, {@link #UNDEFINED_SUBFIELD}). Never reads at or
     * beyond {@code limit}.
     */
    int length(byte[] buf, int offset, int limit);

    static ItemFormat fixed(int lengthOctets) {
        return new Fixed(lengthOctets);
    }

    static ItemFormat extended(int primaryOctets, int extensionOctets) {
        return new Extended(primaryOctets, extensionOctets);
    }

    static ItemFormat repetitive(int elementOctets) {
        return new Repetitive(elementOctets);
    }

    static ItemFormat explicit() {
        return new Explicit();
    }

    /** A compound item; {@code null} marks a spare subfield bit. */
    static ItemFormat compound(ItemFormat... subfields) {
        return new Compound(Arrays.asList(subfields.clone()));
    }

    /** A fixed-length item of {@code lengthOctets} octets. */
    record Fixed(int lengthOctets) implements ItemFormat {
        public Fixed {
            if (lengthOctets < 1) {
                throw new IllegalArgumentException(
                        "lengthOctets must be >= 1, was " + lengthOctets);
            }
        }

        @Override
        public int length(byte[] buf, int offset, int limit) {
            return offset + lengthOctets <= limit ? lengthOctets : TRUNCATED;
        }
    }

    /**
     * A variable-length item: a primary part of {@code primaryOctets} octets followed by extensions
     * of {@code extensionOctets} octets for as long as bit 1 (FX) of the last octet of the previous
     * part is set.
     */
    record Extended(int primaryOctets, int extensionOctets) implements ItemFormat {
        public Extended {
            if (primaryOctets < 1 || extensionOctets < 1) {
                throw new IllegalArgumentException(
                        "part lengths must be >= 1, were "
                                + primaryOctets
                                + ", "
                                + extensionOctets);
            }
        }

        @Override
        public int length(byte[] buf, int offset, int limit) {
            int end = offset + primaryOctets;
            while (true) {
                if (end > limit) {
                    return TRUNCATED;
                }
                if ((buf[end - 1] & 1) == 0) {
                    return end - offset;
                }
                end += extensionOctets;
            }
        }
    }

    /** A repetitive item: a one-octet repetition factor, then that many elements. */
    record Repetitive(int elementOctets) implements ItemFormat {
        public Repetitive {
            if (elementOctets < 1) {
                throw new IllegalArgumentException(
                        "elementOctets must be >= 1, was " + elementOctets);
            }
        }

        @Override
        public int length(byte[] buf, int offset, int limit) {
            if (offset >= limit) {
                return TRUNCATED;
            }
            int length = 1 + (buf[offset] & 0xFF) * elementOctets;
            return offset + length <= limit ? length : TRUNCATED;
        }
    }

    /** An explicit-length item (RE, SP): a one-octet length that counts itself, then data. */
    record Explicit() implements ItemFormat {
        @Override
        public int length(byte[] buf, int offset, int limit) {
            if (offset >= limit) {
                return TRUNCATED;
            }
            int length = buf[offset] & 0xFF;
            if (length == 0) {
                return BAD_EXPLICIT_LENGTH;
            }
            return offset + length <= limit ? length : TRUNCATED;
        }
    }

    /**
     * A compound item: a primary subfield of presence bits (seven per octet from the most
     * significant bit, bit 1 = FX), then each present subfield in order. Subfield {@code i} (0
     * based) is announced by bit {@code 8 - i % 7} of primary octet {@code i / 7}.
     *
     * @param subfields the subfields' formats in bit order; {@code null} for spare bits
     */
    record Compound(List<ItemFormat> subfields) implements ItemFormat {
        public Compound {
            subfields = Collections.unmodifiableList(new ArrayList<>(subfields));
        }

        @Override
        public int length(byte[] buf, int offset, int limit) {
            int primaryEnd = offset;
            do {
                if (primaryEnd >= limit) {
                    return TRUNCATED;
                }
                primaryEnd++;
            } while ((buf[primaryEnd - 1] & 1) != 0);
            int end = primaryEnd;
            for (int octet = offset; octet < primaryEnd; octet++) {
                int bits = buf[octet] & 0xFE;
                for (int bit = 0; bit < 7; bit++) {
                    if ((bits & (0x80 >>> bit)) == 0) {
                        continue;
                    }
                    int index = (octet - offset) * 7 + bit;
                    ItemFormat sub = index < subfields.size() ? subfields.get(index) : null;
                    if (sub == null) {
                        return UNDEFINED_SUBFIELD;
                    }
                    int subLength = sub.length(buf, end, limit);
                    if (subLength < 0) {
                        return subLength;
                    }
                    end += subLength;
                }
            }
            return end - offset;
        }

        /**
         * Offset of subfield {@code index} (0 based) of the compound item at {@code offset}, or -1
         * when absent. Call only on an item whose {@link #length} was non-negative.
         */
        public int subfieldOffset(byte[] buf, int offset, int index) {
            int primaryEnd = offset;
            do {
                primaryEnd++;
            } while ((buf[primaryEnd - 1] & 1) != 0);
            int at = primaryEnd;
            for (int i = 0; i <= index; i++) {
                int octet = offset + i / 7;
                if (octet >= primaryEnd) {
                    return -1;
                }
                boolean present = (buf[octet] & (0x80 >>> (i % 7))) != 0;
                if (i == index) {
                    return present ? at : -1;
                }
                if (present) {
                    at += subfields.get(i).length(buf, at, buf.length);
                }
            }
            return -1;
        }
    }
}
