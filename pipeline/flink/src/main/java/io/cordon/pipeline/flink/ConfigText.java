package io.cordon.pipeline.flink;

import io.cordon.pipeline.config.CordonConfig;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * The configuration as text, shipped inside operators and parsed again in {@code open()}: core
 * config records stay plain (not {@link Serializable}), and a task manager parses exactly what the
 * client validated. Files the config names (borders) are shipped as text by the job builder, so
 * task managers never read the client's disk.
 *
 * @param yaml the cordon.yaml text
 * @param baseDir the directory relative paths in it were resolved against, on the client
 */
public record ConfigText(String yaml, String baseDir) implements Serializable {
    public CordonConfig parse() {
        return CordonConfig.parse(yaml, Path.of(baseDir));
    }
}
