package io.cordon.connectors.ais;

import io.cordon.connectors.ais.message.AisBits;
import io.cordon.connectors.ais.message.AisMessage;
import io.cordon.connectors.ais.message.AisMessageDecoder;
import io.cordon.connectors.ais.nmea.AssembledMessage;
import io.cordon.connectors.ais.nmea.FragmentAssembler;
import io.cordon.connectors.ais.nmea.NmeaSentence;
import io.cordon.connectors.ais.nmea.NmeaSentenceParser;
import io.cordon.connectors.ais.nmea.TagBlock;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an AIS feed: each input is one or more whole lines ({@code \n} or {@code \r\n} separated;
 * a transport splits TCP streams and files at line ends) of NMEA 0183, optionally with TAG blocks;
 * multi-sentence messages may span inputs.
 *
 * <p>Per line: TAG block and sentence checksums are validated, fragments reassembled (see {@link
 * FragmentAssembler}), the six-bit payload unpacked and the message decoded. Blank lines, {@code #}
 * comments and NMEA sentences other than VDM/VDO are skipped without error. Error offsets are byte
 * offsets of the offending line in its input (of the first fragment for multipart errors).
 *
 * <p>Time is never read from a clock: the reassembly timeout runs on the TAG block {@code c:} times
 * or on the receive time passed to {@link #decode(byte[], Instant)}. Not thread-safe: one decoder
 * per feed.
 */
public final class AisStreamDecoder implements Decoder<AisReport> {
    /** Fragments of one message arrive within a slot or two; 10 s leaves room for relays. */
    public static final Duration DEFAULT_FRAGMENT_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_PENDING = 256;

    private final FragmentAssembler assembler;

    public AisStreamDecoder() {
        this(DEFAULT_FRAGMENT_TIMEOUT);
    }

    public AisStreamDecoder(Duration fragmentTimeout) {
        this.assembler = new FragmentAssembler(fragmentTimeout, MAX_PENDING);
    }

    /** Decodes lines whose receive time is known only from their TAG blocks, if any. */
    @Override
    public DecodeResult<AisReport> decode(byte[] input) {
        return decode(input, null);
    }

    /**
     * Decodes lines received at {@code receivedAt} (null when unknown); a TAG block {@code c:} time
     * takes precedence for its sentence.
     */
    public DecodeResult<AisReport> decode(byte[] input, Instant receivedAt) {
        DecodeResult.Builder<AisReport> out = new DecodeResult.Builder<>();
        if (input == null) {
            return out.build();
        }
        int start = 0;
        for (int i = 0; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                if (i > start) {
                    decodeLine(input, start, i, receivedAt, out);
                }
                start = i + 1;
            }
        }
        return out.build();
    }

    /** Reports and drops multipart messages still incomplete {@code timeout} before {@code now}. */
    public List<DecodeError> expire(Instant now) {
        return assembler.expire(now);
    }

    /** Reports and drops every incomplete multipart message (call at the end of a file). */
    public List<DecodeError> flush() {
        return assembler.flush();
    }

    private void decodeLine(
            byte[] input,
            int from,
            int to,
            Instant receivedAt,
            DecodeResult.Builder<AisReport> out) {
        DecodeResult<NmeaSentence> parsed = NmeaSentenceParser.parse(input, from, to);
        if (parsed.values().isEmpty()) {
            for (DecodeError e : parsed.errors()) {
                out.error(e.reason(), from, Arrays.copyOfRange(input, from, to));
            }
            return;
        }
        NmeaSentence sentence = parsed.values().get(0);
        Instant time = sentence.tagBlock().receiveTime().orElse(receivedAt);
        if (sentence.isSingle()) {
            DecodeResult<AisMessage> message =
                    AisMessageDecoder.decode(
                            AisBits.unpack(sentence.payload(), sentence.fillBits()));
            emit(message, sentence, sentence.tagBlock(), time, from, input, from, to, out);
            return;
        }
        byte[] raw = Arrays.copyOfRange(input, from, to);
        DecodeResult<AssembledMessage> assembled = assembler.offer(sentence, raw, from, time);
        for (DecodeError e : assembled.errors()) {
            out.error(e.reason(), e.offset(), e.raw());
        }
        for (AssembledMessage m : assembled.values()) {
            DecodeResult<AisMessage> message =
                    AisMessageDecoder.decode(AisBits.unpack(m.payload(), m.fillBits()));
            Instant messageTime = m.tagBlock().receiveTime().orElse(time);
            emit(
                    message,
                    m.first(),
                    m.tagBlock(),
                    messageTime,
                    m.offset(),
                    m.raw(),
                    0,
                    m.raw().length,
                    out);
        }
    }

    private static void emit(
            DecodeResult<AisMessage> message,
            NmeaSentence first,
            TagBlock tag,
            Instant time,
            long offset,
            byte[] raw,
            int rawFrom,
            int rawTo,
            DecodeResult.Builder<AisReport> out) {
        if (message.values().isEmpty()) {
            for (DecodeError e : message.errors()) {
                out.error(e.reason(), offset, Arrays.copyOfRange(raw, rawFrom, rawTo));
            }
            return;
        }
        out.value(
                new AisReport(
                        message.values().get(0),
                        Optional.ofNullable(time),
                        tag.source(),
                        first.channel(),
                        first.ownShip()));
    }
}
