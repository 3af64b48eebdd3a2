package io.cordon.connectors.sapient;

/**
 * A class the node reports for an object.
 *
 * @param type the class in the node's taxonomy (for example "Human", "Vehicle")
 * @param confidence probability in [0, 1]; {@code NaN} when not given
 */
public record SapientClassification(String type, double confidence) {}
