package io.cordon.connectors.ais.message;

/**
 * Estimated time of arrival as the master entered it (UTC, no year).
 *
 * @param month 1-12
 * @param day 1-31
 * @param hour 0-23
 * @param minute 0-59
 */
public record Eta(int month, int day, int hour, int minute) {}
