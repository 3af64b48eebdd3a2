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
 * @param raw the bytes of the unit the record came from (line, block, datagram) where the decoder
 *     knows them, else empty: the dead-letter payload should an observation of it be refused after
 *     decoding (event time too far ahead, refused by Kafka); an error carries its own in {@link
 *     DecodeError#raw()}
 */
public record FeedItem(
        String record,
        long offset,
        long line,
        long packet,
        List<Observation> observations,
        DecodeError error,
        byte[] raw) {
    private static final byte[] NONE = new byte[0];

    public FeedItem {
        record = record == null ? "" : record;
        observations = List.copyOf(observations == null ? List.of() : observations);
        raw = raw == null ? NONE : raw;
    }

    /** An item whose unit's bytes are not known. */
    public FeedItem(
            String record,
            long offset,
            long line,
            long packet,
            List<Observation> observations,
            DecodeError error) {
        this(record, offset, line, packet, observations, error, NONE);
    }

    public boolean isError() {
        return error != null;
    }
}
