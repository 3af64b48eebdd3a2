package io.cordon.jobs.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.connectors.ais.AisObservationMapper;
import io.cordon.connectors.ais.AisReport;
import io.cordon.connectors.ais.AisStreamDecoder;
import io.cordon.connectors.asterix.AsterixMessage;
import io.cordon.connectors.asterix.cat034.Cat034Service;
import io.cordon.connectors.asterix.feed.AsterixFeedDecoder;
import io.cordon.connectors.asterix.observation.AsterixObservationMapper;
import io.cordon.connectors.asterix.observation.AsterixTime;
import io.cordon.connectors.cot.CotEvent;
import io.cordon.connectors.cot.CotObservationMapper;
import io.cordon.connectors.cot.CotXmlDecoder;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.geojson.SatelliteDetection;
import io.cordon.connectors.geojson.SatelliteDetectionDecoder;
import io.cordon.connectors.geojson.SatelliteDetectionMapper;
import io.cordon.connectors.misb.MisbKlvDecoder;
import io.cordon.connectors.misb.MisbObservationMapper;
import io.cordon.connectors.misb.MisbPacket;
import io.cordon.connectors.runtime.SapientObservationMapper;
import io.cordon.connectors.sapient.SapientDecoder;
import io.cordon.connectors.sapient.SapientReport;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.tak.TakMessage;
import io.cordon.connectors.tak.TakStreamDecoder;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.proto.v1.DeadLetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connectors of the local run, in the simulator's process: each unit of bytes goes through the
 * real decoder and observation mapper of its format, with the sensor's registry entry ({@code
 * sensors:} in the configuration) as the defaults the format lacks. What decodes becomes {@link
 * Observation}s; every decoder or mapper error becomes a {@code cordon.v1.DeadLetter} with the
 * offending bytes, the source {@code <format label>:<sensor id>} and the reason. Counts per format
 * are kept for the progress line and the summary.
 *
 * <p>ASTERIX times of day get their date from the reception time ({@link AsterixTime#dateNear});
 * event times are rounded to the millisecond ({@link #atMillisecond}). CAT034 service messages
 * count as decoded records and yield no observation.
 *
 * <p>AIS lines are decoded with the unit's reception time (the receiver's clock), from which the
 * mapper places each report's UTC second ({@code AisEventTime}); fragments of multi-sentence
 * messages are joined per sensor. A static report (message 5 or 24) is a decoded record without
 * observation; the sensor's AIS mapper, the one {@code cordon connect --format ais} uses, remembers
 * its call sign and puts it in the identity of that MMSI's later position reports ({@link
 * AisObservationMapper}), so the tracks get it.
 *
 * <p>Thread-safe (one unit at a time).
 */
public final class InProcessConnectors {
    /** What one unit became. */
    public record Decoded(List<Observation> observations, List<DeadLetter> deadLetters) {}

    /**
     * Counts of one format.
     *
     * @param units units received (datagrams, documents)
     * @param records records the decoder produced (CAT034 and CAT048 records, CoT events, GeoJSON
     *     features, TAK messages, MISB KLV packets, SAPIENT reports, AIS messages, protobuf
     *     messages)
     * @param observations observations the mapper made of them
     * @param errors decoder and mapper errors (each one dead letter)
     */
    public record FormatCounts(long units, long records, long observations, long errors) {
        FormatCounts plus(long u, long r, long o, long e) {
            return new FormatCounts(units + u, records + r, observations + o, errors + e);
        }
    }

    private final Map<String, SensorConfig> sensors = new HashMap<>();
    private final Map<String, AsterixObservationMapper> asterixMappers = new HashMap<>();
    private final Map<String, CotObservationMapper> cotMappers = new HashMap<>();
    private final Map<String, TakStreamDecoder> takDecoders = new HashMap<>();
    private final Map<String, WireFormat> formatOf;
    private final Map<String, SatelliteDetectionMapper> satelliteMappers = new HashMap<>();
    private final Map<String, MisbObservationMapper> misbMappers = new HashMap<>();
    private final MisbKlvDecoder misbDecoder = new MisbKlvDecoder();
    private final Map<String, SapientObservationMapper> sapientMappers = new HashMap<>();
    private final Map<String, AisStreamDecoder> aisDecoders = new HashMap<>();
    private final Map<String, AisObservationMapper> aisMappers = new HashMap<>();
    private final CotXmlDecoder cotDecoder = new CotXmlDecoder();
    private final SatelliteDetectionDecoder satelliteDecoder = new SatelliteDetectionDecoder();
    private final Map<WireFormat, FormatCounts> counts = new EnumMap<>(WireFormat.class);

    public InProcessConnectors(List<SensorConfig> registry) {
        formatOf = WireFormat.of(registry);
        for (SensorConfig s : registry) {
            sensors.put(s.id(), s);
            SensorDefaults defaults = defaults(s);
            switch (formatOf.get(s.id())) {
                case ASTERIX -> asterixMappers.put(s.id(), new AsterixObservationMapper(s));
                case COT -> cotMappers.put(s.id(), new CotObservationMapper(defaults, s.kind()));
                case TAK -> {
                    takDecoders.put(s.id(), new TakStreamDecoder());
                    cotMappers.put(s.id(), new CotObservationMapper(defaults, s.kind()));
                }
                case MISB -> misbMappers.put(s.id(), new MisbObservationMapper(defaults));
                case GEOJSON ->
                        satelliteMappers.put(s.id(), new SatelliteDetectionMapper(defaults));
                case SAPIENT -> sapientMappers.put(s.id(), new SapientObservationMapper(s));
                case AIS -> {
                    aisDecoders.put(s.id(), new AisStreamDecoder());
                    aisMappers.put(s.id(), new AisObservationMapper(defaults));
                }
                case NATIVE -> {}
            }
            counts.putIfAbsent(formatOf.get(s.id()), new FormatCounts(0, 0, 0, 0));
        }
    }

    /**
     * The mapper defaults of a registered sensor (a radar has no position sigma: its range one).
     */
    static SensorDefaults defaults(SensorConfig s) {
        double sigma = s.sigmaPositionM() > 0 ? s.sigmaPositionM() : s.sigmaRangeM();
        return new SensorDefaults(s.partnerId(), s.id(), s.releasability(), sigma);
    }

    /** Decodes one unit; never throws on bad bytes. */
    public synchronized Decoded decode(RawUnit unit) {
        List<Observation> observations = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        String source = unit.format().label() + ":" + unit.sensorId();
        SensorConfig sensor = sensors.get(unit.sensorId());
        long records = 0;
        if (sensor == null || formatOf.get(sensor.id()) != unit.format()) {
            dead.add(
                    deadLetter(
                            unit,
                            source,
                            sensor == null
                                    ? "sensor " + unit.sensorId() + " is not in the registry"
                                    : "sensor "
                                            + unit.sensorId()
                                            + " ("
                                            + sensor.kind()
                                            + ") does not speak "
                                            + unit.format().label(),
                            unit.bytes()));
        } else {
            records =
                    switch (unit.format()) {
                        case ASTERIX -> asterix(unit, source, observations, dead);
                        case COT -> cot(unit, source, observations, dead);
                        case TAK -> tak(unit, source, observations, dead);
                        case MISB -> misb(unit, source, observations, dead);
                        case GEOJSON -> geojson(unit, source, observations, dead);
                        case SAPIENT -> sapient(unit, source, observations, dead);
                        case AIS -> ais(unit, source, observations, dead);
                        case NATIVE -> nativeProtobuf(unit, source, observations, dead);
                    };
        }
        counts.merge(
                unit.format(),
                new FormatCounts(1, records, observations.size(), dead.size()),
                (a, b) -> a.plus(b.units(), b.records(), b.observations(), b.errors()));
        return new Decoded(observations, dead);
    }

    /** Counts so far per format label, in {@link WireFormat} order. */
    public synchronized Map<String, FormatCounts> counts() {
        Map<String, FormatCounts> out = new LinkedHashMap<>();
        counts.forEach((f, c) -> out.put(f.label(), c));
        return out;
    }

    private long asterix(
            RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<AsterixMessage> decoded = AsterixFeedDecoder.decodeAll(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        AsterixObservationMapper mapper = asterixMappers.get(unit.sensorId());
        for (AsterixMessage m : decoded.values()) {
            if (m instanceof Cat034Service) {
                continue; // scan timing and health; no observation
            }
            mapped(unit, source, mapper.map(m, unit.receivedAt()), out, dead);
        }
        return decoded.values().size();
    }

    private long cot(RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<CotEvent> decoded = cotDecoder.decode(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        CotObservationMapper mapper = cotMappers.get(unit.sensorId());
        for (CotEvent e : decoded.values()) {
            mapped(unit, source, mapper.map(e), out, dead);
        }
        return decoded.values().size();
    }

    /**
     * One TAK stream chunk (a whole message each, as the simulator writes them) through the
     * sensor's stream decoder; the CoT events it carries go through the CoT mapper.
     */
    private long tak(RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<TakMessage> decoded = takDecoders.get(unit.sensorId()).decode(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        CotObservationMapper mapper = cotMappers.get(unit.sensorId());
        for (TakMessage m : decoded.values()) {
            if (m.cotEvent().isPresent()) {
                mapped(unit, source, mapper.map(m.cotEvent().get()), out, dead);
            }
        }
        return decoded.values().size();
    }

    /**
     * One MISB KLV buffer (an ST 0601 packet per frame, as the simulator writes them) through the
     * KLV decoder, which checks each packet's checksum; the located VMTI targets go through the
     * MISB mapper.
     */
    private long misb(RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<MisbPacket> decoded = misbDecoder.decode(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        MisbObservationMapper mapper = misbMappers.get(unit.sensorId());
        for (MisbPacket p : decoded.values()) {
            mapped(unit, source, mapper.map(p), out, dead);
        }
        return decoded.values().size();
    }

    private long geojson(
            RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<SatelliteDetection> decoded = satelliteDecoder.decode(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        SatelliteDetectionMapper mapper = satelliteMappers.get(unit.sensorId());
        for (SatelliteDetection d : decoded.values()) {
            out.add(atMillisecond(mapper.map(d)));
        }
        return decoded.values().size();
    }

    private long sapient(
            RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<SapientReport> decoded = SapientDecoder.decodeFrames(unit.bytes());
        errors(unit, source, decoded.errors(), dead);
        SapientObservationMapper mapper = sapientMappers.get(unit.sensorId());
        for (SapientReport r : decoded.values()) {
            mapped(unit, source, mapper.map(r), out, dead);
        }
        return decoded.values().size();
    }

    private long ais(RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        DecodeResult<AisReport> decoded =
                aisDecoders.get(unit.sensorId()).decode(unit.bytes(), unit.receivedAt());
        errors(unit, source, decoded.errors(), dead);
        AisObservationMapper mapper = aisMappers.get(unit.sensorId());
        for (AisReport r : decoded.values()) {
            mapped(unit, source, mapper.map(r), out, dead);
        }
        return decoded.values().size();
    }

    private long nativeProtobuf(
            RawUnit unit, String source, List<Observation> out, List<DeadLetter> dead) {
        var result = ObservationCodec.parse(unit.bytes());
        if (result instanceof io.cordon.pipeline.flink.codec.DecodeResult.Ok<Observation> ok) {
            Observation o = ok.value();
            if (!o.sensorId().equals(unit.sensorId())) {
                dead.add(
                        deadLetter(
                                unit,
                                source,
                                "observation of sensor "
                                        + o.sensorId()
                                        + " arrived at the connector of "
                                        + unit.sensorId(),
                                unit.bytes()));
                return 1;
            }
            out.add(o);
            return 1;
        }
        var failed = (io.cordon.pipeline.flink.codec.DecodeResult.Failed<Observation>) result;
        dead.add(deadLetter(unit, source, failed.reason(), unit.bytes()));
        return 0;
    }

    private void mapped(
            RawUnit unit,
            String source,
            DecodeResult<Observation> mapped,
            List<Observation> out,
            List<DeadLetter> dead) {
        for (Observation o : mapped.values()) {
            out.add(atMillisecond(o));
        }
        for (DecodeError e : mapped.errors()) {
            dead.add(deadLetter(unit, source, e.reason(), unit.bytes()));
        }
    }

    /**
     * The observation with its event time rounded to the millisecond, so that it equals the
     * record's Kafka timestamp (milliseconds), by which the fusion job orders and batches; ASTERIX
     * times of day come in 1/128 s. Rounding moves them by at most 0.5 ms, well inside the format's
     * 7.8 ms resolution. (The fusion job would also take sub-millisecond times, in the millisecond
     * they fall in: {@code FusionStep}.)
     */
    static Observation atMillisecond(Observation o) {
        Instant t = o.eventTime();
        if (t.getNano() % 1_000_000 == 0) {
            return o;
        }
        Instant rounded =
                Instant.ofEpochSecond(t.getEpochSecond(), 0)
                        .plusMillis(Math.round(t.getNano() / 1e6));
        return new Observation(
                o.observationId(),
                o.partnerId(),
                o.sensorId(),
                o.sensorKind(),
                rounded,
                o.measurement(),
                o.velocity(),
                o.identity(),
                o.classification(),
                o.marking());
    }

    private static void errors(
            RawUnit unit, String source, List<DecodeError> errors, List<DeadLetter> dead) {
        for (DecodeError e : errors) {
            byte[] raw = e.raw().length > 0 ? e.raw() : unit.bytes();
            dead.add(deadLetter(unit, source, e.reason() + " (offset " + e.offset() + ")", raw));
        }
    }

    private static DeadLetter deadLetter(RawUnit unit, String source, String reason, byte[] raw) {
        Instant t = unit.receivedAt();
        return DeadLetter.newBuilder()
                .setRaw(ByteString.copyFrom(raw))
                .setSourceTopic("")
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setSource(source)
                .setReason(reason)
                .setErrorClass("")
                .setReceivedAt(
                        Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()))
                .build();
    }
}
