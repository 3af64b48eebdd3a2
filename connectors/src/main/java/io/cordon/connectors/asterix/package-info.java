/**
 * ASTERIX (EUROCONTROL All-purpose Structured Radar Information Exchange) framing: data blocks,
 * records, the field specification (FSPEC) and the length rules of the five item formats, driven by
 * a category's User Application Profile ({@link io.cordon.connectors.asterix.Uap}).
 *
 * <p>Layout (EUROCONTROL-SPEC-0149 "ASTERIX Part 1", edition 2.4, sections 4 and 5): a data block
 * is {@code CAT (1 octet) | LEN (2 octets, big-endian, whole block including CAT and LEN) |
 * record...}; a record is {@code FSPEC | item...} where the FSPEC has one presence bit per field
 * reference number (FRN), seven per octet from the most significant bit, and bit 1 of each octet
 * (FX) says whether another FSPEC octet follows. Items follow in FRN order and have one of five
 * formats: fixed, extended (FX bit in the last octet of each part), repetitive (a one-octet
 * repetition factor), explicit (a one-octet length including itself) and compound (a primary
 * subfield of presence bits with FX, then the present subfields).
 *
 * <p>The category packages ({@code cat048}, {@code cat034}, {@code cat062}, {@code cat021}) define
 * the UAPs and turn records into typed values; {@link io.cordon.connectors.asterix.AsterixDecoder}
 * ties them to the {@link io.cordon.connectors.decode.Decoder} contract. Nothing here throws on bad
 * bytes: every record that cannot be delimited becomes an error with a reason and the bytes.
 */
package io.cordon.connectors.asterix;
