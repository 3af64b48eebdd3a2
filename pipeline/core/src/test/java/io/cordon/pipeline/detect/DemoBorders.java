package io.cordon.pipeline.detect;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.BorderConfig;
import java.nio.file.Path;
import java.util.List;

/** The demo border file, shared by detector tests. */
public final class DemoBorders {
    public static final BorderMap MAP =
            BorderMap.load(
                    new BorderConfig(
                            Path.of("../../deploy/borders/us-mexico-sonora.geojson"), List.of()));

    private DemoBorders() {}
}
