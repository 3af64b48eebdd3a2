package io.cordon.pipeline.config;

import io.cordon.pipeline.geo.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole of {@code cordon.yaml}: where Kafka is, the topics, the fusion reference point, the
 * partners and their sharing agreements, the sensors, borders, restricted zones, detector
 * parameters and the local simulator. The annotated example is {@code deploy/cordon.yaml}.
 *
 * <p>Cross-references are checked here: partner ids are unique, every sensor belongs to a declared
 * partner, every {@code releasableTo} and {@code fromPartners} id is a declared partner, sensor and
 * zone ids are unique.
 *
 * @param kafka how to reach Kafka
 * @param topics topic names
 * @param reference origin of the fusion tangent plane (WGS84; required)
 * @param partners the partners, in declaration order
 * @param sensors the sensor registry, in declaration order
 * @param borders border file and ports of entry
 * @param zones restricted areas
 * @param detectors per-detector parameter overrides
 * @param simulation the local demo's scenario simulator
 * @param fusion how fusion is partitioned in space (default: one partition)
 */
public record CordonConfig(
        KafkaSettings kafka,
        Topics topics,
        GeoPoint reference,
        List<PartnerConfig> partners,
        List<SensorConfig> sensors,
        BorderConfig borders,
        List<ZoneConfig> zones,
        DetectorSettings detectors,
        SimulationConfig simulation,
        FusionConfig fusion) {

    public CordonConfig {
        kafka = kafka == null ? KafkaSettings.DEFAULT : kafka;
        topics = topics == null ? Topics.DEFAULTS : topics;
        ConfigChecks.required(
                "reference", reference, "a map with latDeg, lonDeg and optional altM");
        partners = List.copyOf(partners == null ? List.of() : partners);
        sensors = List.copyOf(sensors == null ? List.of() : sensors);
        borders = borders == null ? BorderConfig.NONE : borders;
        zones = List.copyOf(zones == null ? List.of() : zones);
        detectors = detectors == null ? DetectorSettings.NONE : detectors;
        simulation = simulation == null ? SimulationConfig.DEFAULT : simulation;
        fusion = fusion == null ? FusionConfig.SINGLE : fusion;
        checkReferences(partners, sensors, zones);
    }

    /** A configuration with one fusion partition (the form before the fusion section). */
    public CordonConfig(
            KafkaSettings kafka,
            Topics topics,
            GeoPoint reference,
            List<PartnerConfig> partners,
            List<SensorConfig> sensors,
            BorderConfig borders,
            List<ZoneConfig> zones,
            DetectorSettings detectors,
            SimulationConfig simulation) {
        this(
                kafka,
                topics,
                reference,
                partners,
                sensors,
                borders,
                zones,
                detectors,
                simulation,
                FusionConfig.SINGLE);
    }

    /** Reads and validates a config file; relative paths in it resolve against its directory. */
    public static CordonConfig load(Path yamlFile) {
        String text;
        try {
            text = Files.readString(yamlFile);
        } catch (IOException e) {
            throw new ConfigException(
                    "(file)", yamlFile.toString(), "a readable YAML file (" + e + ")", e);
        }
        Path dir = yamlFile.toAbsolutePath().getParent();
        return parse(text, dir);
    }

    /**
     * Parses and validates YAML text.
     *
     * @param yaml the document
     * @param baseDir directory that relative file paths (such as {@code borders.file}) resolve
     *     against
     * @throws ConfigException naming the key path, the value found and what is allowed
     */
    public static CordonConfig parse(String yaml, Path baseDir) {
        return new CordonConfigReader(baseDir).read(yaml);
    }

    /** The partner with this id, if declared. */
    public Optional<PartnerConfig> partner(String partnerId) {
        return partners.stream().filter(p -> p.id().equals(partnerId)).findFirst();
    }

    /** The sensor with this id, if declared. */
    public Optional<SensorConfig> sensor(String sensorId) {
        return sensors.stream().filter(s -> s.id().equals(sensorId)).findFirst();
    }

    private static void checkReferences(
            List<PartnerConfig> partners, List<SensorConfig> sensors, List<ZoneConfig> zones) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            if (!ids.add(partners.get(i).id())) {
                throw new ConfigException(
                        "partners[" + i + "].id",
                        partners.get(i).id(),
                        "an id not used by another partner");
            }
        }
        String declared = "a declared partner id, one of " + ids.stream().sorted().toList();
        for (int i = 0; i < partners.size(); i++) {
            for (String from : partners.get(i).sharing().fromPartners()) {
                if (!ids.contains(from)) {
                    throw new ConfigException(
                            "partners[" + i + "].sharing.fromPartners", from, declared);
                }
            }
        }
        Set<String> sensorIds = new HashSet<>();
        for (int i = 0; i < sensors.size(); i++) {
            SensorConfig s = sensors.get(i);
            if (!sensorIds.add(s.id())) {
                throw new ConfigException(
                        "sensors[" + i + "].id", s.id(), "an id not used by another sensor");
            }
            if (!ids.contains(s.partnerId())) {
                throw new ConfigException("sensors[" + i + "].partnerId", s.partnerId(), declared);
            }
            for (String to : new java.util.TreeSet<>(s.releasability().partners())) {
                if (!ids.contains(to)) {
                    throw new ConfigException("sensors[" + i + "].releasableTo", to, declared);
                }
            }
        }
        Set<String> zoneIds = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            if (!zoneIds.add(zones.get(i).id())) {
                throw new ConfigException(
                        "zones[" + i + "].id", zones.get(i).id(), "an id not used by another zone");
            }
        }
    }
}
