package io.cordon.jobs.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.connectors.ais.encode.AisNmeaEncoder;
import io.cordon.connectors.asterix.encode.Cat048Encoder;
import io.cordon.connectors.cot.encode.CotDetectionEncoder;
import io.cordon.connectors.geojson.encode.SatelliteDetectionEncoder;
import io.cordon.connectors.misb.encode.UasVmtiEncoder;
import io.cordon.connectors.sapient.encode.SapientDetectionEncoder;
import io.cordon.connectors.tak.encode.TakDetectionEncoder;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.simulation.AisStaticReport;
import io.cordon.pipeline.simulation.AisTransponder;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.simulation.SimulatedTarget;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the simulated sensors put on the wire: the {@link BorderSimulation}'s observations encoded
 * in each sensor's real format ({@link WireFormat#of(List)}), one unit per radar scan (a CAT034
 * north marker and CAT048 blocks of at most 32 plots), per drone detection (a CoT XML event, or a
 * TAK protocol v1 message framed for a TAK stream, with the same content), per drone video frame (a
 * MISB ST 0601 packet whose ST 0903 VMTI set locates every detection of the frame; the sensor
 * position is the registry's), per ground-sensor detection (a length-prefixed SAPIENT detection
 * report), per satellite pass (a GeoJSON FeatureCollection) and per AIS transmission a receiver got
 * (NMEA 0183 {@code !AIVDM} lines: a class A or class B position report, message 1 or 18, or a
 * class A transponder's static and voyage data, message 5 in two sentences, sent before the
 * position reports of the same second).
 *
 * <p><b>AIS times.</b> A transponder reports its position at whole UTC seconds and transmits only
 * the second; the receiver stamps each unit with its reception time, {@value #AIS_MIN_DELAY_MS} to
 * {@value #AIS_MAX_DELAY_MS} ms later (slot and relay delay, derived from MMSI and second), from
 * which the AIS mapper places the second in its minute, as a real receiver's feed would. Speed and
 * course over ground are the simulated velocity's, the true heading its course; the position
 * accuracy flag is clear (GNSS without augmentation: the registry's sigma applies). The channel
 * alternates between A and B with the second.
 *
 * <p><b>Corruption.</b> To make the dead-letter path visible, {@code corruptionsPerMinute} units
 * per scenario minute are broken on purpose: the k-th corruption falls due at scenario time {@code
 * k * 60 / corruptionsPerMinute} s and goes to the next unit of the sensor whose turn it is (the
 * sensors take turns in registry order, so every sensor and every format gets some). A sensor owes
 * at most one corruption at a time: a turn that falls on a sensor still waiting for its next unit
 * (a satellite between passes) passes to the next sensor, and a corruption that falls due while
 * every sensor owes one is dropped. How each format is broken: ASTERIX, the datagram loses its last
 * 4 octets (the last block's LEN overruns the datagram); CoT, the document is cut in the middle
 * (malformed XML); TAK, the first field key of the payload gets the invalid wire type 7 (the
 * framing stays intact, the message is refused); MISB, the last octet of the checksum is altered
 * (the packet fails its checksum, the whole frame is refused); SAPIENT, the frame loses its last 4
 * octets (the length prefix overruns the frame); AIS, the checksum of the first sentence is altered
 * (that sentence is refused; the second sentence of a static report then has no first and is
 * refused too); GeoJSON, the first feature's {@code time} is not a time (that feature is refused,
 * the others decode); protobuf, the first octet becomes 0xFF (an invalid wire type). Everything
 * depends only on the simulation and the order of the calls, so a seed gives the same units,
 * corrupted or not, whatever the call boundaries.
 *
 * <p>Not thread-safe; call {@link #unitsBetween} with increasing, adjacent windows.
 */
public final class SimulatedFeeds {
    /** CAT048 records per data block. */
    static final int RECORDS_PER_BLOCK = Cat048Encoder.DEFAULT_RECORDS_PER_BLOCK;

    /** System Area Code of the simulated radars; the SIC is 1 + the radar's registry index. */
    static final int SAC = 1;

    private static final Duration COT_STALE = Duration.ofSeconds(30);

    /** Least delay between an AIS transmission's second and its reception, ms. */
    static final int AIS_MIN_DELAY_MS = 100;

    /** Greatest delay between an AIS transmission's second and its reception, ms. */
    static final int AIS_MAX_DELAY_MS = 899;

    private static final double MPS_PER_KNOT = 1852.0 / 3600.0;

    private final BorderSimulation simulation;
    private final Map<String, SensorConfig> sensors = new HashMap<>();
    private final Map<String, Cat048Encoder> radars = new HashMap<>();
    private final Map<String, WireFormat> formatOf;
    private final Map<Integer, AisTransponder> transponders = new HashMap<>();
    private final double corruptionsPerMinute;
    private final List<WireFormat> formats;
    private final List<String> rotation = new ArrayList<>();
    private final Map<String, Integer> owed = new HashMap<>();
    private long corruptionsIssued;

    public SimulatedFeeds(
            BorderSimulation simulation, List<SensorConfig> sensors, double corruptionsPerMinute) {
        if (!(corruptionsPerMinute >= 0) || !Double.isFinite(corruptionsPerMinute)) {
            throw new IllegalArgumentException(
                    "corruptionsPerMinute must be finite and >= 0, was " + corruptionsPerMinute);
        }
        this.simulation = simulation;
        this.corruptionsPerMinute = corruptionsPerMinute;
        TreeSet<WireFormat> formats = new TreeSet<>();
        int radarIndex = 0;
        this.formatOf = WireFormat.of(sensors);
        for (SensorConfig s : sensors) {
            this.sensors.put(s.id(), s);
            WireFormat f = formatOf.get(s.id());
            formats.add(f);
            if (f == WireFormat.ASTERIX) {
                radars.put(s.id(), new Cat048Encoder(SAC, 1 + radarIndex++ % 255));
            }
        }
        this.formats = List.copyOf(formats);
        for (SimulatedTarget t : simulation.targets()) {
            if (t.cooperative()) {
                transponders.put(t.ais().mmsi(), t.ais());
            }
        }
        for (SensorConfig s : sensors) {
            rotation.add(s.id());
            owed.put(s.id(), 0);
        }
    }

    /** The formats in use, in {@link WireFormat} order. */
    public List<WireFormat> formats() {
        return formats;
    }

    /** The format a sensor speaks. */
    public WireFormat formatOf(String sensorId) {
        return formatOf.get(sensorId);
    }

    /** The sensors in the order they take turns at being corrupted (the registry's). */
    public List<String> corruptionRotation() {
        return List.copyOf(rotation);
    }

    /** The SIC a radar's CAT048 reports carry. */
    public int sicOf(String radarId) {
        Cat048Encoder e = radars.get(radarId);
        return e == null ? -1 : e.sic();
    }

    /** The units whose scan time is in (fromS, toS], ordered by time then sensor. */
    public List<RawUnit> unitsBetween(double fromS, double toS) {
        List<Observation> batch = simulation.observationsBetween(fromS, toS);
        List<AisStaticReport> statics = simulation.aisStaticReportsBetween(fromS, toS);
        List<RawUnit> units = new ArrayList<>();
        int i = 0;
        int s = 0;
        while (i < batch.size()) {
            int j = i + 1;
            Observation first = batch.get(i);
            while (j < batch.size()
                    && batch.get(j).sensorId().equals(first.sensorId())
                    && batch.get(j).eventTime().equals(first.eventTime())) {
                j++;
            }
            while (s < statics.size() && !statics.get(s).time().isAfter(first.eventTime())) {
                units.add(aisStatic(statics.get(s++)));
            }
            encodeScan(batch.subList(i, j), units);
            i = j;
        }
        while (s < statics.size()) {
            units.add(aisStatic(statics.get(s++)));
        }
        return units;
    }

    private void encodeScan(List<Observation> scan, List<RawUnit> out) {
        Observation first = scan.get(0);
        if (!sensors.containsKey(first.sensorId())) {
            throw new IllegalStateException("simulated sensor " + first.sensorId() + " unknown");
        }
        WireFormat format = formatOf.get(first.sensorId());
        Instant t = first.eventTime();
        double scanS = Duration.between(simulation.epoch(), t).toNanos() / 1e9;
        switch (format) {
            case ASTERIX -> out.add(maybeCorrupt(format, first.sensorId(), t, scanS, radar(scan)));
            case COT -> {
                for (int k = 0; k < scan.size(); k++) {
                    out.add(maybeCorrupt(format, first.sensorId(), t, scanS, cot(scan.get(k), k)));
                }
            }
            case TAK -> {
                for (int k = 0; k < scan.size(); k++) {
                    out.add(maybeCorrupt(format, first.sensorId(), t, scanS, tak(scan.get(k), k)));
                }
            }
            case MISB -> out.add(maybeCorrupt(format, first.sensorId(), t, scanS, misb(scan)));
            case GEOJSON -> out.add(maybeCorrupt(format, first.sensorId(), t, scanS, pass(scan)));
            case SAPIENT -> {
                for (int k = 0; k < scan.size(); k++) {
                    out.add(
                            maybeCorrupt(
                                    format, first.sensorId(), t, scanS, sapient(scan.get(k), k)));
                }
            }
            case AIS -> {
                for (Observation o : scan) {
                    int mmsi = Integer.parseInt(o.identity().mmsi());
                    out.add(
                            maybeCorrupt(
                                    format,
                                    first.sensorId(),
                                    aisReceivedAt(t, mmsi),
                                    scanS,
                                    aisPosition(o, mmsi)));
                }
            }
            case NATIVE -> {
                for (Observation o : scan) {
                    out.add(
                            maybeCorrupt(
                                    format,
                                    first.sensorId(),
                                    t,
                                    scanS,
                                    new Encoded(ObservationCodec.toBytes(o), null)));
                }
            }
        }
    }

    /** Bytes of one unit, and the same unit broken (null when built lazily). */
    private record Encoded(byte[] bytes, ObjectNode collection) {}

    private Encoded radar(List<Observation> scan) {
        Cat048Encoder encoder = radars.get(scan.get(0).sensorId());
        SensorConfig sensor = sensors.get(scan.get(0).sensorId());
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(encoder.northMarker(scan.get(0).eventTime(), sensor.periodS()));
        List<Cat048Encoder.Plot> plots = new ArrayList<>(scan.size());
        for (Observation o : scan) {
            RadarPlot p = (RadarPlot) o.measurement();
            if (p.hasElevation()) {
                // a 3-D radar reports slant range and the height (I110) of the point its
                // range, azimuth and elevation give: the mapper finds the same point again
                double up = p.rangeM() * Math.tan(Math.toRadians(p.elevationDeg()));
                plots.add(
                        new Cat048Encoder.Plot(
                                o.eventTime(),
                                Math.min(Math.hypot(p.rangeM(), up), Cat048Encoder.MAX_RANGE_M),
                                p.azimuthDeg(),
                                p.pointHeightM()));
            } else {
                plots.add(
                        new Cat048Encoder.Plot(
                                o.eventTime(),
                                Math.min(p.rangeM(), Cat048Encoder.MAX_RANGE_M),
                                p.azimuthDeg()));
            }
        }
        encoder.blocks(plots, RECORDS_PER_BLOCK).forEach(datagram::writeBytes);
        return new Encoded(datagram.toByteArray(), null);
    }

    private Encoded cot(Observation o, int index) {
        return new Encoded(CotDetectionEncoder.encode(detection(o, index)), null);
    }

    private Encoded tak(Observation o, int index) {
        return new Encoded(TakDetectionEncoder.streamMessage(detection(o, index)), null);
    }

    /**
     * One video frame: each detection's position and its error ellipse (sigma north and east and
     * their correlation, from the covariance).
     */
    private Encoded misb(List<Observation> scan) {
        Observation first = scan.get(0);
        SensorConfig sensor = sensors.get(first.sensorId());
        List<UasVmtiEncoder.Target> targets = new ArrayList<>(scan.size());
        for (Observation o : scan) {
            PositionFix f = (PositionFix) o.measurement();
            double sNorth = Math.sqrt(f.covNorthNorthM2());
            double sEast = Math.sqrt(f.covEastEastM2());
            double rho = sNorth > 0 && sEast > 0 ? f.covEastNorthM2() / (sNorth * sEast) : 0.0;
            targets.add(
                    new UasVmtiEncoder.Target(
                            f.position().latDeg(),
                            f.position().lonDeg(),
                            f.position().altM(),
                            sNorth,
                            sEast,
                            rho,
                            // a measured height goes with its sigma, else the sigma is unknown
                            f.sigmaAltM()));
        }
        return new Encoded(
                UasVmtiEncoder.encode(
                        new UasVmtiEncoder.Frame(
                                first.eventTime(),
                                "",
                                first.sensorId(),
                                sensor.position().latDeg(),
                                sensor.position().lonDeg(),
                                sensor.position().altM(),
                                "cordon-simulator",
                                targets)),
                null);
    }

    private static CotDetectionEncoder.Detection detection(Observation o, int index) {
        PositionFix f = (PositionFix) o.measurement();
        return new CotDetectionEncoder.Detection(
                o.sensorId() + ".det." + o.eventTime().toEpochMilli() + "." + index,
                cotType(o.classification().targetClass()),
                "m-i",
                o.eventTime(),
                COT_STALE,
                f.position().latDeg(),
                f.position().lonDeg(),
                f.position().altM(),
                Math.sqrt(f.covEastEastM2()),
                // le: a measured height's sigma; unknown (9 999 999) when the fix has no height
                f.sigmaAltM() > 0 ? f.sigmaAltM() : Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /**
     * The CoT type of a detection of this class (MIL-STD-2525 atoms, affiliation unknown), as
     * {@code CotObservationMapper} reads it back: the simulation classifies only flights, so ground
     * detections stay {@code a-u-G}.
     */
    static String cotType(TargetClass c) {
        return switch (c) {
            case DRONE -> "a-u-A-M-F-Q";
            case AIRCRAFT -> "a-u-A";
            case VESSEL -> "a-u-S";
            case LAND_VEHICLE -> "a-u-G-E-V";
            case PERSON -> "a-u-G-U-C-I";
            default -> "a-u-G";
        };
    }

    private Encoded sapient(Observation o, int index) {
        PositionFix f = (PositionFix) o.measurement();
        return new Encoded(
                SapientDetectionEncoder.encode(
                        new SapientDetectionEncoder.Detection(
                                "node-" + o.sensorId(),
                                o.observationId(),
                                o.sensorId() + ".obj." + o.eventTime().toEpochMilli() + "." + index,
                                o.eventTime(),
                                f.position().latDeg(),
                                f.position().lonDeg(),
                                f.position().altM(),
                                Math.sqrt(f.covEastEastM2()),
                                Math.sqrt(f.covNorthNorthM2()),
                                null,
                                Double.NaN)),
                null);
    }

    private Encoded aisPosition(Observation o, int mmsi) {
        AisTransponder ais = transponders.get(mmsi);
        if (ais == null) {
            throw new IllegalStateException("no simulated transponder has MMSI " + mmsi);
        }
        PositionFix f = (PositionFix) o.measurement();
        Velocity v = o.velocity();
        double course = v.courseDeg();
        AisNmeaEncoder.Position p =
                new AisNmeaEncoder.Position(
                        mmsi,
                        o.eventTime(),
                        f.position().latDeg(),
                        f.position().lonDeg(),
                        v.groundSpeedMps() / MPS_PER_KNOT,
                        course,
                        (int) Math.round(course) % 360,
                        false);
        char channel = channel(o.eventTime(), mmsi);
        List<String> lines =
                ais.classA()
                        ? AisNmeaEncoder.classA(p, channel)
                        : AisNmeaEncoder.classB(p, channel);
        return new Encoded(AisNmeaEncoder.lines(lines), null);
    }

    private RawUnit aisStatic(AisStaticReport r) {
        AisTransponder ais = r.transponder();
        long second = r.time().getEpochSecond();
        List<String> lines =
                AisNmeaEncoder.staticAndVoyage(
                        new AisNmeaEncoder.StaticData(
                                ais.mmsi(),
                                0,
                                ais.callsign(),
                                ais.name(),
                                0, // type of ship: not available (a vehicle)
                                3,
                                2,
                                1,
                                1,
                                ""),
                        channel(r.time(), ais.mmsi()),
                        (int) Math.floorMod(second + ais.mmsi(), 10L));
        double scanS = Duration.between(simulation.epoch(), r.time()).toNanos() / 1e9;
        return maybeCorrupt(
                WireFormat.AIS,
                r.sensorId(),
                aisReceivedAt(r.time(), ais.mmsi()),
                scanS,
                new Encoded(AisNmeaEncoder.lines(lines), null));
    }

    /** When the receiver got a transmission of {@code mmsi} sent in the second {@code sent}. */
    static Instant aisReceivedAt(Instant sent, int mmsi) {
        long spread = AIS_MAX_DELAY_MS - AIS_MIN_DELAY_MS + 1;
        long hash = (sent.getEpochSecond() * 0x9E3779B97F4A7C15L) ^ (mmsi * 0xC2B2AE3DL);
        return sent.plusMillis(AIS_MIN_DELAY_MS + Math.floorMod(hash >>> 17, spread));
    }

    private static char channel(Instant time, int mmsi) {
        return ((time.getEpochSecond() + mmsi) & 1) == 0 ? 'A' : 'B';
    }

    /** The lines with the first sentence's checksum altered. */
    private static byte[] badChecksum(byte[] lines) {
        String text = new String(lines, StandardCharsets.US_ASCII);
        int star = text.indexOf('*');
        int sum = Integer.parseInt(text.substring(star + 1, star + 3), 16);
        String broken =
                text.substring(0, star + 1)
                        + String.format(Locale.ROOT, "%02X", (sum + 1) & 0xFF)
                        + text.substring(star + 3);
        return broken.getBytes(StandardCharsets.US_ASCII);
    }

    private Encoded pass(List<Observation> scan) {
        List<ObjectNode> features = new ArrayList<>(scan.size());
        for (int k = 0; k < scan.size(); k++) {
            Observation o = scan.get(k);
            PositionFix f = (PositionFix) o.measurement();
            features.add(
                    SatelliteDetectionEncoder.feature(
                            new SatelliteDetectionEncoder.Detection(
                                    o.sensorId() + "-" + o.eventTime().toEpochMilli() + "-" + k,
                                    o.eventTime(),
                                    f.position().latDeg(),
                                    f.position().lonDeg(),
                                    f.position().altM(),
                                    f.covEastEastM2(),
                                    f.covEastNorthM2(),
                                    f.covNorthNorthM2(),
                                    // a land scene: no detection is taken for a vessel
                                    0.0,
                                    "cordon-simulator")));
        }
        ObjectNode collection = SatelliteDetectionEncoder.collection(features);
        return new Encoded(SatelliteDetectionEncoder.bytes(collection), collection);
    }

    private RawUnit maybeCorrupt(
            WireFormat format, String sensorId, Instant t, double scanS, Encoded encoded) {
        long due = (long) Math.floor(scanS * corruptionsPerMinute / 60.0);
        while (corruptionsIssued < due) {
            int first = (int) (corruptionsIssued % rotation.size());
            for (int k = 0; k < rotation.size(); k++) {
                String turn = rotation.get((first + k) % rotation.size());
                if (owed.get(turn) == 0) {
                    owed.put(turn, 1);
                    break;
                }
            }
            corruptionsIssued++;
        }
        if (owed.get(sensorId) == 0) {
            return new RawUnit(format, sensorId, t, encoded.bytes(), null);
        }
        owed.merge(sensorId, -1, Integer::sum);
        byte[] b = encoded.bytes();
        return switch (format) {
            case ASTERIX ->
                    new RawUnit(
                            format,
                            sensorId,
                            t,
                            Arrays.copyOf(b, Math.max(1, b.length - 4)),
                            "datagram truncated by 4 octets");
            case COT ->
                    new RawUnit(
                            format,
                            sensorId,
                            t,
                            Arrays.copyOf(b, b.length / 2),
                            "document cut in the middle");
            case SAPIENT ->
                    new RawUnit(
                            format,
                            sensorId,
                            t,
                            Arrays.copyOf(b, Math.max(1, b.length - 4)),
                            "frame truncated by 4 octets");
            case TAK -> {
                // 0xBF, the length varint (its last octet < 0x80), then the payload's first key
                int payload = 1;
                while ((b[payload] & 0x80) != 0) {
                    payload++;
                }
                byte[] broken = b.clone();
                broken[payload + 1] = (byte) (broken[payload + 1] | 0x07);
                yield new RawUnit(
                        format,
                        sensorId,
                        t,
                        broken,
                        "the payload's first field key has the invalid wire type 7");
            }
            case MISB -> {
                byte[] broken = b.clone();
                broken[broken.length - 1] = (byte) (broken[broken.length - 1] ^ 0x01);
                yield new RawUnit(format, sensorId, t, broken, "last checksum octet altered");
            }
            case AIS ->
                    new RawUnit(
                            format,
                            sensorId,
                            t,
                            badChecksum(b),
                            "checksum of the first sentence altered");
            case GEOJSON -> {
                ObjectNode collection = encoded.collection().deepCopy();
                var features =
                        (com.fasterxml.jackson.databind.node.ArrayNode) collection.get("features");
                if (features.isEmpty()) {
                    yield new RawUnit(
                            format, sensorId, t, Arrays.copyOf(b, b.length / 2), "document cut");
                }
                ((ObjectNode) features.get(0).get("properties")).put("time", "not-a-time");
                yield new RawUnit(
                        format,
                        sensorId,
                        t,
                        SatelliteDetectionEncoder.bytes(collection),
                        "first feature's time is not a time");
            }
            case NATIVE -> {
                byte[] broken = b.clone();
                broken[0] = (byte) 0xFF;
                yield new RawUnit(format, sensorId, t, broken, "first octet set to 0xFF");
            }
        };
    }
}
