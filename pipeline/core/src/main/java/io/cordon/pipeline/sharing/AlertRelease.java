package io.cordon.pipeline.sharing;

import io.cordon.pipeline.alert.Alert;

/**
 * The outcome of one alert message for one partner.
 *
 * @param decision what was decided and why
 * @param message what goes to the partner: the redacted alert, its retraction, or null when
 *     withheld
 * @param next what to remember about this alert for this partner afterwards; null = nothing (never
 *     delivered, closed or retracted)
 */
public record AlertRelease(Decision decision, Alert message, DeliveredAlert next) {}
