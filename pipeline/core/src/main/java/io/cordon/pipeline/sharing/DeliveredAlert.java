package io.cordon.pipeline.sharing;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import java.time.Instant;

/**
 * What Cordon remembers about an alert it delivered to one partner, until the alert closes: enough
 * to send later messages of the same alert to the same partner, and to retract it with nothing the
 * partner did not already receive.
 *
 * @param type the alert's type
 * @param severity the severity last delivered
 * @param windowStart the window start last delivered
 */
public record DeliveredAlert(AlertType type, Severity severity, Instant windowStart) {
    /** {@code TYPE|SEVERITY|epoch millis}: the operator's state value. */
    public String encode() {
        return type.name() + "|" + severity.name() + "|" + windowStart.toEpochMilli();
    }

    public static DeliveredAlert decode(String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException("not a delivered-alert state: " + text);
        }
        return new DeliveredAlert(
                AlertType.valueOf(p[0]),
                Severity.valueOf(p[1]),
                Instant.ofEpochMilli(Long.parseLong(p[2])));
    }
}
