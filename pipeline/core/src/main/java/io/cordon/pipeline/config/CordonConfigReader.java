package io.cordon.pipeline.config;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.tracker.ProcessNoise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads the YAML tree of {@code cordon.yaml} into {@link CordonConfig}, key path by key path. */
final class CordonConfigReader {
    private final Path baseDir;

    CordonConfigReader(Path baseDir) {
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
    }

    CordonConfig read(String yaml) {
        Object tree;
        try {
            LoadSettings settings =
                    LoadSettings.builder()
                            .setLabel("cordon.yaml")
                            .setAllowDuplicateKeys(false)
                            .build();
            tree = new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ConfigException("(document)", e.getMessage(), "valid YAML", e);
        }
        YamlNode.Fields root =
                new YamlNode("", tree)
                        .fields(
                                "kafka",
                                "topics",
                                "reference",
                                "partners",
                                "sensors",
                                "borders",
                                "zones",
                                "detectors",
                                "simulation",
                                "fusion");
        YamlNode kafka = root.get("kafka");
        List<PartnerConfig> partners =
                root.get("partners").elements().stream().map(this::partner).toList();
        Set<String> partnerIds = new java.util.TreeSet<>();
        partners.forEach(p -> partnerIds.add(p.id()));
        return new CordonConfig(
                kafka.build(
                        () ->
                                new KafkaSettings(
                                        kafka.fields("bootstrapServers")
                                                .get("bootstrapServers")
                                                .text(KafkaSettings.DEFAULT.bootstrapServers()))),
                topics(root.get("topics")),
                root.required("reference", "a map with latDeg, lonDeg and optional altM")
                        .geoPoint(),
                partners,
                root.get("sensors").elements().stream().map(n -> sensor(n, partnerIds)).toList(),
                borders(root.get("borders")),
                root.get("zones").elements().stream().map(this::zone).toList(),
                detectors(root.get("detectors")),
                simulation(root.get("simulation")),
                fusion(root.get("fusion")));
    }

    private FusionConfig fusion(YamlNode node) {
        YamlNode.Fields f = node.fields("tileSizeM", "haloM", "processNoise");
        Map<TargetClass, ProcessNoise> noise = processNoise(f.get("processNoise"));
        return node.build(
                () ->
                        new FusionConfig(
                                f.get("tileSizeM").number(0.0), f.get("haloM").number(0.0), noise));
    }

    /**
     * {@code fusion.processNoise}: a map from target class (not UNKNOWN) to its straight and turn
     * models' white-noise acceleration densities, each a finite number > 0 (m²/s³).
     */
    private static Map<TargetClass, ProcessNoise> processNoise(YamlNode node) {
        Map<TargetClass, ProcessNoise> out = new EnumMap<>(TargetClass.class);
        List<String> classes = new ArrayList<>();
        for (TargetClass c : TargetClass.values()) {
            if (c != TargetClass.UNKNOWN) {
                classes.add(c.name());
            }
        }
        YamlNode.Fields f = node.fields(classes.toArray(new String[0]));
        for (String name : classes) {
            YamlNode entry = f.get(name);
            if (!entry.present()) {
                continue;
            }
            YamlNode.Fields n = entry.fields("straightM2PerS3", "turnM2PerS3");
            double straight = positive(n.required("straightM2PerS3", POSITIVE_NOISE));
            double turn = positive(n.required("turnM2PerS3", POSITIVE_NOISE));
            out.put(TargetClass.valueOf(name), new ProcessNoise(straight, turn));
        }
        return out;
    }

    private static final String POSITIVE_NOISE = "a finite number > 0 (m²/s³)";

    private static double positive(YamlNode node) {
        double v = node.number();
        if (!(v > 0)) {
            throw new ConfigException(node.path(), v, POSITIVE_NOISE);
        }
        return v;
    }

    private Topics topics(YamlNode node) {
        Topics d = Topics.DEFAULTS;
        YamlNode.Fields f =
                node.fields(
                        "observations",
                        "tracks",
                        "alerts",
                        "deadLetter",
                        "audit",
                        "sensors",
                        "config");
        return node.build(
                () ->
                        new Topics(
                                f.get("observations").text(d.observations()),
                                f.get("tracks").text(d.tracks()),
                                f.get("alerts").text(d.alerts()),
                                f.get("deadLetter").text(d.deadLetter()),
                                f.get("audit").text(d.audit()),
                                f.get("sensors").text(d.sensors()),
                                f.get("config").text(d.config())));
    }

    private PartnerConfig partner(YamlNode node) {
        return PartnersReader.partner(node);
    }

