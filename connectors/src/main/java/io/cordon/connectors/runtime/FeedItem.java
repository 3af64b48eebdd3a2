package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.pipeline.observation.Observation;
import java.util.List;

/**
 * What one input record became: the observations it yields (none for records that carry no
 * position, such as an ASTERIX CAT034 service message or an AIS static report), or why it could not
 * be decoded. Locations are -1 where the format does not give them.
 *
 * @param record what was decoded (e.g. {@code Cat048Plot}, {@code ClassAPositionReport}); empty for
 *     an error
 * @param offset byte offset in the stream or file of the unit the record came from (line, block,
 *     frame; an error's own offset), or in its datagram for datagram transports
 * @param line 1-based line number (line-framed formats), else -1
 * @param packet datagram or pcap packet index (0-based) the record came from, else -1
 * @param observations the observations, in order
 * @param error the decode error, or null
 */
public record FeedItem(
        String record,
        long offset,
        long line,
        long packet,
        List<Observation> observations,
        DecodeError error) {
    public FeedItem {
        record = record == null ? "" : record;
        observations = List.copyOf(observations == null ? List.of() : observations);
    }

    public boolean isError() {
        return error != null;
    }
}
