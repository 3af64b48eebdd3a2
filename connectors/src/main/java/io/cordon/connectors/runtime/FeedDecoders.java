package io.cordon.connectors.runtime;

import io.cordon.connectors.ais.AisObservationMapper;
import io.cordon.connectors.ais.AisReport;
import io.cordon.connectors.ais.AisStreamDecoder;
import io.cordon.connectors.asterix.AsterixMessage;
import io.cordon.connectors.asterix.feed.AsterixFeedDecoder;
import io.cordon.connectors.asterix.observation.AsterixObservationMapper;
import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotObservationMapper;
import io.cordon.connectors.cot.CotStreamDecoder;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import io.cordon.connectors.geojson.SatelliteDetection;
import io.cordon.connectors.geojson.SatelliteDetectionDecoder;
import io.cordon.connectors.geojson.SatelliteDetectionMapper;
import io.cordon.connectors.misb.MisbKlvDecoder;
import io.cordon.connectors.misb.MisbObservationMapper;
import io.cordon.connectors.pcap.PcapReader;
import io.cordon.connectors.pcap.UdpDatagram;
import io.cordon.connectors.sapient.SapientDecoder;
import io.cordon.connectors.sapient.SapientReport;
import io.cordon.connectors.sapient.SapientStreamDecoder;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.tak.TakMeshDecoder;
import io.cordon.connectors.tak.TakMessage;
import io.cordon.connectors.tak.TakStreamDecoder;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.observation.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds the {@link FeedDecoder} of a format: the format's framing for the transport, its decoder
 * and its mapper with the defaults of the registered sensor. Every mapper call is guarded, so a
 * record that breaks a mapper becomes an error item, never an exception.
 *
 * <table>
 *   <caption>Framing per format</caption>
 *   <tr><th>format</th><th>stream (TCP, file)</th><th>datagram (UDP)</th></tr>
 *   <tr><td>asterix</td><td>data blocks by their LEN</td><td>one or more blocks</td></tr>
 *   <tr><td>asterix-pcap</td><td>the whole capture (files only)</td><td>-</td></tr>
 *   <tr><td>ais</td><td>lines</td><td>one or more lines</td></tr>
 *   <tr><td>cot</td><td>XML events split after {@code </event>}</td><td>one event</td></tr>
 *   <tr><td>tak</td><td>TAK stream framing (0xBF, varint length)</td><td>TAK mesh (0xBF 0x01 0xBF)</td></tr>
 *   <tr><td>sapient</td><td>4-byte little-endian length prefix</td><td>length-prefixed frames</td></tr>
 *   <tr><td>misb</td><td>KLV packets (the whole file)</td><td>KLV packets</td></tr>
 *   <tr><td>geojson</td><td>one FeatureCollection (the whole file)</td><td>one FeatureCollection</td></tr>
 *   <tr><td>native</td><td>varint length-delimited cordon.v1.Observation</td><td>one Observation</td></tr>
 * </table>
 */
public final class FeedDecoders {
    private FeedDecoders() {}

    /**
     * The decoder for one feed.
     *
     * @param nativeParser parses and validates one {@code cordon.v1.Observation} (the codec lives
     *     with the Flink code); used by {@link FeedFormat#NATIVE} only, may be null otherwise
     * @throws IllegalArgumentException when the format cannot be read with this framing
     */
    public static FeedDecoder create(
            FeedFormat format,
            Framing framing,
            SensorConfig sensor,
            Function<byte[], DecodeResult<Observation>> nativeParser) {
        return switch (format) {
            case ASTERIX -> new AsterixFeed(framing, sensor);
            case ASTERIX_PCAP -> {
                if (framing != Framing.STREAM) {
                    throw new IllegalArgumentException(
                            "asterix-pcap is read from files only; use --format asterix for UDP");
                }
                yield new PcapFeed(sensor);
            }
            case AIS -> new AisFeed(framing, sensor);
            case COT -> cot(framing, sensor);
            case TAK -> tak(framing, sensor);
            case SAPIENT -> sapient(framing, sensor);
            case MISB ->
                    new WholeUnitFeed<>(
                            new MisbKlvDecoder(),
                            new MisbObservationMapper(SensorDefaults.of(sensor))::map,
                            framing);
            case GEOJSON -> {
                SatelliteDetectionMapper mapper =
                        new SatelliteDetectionMapper(SensorDefaults.of(sensor));
                yield new WholeUnitFeed<SatelliteDetection>(
                        new SatelliteDetectionDecoder(),
                        d -> DecodeResult.of(mapper.map(d)),
                        framing);
            }
            case NATIVE -> {
                if (nativeParser == null) {
                    throw new IllegalArgumentException("the native format needs a parser");
                }
                yield new NativeFeed(framing, nativeParser);
            }
        };
    }

