package io.cordon.connectors.ais.nmea;

import java.time.Instant;
import java.util.Optional;

/**
 * The IEC 61162-1 TAG block that may precede a sentence: {@code \c:1577923200,s:rcv01*5A\}.
 *
 * @param receiveTime {@code c:} the time the receiver stamped, UNIX seconds (or milliseconds when
 *     the value has more than 11 digits, as some receivers write); empty when absent
 * @param source {@code s:} the source (receiver or station) id; empty string when absent
 * @param groupSentence {@code g:} this sentence's number in its group, 0 when absent
 * @param groupSize {@code g:} the number of sentences in the group, 0 when absent
 * @param groupId {@code g:} the group id, 0 when absent
 */
public record TagBlock(
        Optional<Instant> receiveTime,
        String source,
        int groupSentence,
        int groupSize,
        int groupId) {
    public static final TagBlock NONE = new TagBlock(Optional.empty(), "", 0, 0, 0);

    public TagBlock {
        receiveTime = receiveTime == null ? Optional.empty() : receiveTime;
        source = source == null ? "" : source;
    }
}
