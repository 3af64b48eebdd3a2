package io.cordon.pipeline.config;

/**
 * How the fusion job divides space between parallel trackers. Without a tile size (the default) one
 * tracker fuses everything; with one, square tiles of the fusion tangent plane each run their own
 * tracker over their core and a halo, and an identity stage keeps one id per target across tiles
 * (docs/architecture.md, "Fusion partitioning").
 *
 * @param tileSizeM edge of a tile, m: 0 for one partition, else at least 1 000
 * @param haloM width of the halo around each tile's core, m: more than the largest association
 *     gate; 0 with one partition, else in (0, tileSizeM / 3)
 */
public record FusionConfig(double tileSizeM, double haloM) {
    public static final FusionConfig SINGLE = new FusionConfig(0, 0);

    public FusionConfig {
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
