package io.cordon.connectors.ais.nmea;

/**
 * One checksum-valid AIS sentence: {@code !AIVDM,2,1,7,B,53aDpa...,0*74}.
 *
 * <p>Fields in order: address ({@code AIVDM}: talker {@code AI} and any other AIS talker such as
 * {@code AB}, {@code BS}; formatter {@code VDM} for received messages, {@code VDO} for own ship),
 * fragment count (1-9), fragment number (1-count), sequential message id (0-9, empty for
 * single-sentence messages), radio channel ({@code A}, {@code B}, {@code 1}, {@code 2} or empty),
 * the six-bit armored payload and the number of fill bits (0-5) added to the payload's last
 * character.
 *
 * @param tagBlock the TAG block before the sentence ({@link TagBlock#NONE} when none)
 * @param ownShip true for {@code VDO} (own vessel), false for {@code VDM}
 * @param fragmentCount how many sentences carry the message, 1-9
 * @param fragmentNumber this sentence's place among them, 1-{@code fragmentCount}
 * @param sequenceId sequential message id linking the fragments, 0-9, or -1 when empty
 * @param channel the AIS radio channel as written, empty when not given
 * @param payload the armored payload characters (ASCII 48-87 and 96-119); this array is owned by
 *     the sentence and must not be modified
 * @param fillBits bits to drop from the end of the unpacked payload, 0-5
 */
public record NmeaSentence(
        TagBlock tagBlock,
        boolean ownShip,
        int fragmentCount,
        int fragmentNumber,
        int sequenceId,
        String channel,
        byte[] payload,
        int fillBits) {

    public boolean isSingle() {
        return fragmentCount == 1;
    }
}
