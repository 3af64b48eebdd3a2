package io.cordon.pipeline.tracker;

import java.util.Locale;

/** How {@link MultiTargetTracker} decides which detection belongs to which track. */
public enum DataAssociation {
    /**
     * Global nearest neighbour: the one joint assignment of least total cost, solved exactly per
     * cluster (Jonker–Volgenant), each track updated with at most one detection.
     */
    GNN("gnn"),
    /**
     * Joint probabilistic data association: clusters with a confirmed track and an ambiguity
     * (shared or several gated detections, at most 6 tracks and 8 detections) update each track
     * with every gated detection weighted by its marginal association probability; other clusters
     * as {@link #GNN}.
     */
    JPDA("jpda"),
    /**
     * JPDA*: as {@link #JPDA}, keeping only the most likely permutation of each set of assignments
     * (Blom &amp; Bloem 2000), which avoids pulling tracks of crossing targets together.
     */
    JPDA_STAR("jpda-star");

    private final String key;

    DataAssociation(String key) {
        this.key = key;
    }

    /** The configuration value: {@code gnn}, {@code jpda} or {@code jpda-star}. */
    public String key() {
        return key;
    }

    /**
     * The association named {@code value} (case-insensitive), for the setting {@code settingName}.
     *
     * @throws IllegalArgumentException naming the setting, the value and the allowed values
     */
    public static DataAssociation parse(String settingName, String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (DataAssociation a : values()) {
                if (a.key.equals(v)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException(
                settingName + ": unknown value '" + value + "'; allowed: gnn, jpda, jpda-star");
    }
}
