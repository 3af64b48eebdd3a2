package io.cordon.pipeline.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic alert ids: the same detector, entities and window key always give the same id, so
 * replay and recovery neither lose nor duplicate alerts.
 */
public final class AlertIds {
    private AlertIds() {}

    /**
     * An id of the form {@code <type>-<20 hex digits>} from the SHA-256 of detector, sorted track
     * ids and a window key (for example the event time of a crossing in epoch milliseconds).
     */
    public static String of(
            AlertType type, String detector, List<String> trackIds, String windowKey) {
        List<String> sorted = trackIds.stream().sorted().toList();
        String material = detector + '|' + String.join(",", sorted) + '|' + windowKey;
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(material.getBytes(StandardCharsets.UTF_8));
            return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "-"
                    + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