    private SensorConfig sensor(YamlNode node, Set<String> partnerIds) {
        YamlNode.Fields f =
                node.fields(
                        "id",
                        "partnerId",
                        "kind",
                        "position",
                        "rangeM",
                        "periodS",
                        "sigmaRangeM",
                        "sigmaAzimuthDeg",
                        "sigmaHeightM",
                        "sigmaPositionM",
                        "detectionProbability",
                        "clutterPerScan",
                        "releasableTo",
                        "maxOutOfOrdernessS",
                        "idlenessS");
        String id = f.required("id", "a sensor id").text();
        String partnerId = f.required("partnerId", "a declared partner id").text();
        SensorKind kind =
                f.required("kind", "one of " + YamlNode.names(SensorKind.class))
                        .enumValue(SensorKind.class);
        SensorDefaults d = SensorDefaults.of(kind);
        YamlNode releasableTo = f.get("releasableTo");
        Marking marking =
                releasableTo.present()
                        ? Marking.releasableTo(declared(releasableTo.elements(), partnerIds))
                        : Marking.UNRESTRICTED;
        return node.build(
                () ->
                        new SensorConfig(
                                id,
                                partnerId,
                                kind,
                                f.get("position").geoPoint(),
                                f.get("rangeM").number(d.rangeM()),
                                f.get("periodS").number(d.periodS()),
                                f.get("sigmaRangeM").number(d.sigmaRangeM()),
                                f.get("sigmaAzimuthDeg").number(d.sigmaAzimuthDeg()),
                                f.get("sigmaHeightM").number(0.0),
                                f.get("sigmaPositionM").number(d.sigmaPositionM()),
                                f.get("detectionProbability").number(d.detectionProbability()),
                                f.get("clutterPerScan").number(d.clutterPerScan()),
                                marking,
                                f.get("maxOutOfOrdernessS").number(Double.NaN),
                                f.get("idlenessS").number(Double.NaN)));
    }

    private BorderConfig borders(YamlNode node) {
        if (!node.present()) {
            return BorderConfig.NONE;
        }
        YamlNode.Fields f = node.fields("file", "portsOfEntry", "controlLines");
        YamlNode fileNode = f.get("file");
        Path file = null;
        if (fileNode.present()) {
            file = baseDir.resolve(fileNode.text()).normalize();
            if (!Files.isReadable(file)) {
                throw new ConfigException(
                        fileNode.path(),
                        fileNode.text()
                                + " (resolved to "
                                + file.toAbsolutePath()
                                + ", not readable)",
                        "a readable GeoJSON file; relative paths resolve against the config file's"
                                + " directory");
            }
        }
        List<PortOfEntry> ports = new ArrayList<>();
        for (YamlNode p : f.get("portsOfEntry").elements()) {
            YamlNode.Fields pf = p.fields("name", "position", "radiusM");
            ports.add(
                    p.build(
                            () ->
                                    new PortOfEntry(
                                            pf.required("name", "a non-empty string").text(),
                                            pf.get("position").geoPoint(),
                                            pf.get("radiusM")
                                                    .number(PortOfEntry.DEFAULT_RADIUS_M))));
        }
        List<ControlLine> controlLines = new ArrayList<>();
        for (YamlNode c : f.get("controlLines").elements()) {
            YamlNode.Fields cf = c.fields("name", "wkt", "left", "right");
            controlLines.add(
                    c.build(
                            () ->
                                    new ControlLine(
                                            cf.required("name", "a non-empty string").text(),
                                            cf.required("wkt", "WKT LINESTRING").text(),
                                            cf.get("left").text("UNKNOWN"),
                                            cf.get("right").text("UNKNOWN"))));
        }
        Path resolved = file;
        return node.build(() -> new BorderConfig(resolved, ports, controlLines));
    }

    private ZoneConfig zone(YamlNode node) {
        YamlNode.Fields f = node.fields("id", "name", "wkt", "severity");
        return node.build(
                () ->
                        new ZoneConfig(
                                f.required("id", "a zone id").text(),
                                f.required("name", "a non-empty string").text(),
                                f.required("wkt", "WKT POLYGON or MULTIPOLYGON").text(),
                                f.get("severity").enumValue(Severity.class, Severity.HIGH)));
    }

    private DetectorSettings detectors(YamlNode node) {
        YamlNode.Fields f = node.fields(DetectorSettings.KNOWN.toArray(String[]::new));
        Map<String, ParameterSection> sections = new LinkedHashMap<>();
        for (String name : f.keys()) {
            sections.put(name, new ParameterSection(f.get(name)));
        }
        return node.build(() -> new DetectorSettings(sections));
    }

    private SimulationConfig simulation(YamlNode node) {
        SimulationConfig d = SimulationConfig.DEFAULT;
        YamlNode.Fields f =
                node.fields(
                        "seed",
                        "targets",
                        "speedup",
                        "crossingFraction",
                        "malformedPerMinute",
                        "lowFlyers",
                        "airMeetings");
        int targets = count(f, "targets", d.targets(), 100_000);
        int lowFlyers = count(f, "lowFlyers", d.lowFlyers(), 100);
        int airMeetings = count(f, "airMeetings", d.airMeetings(), 100);
        return node.build(
                () ->
                        new SimulationConfig(
                                f.get("seed").integer(d.seed()),
                                targets,
                                f.get("speedup").number(d.speedup()),
                                f.get("crossingFraction").number(d.crossingFraction()),
                                f.get("malformedPerMinute").number(d.malformedPerMinute()),
                                lowFlyers,
                                airMeetings));
    }

    /** A count in [0, max] (the key's default when absent); outside, an error naming the key. */
    private static int count(YamlNode.Fields f, String key, int dflt, int max) {
        long n = f.get(key).integer(dflt);
        if (n < 0 || n > max) {
            throw new ConfigException(f.get(key).path(), n, "an integer in [0, " + max + "]");
        }
        return (int) n;
    }

    private static List<String> declared(List<YamlNode> ids, Set<String> partnerIds) {
        List<String> out = new ArrayList<>();
        for (YamlNode id : ids) {
            if (!partnerIds.contains(id.text())) {
                throw new ConfigException(
                        id.path(), id.text(), "a declared partner id, one of " + partnerIds);
            }
            out.add(id.text());
        }
        return out;
    }
}
