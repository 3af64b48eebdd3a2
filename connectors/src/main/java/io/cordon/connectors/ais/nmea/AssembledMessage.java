package io.cordon.connectors.ais.nmea;

/**
 * The payload of a multi-sentence message, its fragments joined in order.
 *
 * @param first the first fragment (channel, own-ship flag)
 * @param tagBlock the first TAG block any fragment carried ({@link TagBlock#NONE} when none)
 * @param payload the armored payload characters of all fragments, in order
 * @param fillBits the fill bits of the last fragment
 * @param raw the fragments' lines joined by {@code '\n'}, for the dead-letter topic
 * @param offset the offset of the first fragment in the input it arrived in
 */
public record AssembledMessage(
        NmeaSentence first,
        TagBlock tagBlock,
        byte[] payload,
        int fillBits,
        byte[] raw,
        long offset) {}
