package io.cordon.pipeline.sharing;

/**
 * The sharing policy's decision for one partner and one alert message.
 *
 * @param partnerId the partner
 * @param alertId the alert
 * @param outcome deliver, retract or withhold
 * @param reason why, in English, for the audit trail (names the rule that decided)
 */
public record Decision(String partnerId, String alertId, Outcome outcome, String reason) {
    /** What happens to the alert message for this partner. */
    public enum Outcome {
        /** The alert, redacted by the partner's field rules, goes to the partner. */
        DELIVER,
        /**
         * The partner received this alert before but may no longer receive its content (its marking
         * or the agreement now excludes it): a content-free closure goes instead, so that the
         * partner's picture does not keep an alert that Cordon can no longer update.
         */
        RETRACT,
        /** Nothing goes to the partner. */
        WITHHELD
    }

    /** True when something is written to the partner's outputs (the alert or its retraction). */
    public boolean delivered() {
        return outcome != Outcome.WITHHELD;
    }
}
