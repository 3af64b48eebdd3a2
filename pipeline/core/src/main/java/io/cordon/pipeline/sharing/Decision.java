package io.cordon.pipeline.sharing;

/**
 * The sharing policy's decision for one partner and one alert.
 *
 * @param partnerId the partner
 * @param alertId the alert
 * @param outcome deliver or withhold
 * @param reason why, in English, for the audit trail (names the rule that decided)
 */
public record Decision(String partnerId, String alertId, Outcome outcome, String reason) {
    /** What happens to the alert for this partner. */
    public enum Outcome {
        DELIVER,
        WITHHELD
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVER;
    }
}
