package io.cordon.pipeline.tracker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Deterministic track ids: {@code "T-"} + the first 12 hex digits (48 bits) of SHA-256 over the
 * initiating observation's sensor id, event time and observation id. The same input gives the
 * same id in every run, after restore, and in every replica that sees the same observation (a
 * tile and its neighbour's halo), whatever else each of them sees.
 */
final class TrackIds {
    private TrackIds() {}

    static String derive(String sensorId, Instant eventTime, String observationId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key =
                    sensorId
                            + '\u0000'
                            + eventTime.getEpochSecond()
                            + '.'
                            + eventTime.getNano()
                            + '\u0000'
                            + observationId;
            byte[] digest = sha.digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("T-");
            for (int i = 0; i < 6; i++) {
                sb.append(Character.forDigit((digest[i] >> 4) & 0xf, 16));
                sb.append(Character.forDigit(digest[i] & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
