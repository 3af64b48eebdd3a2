package io.cordon.pipeline.config;

import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.tracker.ProcessNoise;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the fusion job divides space between parallel trackers. Without a tile size (the default) one
 * tracker fuses everything; with one, square tiles of the fusion tangent plane each run their own
 * tracker over their core and a halo, and an identity stage keeps one id per target across tiles
 * (docs/architecture.md, "Fusion partitioning").
 *
 * @param tileSizeM edge of a tile, m: 0 for one partition, else at least 1 000
 * @param haloM width of the halo around each tile's core, m: more than the largest association
 *     gate; 0 with one partition, else in (0, tileSizeM / 3)
 * @param processNoise the tracker's process noise for these target classes, over its defaults
 *     ({@code TrackerParameters.DEFAULT_CLASS_NOISE}); not UNKNOWN
 */
public record FusionConfig(
        double tileSizeM, double haloM, Map<TargetClass, ProcessNoise> processNoise) {
    public static final FusionConfig SINGLE = new FusionConfig(0, 0);

    /** Tiles (or one partition) with the tracker's default process noise by class. */
    public FusionConfig(double tileSizeM, double haloM) {
        this(tileSizeM, haloM, Map.of());
    }

    public FusionConfig {
        processNoise = processNoise == null ? Map.of() : processNoise;
        if (processNoise.containsKey(TargetClass.UNKNOWN)) {
            throw new ConfigException(
                    "processNoise.UNKNOWN",
                    processNoise.get(TargetClass.UNKNOWN),
                    "a target class other than UNKNOWN (unclassified tracks keep the defaults)");
        }
        processNoise =
                processNoise.isEmpty()
                        ? Map.of()
                        : java.util.Collections.unmodifiableMap(new EnumMap<>(processNoise));
        if (tileSizeM == 0) {
            if (haloM != 0) {
                throw new ConfigException(
                        "haloM", haloM, "0 (or omitted) when tileSizeM is 0 (one partition)");
            }
        } else {
            if (!(tileSizeM >= 1000) || !Double.isFinite(tileSizeM)) {
                throw new ConfigException(
                        "tileSizeM", tileSizeM, "0 (one partition) or a number >= 1000");
            }
            if (!(haloM > 0 && haloM < tileSizeM / 3)) {
                throw new ConfigException(
                        "haloM",
                        haloM,
                        "a number in (0, tileSizeM / 3) = (0, " + tileSizeM / 3 + ")");
            }
        }
    }

    /** Whether fusion runs in tiles. */
    public boolean tiled() {
        return tileSizeM > 0;
    }
}