    /** Appends what one decoded record maps to: an item with its observations, or its errors. */
    static <T> void mapped(
            List<FeedItem> out,
            T value,
            Function<? super T, DecodeResult<Observation>> mapper,
            long offset,
            long line,
            long packet,
            byte[] raw) {
        String record = recordName(value);
        DecodeResult<Observation> r;
        try {
            r = mapper.apply(value);
        } catch (RuntimeException e) {
            r = DecodeResult.error(record + " could not be mapped: " + e.getMessage(), 0, null);
        }
        for (DecodeError e : r.errors()) {
            out.add(
                    new FeedItem(
                            record,
                            offset,
                            line,
                            packet,
                            List.of(),
                            new DecodeError(
                                    e.reason(), offset, e.raw().length > 0 ? e.raw() : raw)));
        }
        if (!r.values().isEmpty() || r.errors().isEmpty()) {
            out.add(new FeedItem(record, offset, line, packet, r.values(), null, raw));
        }
    }

    /** What a decoded value is called in output: its type, or for AIS the message's type. */
    static String recordName(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[]) {
            return "Observation";
        }
        if (value instanceof AisReport r) {
            return r.message().getClass().getSimpleName();
        }
        return value.getClass().getSimpleName();
    }

    static void errors(
            List<FeedItem> out, List<DecodeError> errors, long base, long line, long packet) {
        for (DecodeError e : errors) {
            out.add(
                    new FeedItem(
                            "",
                            base + e.offset(),
                            line,
                            packet,
                            List.of(),
                            new DecodeError(e.reason(), base + e.offset(), e.raw())));
        }
    }

    private static final class AsterixFeed implements FeedDecoder {
        private final Framing framing;
        private final AsterixObservationMapper mapper;
        private final AsterixBlockFramer framer = new AsterixBlockFramer();
        private final AsterixFeedDecoder decoder = new AsterixFeedDecoder();
        private long datagrams;

        AsterixFeed(Framing framing, SensorConfig sensor) {
            this.framing = framing;
            this.mapper = new AsterixObservationMapper(sensor);
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            List<FeedItem> out = new ArrayList<>();
            if (framing == Framing.DATAGRAM) {
                block(out, chunk, 0, datagrams++, receivedAt);
                return out;
            }
            DecodeResult<Frame> frames = framer.accept(chunk);
            errors(out, frames.errors(), 0, -1, -1);
            for (Frame f : frames.values()) {
                block(out, f.bytes(), f.offset(), -1, receivedAt);
            }
            return out;
        }

        private void block(
                List<FeedItem> out, byte[] bytes, long base, long packet, Instant receivedAt) {
            DecodeResult<AsterixMessage> r = decoder.decode(bytes);
            errors(out, r.errors(), base, -1, packet);
            for (AsterixMessage m : r.values()) {
                mapped(out, m, v -> mapper.map(v, receivedAt), base, -1, packet, bytes);
            }
        }

        @Override
        public List<FeedItem> finish() {
            List<FeedItem> out = new ArrayList<>();
            if (framing == Framing.STREAM) {
                errors(out, framer.finish().errors(), 0, -1, -1);
            }
            return out;
        }
    }

    private static final class PcapFeed implements FeedDecoder {
        private final AsterixObservationMapper mapper;
        private final AsterixFeedDecoder decoder = new AsterixFeedDecoder();
        private byte[] file = new byte[0];

        PcapFeed(SensorConfig sensor) {
            this.mapper = new AsterixObservationMapper(sensor);
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            file = LineFramer.concat(file, chunk); // a capture is only read whole
            return List.of();
        }

        @Override
        public List<FeedItem> finish() {
            List<FeedItem> out = new ArrayList<>();
            DecodeResult<UdpDatagram> packets = PcapReader.read(file);
            file = new byte[0];
            errors(out, packets.errors(), 0, -1, -1);
            for (UdpDatagram d : packets.values()) {
                DecodeResult<AsterixMessage> r = decoder.decode(d.payload());
                errors(out, r.errors(), 0, -1, d.packetIndex());
                for (AsterixMessage m : r.values()) {
                    mapped(
                            out,
                            m,
                            v -> mapper.map(v, d.captureTime()),
                            0,
                            -1,
                            d.packetIndex(),
                            d.payload());
                }
            }
            return out;
        }
    }

    /**
     * AIS lines; a datagram ends its last line even without a line end (so it is neither held back
     * nor joined to the next datagram's first line). One {@link AisObservationMapper} per feed: the
     * call signs of its static reports name the positions that follow.
     */
    private static final class AisFeed implements FeedDecoder {
        private final Framing framing;
        private final LineFramer framer = new LineFramer();
        private final AisStreamDecoder decoder = new AisStreamDecoder();
        private final AisObservationMapper mapper;
        private Instant lastReceivedAt = Instant.EPOCH;

        AisFeed(Framing framing, SensorConfig sensor) {
            this.framing = framing;
            this.mapper = new AisObservationMapper(SensorDefaults.of(sensor));
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            List<FeedItem> out = new ArrayList<>();
            lastReceivedAt = receivedAt;
            DecodeResult<Frame> lines = framer.accept(chunk);
            errors(out, lines.errors(), 0, -1, -1);
            lines(out, lines.values(), receivedAt);
            if (framing == Framing.DATAGRAM) {
                DecodeResult<Frame> last = framer.finish();
                errors(out, last.errors(), 0, -1, -1);
                lines(out, last.values(), receivedAt);
            }
            return out;
        }

        private void lines(List<FeedItem> out, List<Frame> lines, Instant receivedAt) {
            for (Frame line : lines) {
                DecodeResult<AisReport> r = decoder.decode(line.bytes(), receivedAt);
                for (DecodeError e : r.errors()) {
                    out.add(
                            new FeedItem(
                                    "",
                                    line.offset(),
                                    line.line(),
                                    -1,
                                    List.of(),
                                    new DecodeError(e.reason(), line.offset(), e.raw())));
                }
                for (AisReport report : r.values()) {
                    mapped(out, report, mapper::map, line.offset(), line.line(), -1, line.bytes());
                }
            }
        }

        @Override
        public List<FeedItem> finish() {
            List<FeedItem> out = new ArrayList<>();
            DecodeResult<Frame> last = framer.finish();
            errors(out, last.errors(), 0, -1, -1);
            lines(out, last.values(), lastReceivedAt);
            for (DecodeError e : decoder.flush()) {
                out.add(new FeedItem("", e.offset(), -1, -1, List.of(), e));
            }
            return out;
        }
    }

    /**
     * Formats read either one message per datagram or as a byte stream cut into messages by their
     * own framing (CoT XML events, TAK protocol, SAPIENT length prefixes).
     */
    private static final class MessageFeed<T> implements FeedDecoder {
        private final Framing framing;
        private final Decoder<T> datagram;
        private final Decoder<T> stream;
        private final Function<? super T, DecodeResult<Observation>> mapper;
        private final Supplier<List<DecodeError>> streamEnd;
        private long datagrams;

        /**
         * @param datagram decodes one datagram holding one message
         * @param stream decodes the next chunk of a stream
         * @param streamEnd what is wrong with what a stream left pending when it ended
         */
        MessageFeed(
                Framing framing,
                Decoder<T> datagram,
                Decoder<T> stream,
                Function<? super T, DecodeResult<Observation>> mapper,
                Supplier<List<DecodeError>> streamEnd) {
            this.framing = framing;
            this.datagram = datagram;
            this.stream = stream;
            this.mapper = mapper;
            this.streamEnd = streamEnd;
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            List<FeedItem> out = new ArrayList<>();
            long packet = framing == Framing.DATAGRAM ? datagrams++ : -1;
            DecodeResult<T> r =
                    framing == Framing.DATAGRAM ? datagram.decode(chunk) : stream.decode(chunk);
            errors(out, r.errors(), 0, -1, packet);
            // a datagram is the unit; a stream's messages are cut inside the decoder
            byte[] unit = framing == Framing.DATAGRAM ? chunk : new byte[0];
            for (T v : r.values()) {
                mapped(out, v, mapper, -1, -1, packet, unit);
            }
            return out;
        }

        @Override
        public List<FeedItem> finish() {
            List<FeedItem> out = new ArrayList<>();
            if (framing == Framing.STREAM) {
                errors(out, streamEnd.get(), 0, -1, -1);
            }
            return out;
        }
    }

    private static MessageFeed<CotEvent> cot(Framing framing, SensorConfig sensor) {
        CotStreamDecoder stream = new CotStreamDecoder();
        CotObservationMapper mapper =
                new CotObservationMapper(SensorDefaults.of(sensor), sensor.kind());
        return new MessageFeed<>(
                framing, new CotXmlDecoder(), stream::decode, mapper::map, stream::flush);
    }

    private static MessageFeed<TakMessage> tak(Framing framing, SensorConfig sensor) {
        CotObservationMapper mapper =
                new CotObservationMapper(SensorDefaults.of(sensor), sensor.kind());
        TakStreamDecoder stream = new TakStreamDecoder();
        return new MessageFeed<>(
                framing,
                new TakMeshDecoder()::decode,
                stream::decode,
                m ->
                        m.cotEvent().isPresent()
                                ? mapper.map(m.cotEvent().get())
                                : new DecodeResult<>(List.of(), List.of()),
                stream::flush);
    }

    private static MessageFeed<SapientReport> sapient(Framing framing, SensorConfig sensor) {
        SapientStreamDecoder stream = new SapientStreamDecoder();
        return new MessageFeed<>(
                framing,
                new SapientDecoder()::decode,
                stream::accept,
                new SapientObservationMapper(sensor)::map,
                () ->
                        stream.pendingOctets() > 0
                                ? List.of(
                                        new DecodeError(
                                                "stream ended inside a SAPIENT frame ("
                                                        + stream.pendingOctets()
                                                        + " octets)",
                                                -1,
                                                null))
                                : List.of());
    }

    /**
     * Formats whose decoder takes a whole unit: each datagram, or for a stream everything up to its
     * end (files).
     */
    private static final class WholeUnitFeed<T> implements FeedDecoder {
        private final Decoder<T> decoder;
        private final Function<? super T, DecodeResult<Observation>> mapper;
        private final Framing framing;
        private byte[] buffered = new byte[0];
        private long datagrams;

        WholeUnitFeed(
                Decoder<T> decoder,
                Function<? super T, DecodeResult<Observation>> mapper,
                Framing framing) {
            this.decoder = decoder;
            this.mapper = mapper;
            this.framing = framing;
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            if (framing == Framing.STREAM) {
                buffered = LineFramer.concat(buffered, chunk);
                return List.of();
            }
            return unit(chunk, datagrams++);
        }

        private List<FeedItem> unit(byte[] bytes, long packet) {
            List<FeedItem> out = new ArrayList<>();
            DecodeResult<T> r = decoder.decode(bytes);
            errors(out, r.errors(), 0, -1, packet);
            // a datagram is the unit; a whole file is too big to repeat per refused observation
            byte[] unit = packet >= 0 ? bytes : new byte[0];
            for (T v : r.values()) {
                mapped(out, v, mapper, -1, -1, packet, unit);
            }
            return out;
        }

        @Override
        public List<FeedItem> finish() {
            if (framing != Framing.STREAM || buffered.length == 0) {
                return List.of();
            }
            byte[] all = buffered;
            buffered = new byte[0];
            return unit(all, -1);
        }
    }

    private static final class NativeFeed implements FeedDecoder {
        private final Framing framing;
        private final Function<byte[], DecodeResult<Observation>> parser;
        private final DelimitedFramer framer = new DelimitedFramer();
        private long datagrams;

        NativeFeed(Framing framing, Function<byte[], DecodeResult<Observation>> parser) {
            this.framing = framing;
            this.parser = parser;
        }

        @Override
        public List<FeedItem> decode(byte[] chunk, Instant receivedAt) {
            List<FeedItem> out = new ArrayList<>();
            if (framing == Framing.DATAGRAM) {
                mapped(out, chunk, parser, 0, -1, datagrams++, chunk);
                return out;
            }
            DecodeResult<Frame> frames = framer.accept(chunk);
            errors(out, frames.errors(), 0, -1, -1);
            for (Frame f : frames.values()) {
                mapped(out, f.bytes(), parser, f.offset(), -1, -1, f.bytes());
            }
            return out;
        }

        @Override
        public List<FeedItem> finish() {
            List<FeedItem> out = new ArrayList<>();
            if (framing == Framing.STREAM) {
                errors(out, framer.finish().errors(), 0, -1, -1);
            }
            return out;
        }
    }
}
