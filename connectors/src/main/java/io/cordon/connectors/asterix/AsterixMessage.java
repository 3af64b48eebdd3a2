package io.cordon.connectors.asterix;

/** A decoded ASTERIX record of any category, attributed to its data source. */
public interface AsterixMessage {
    /** The ASTERIX category the record came in. */
    int category();

    /** System Area Code of the data source (I010). */
    int sac();

    /** System Identification Code of the data source (I010). */
    int sic();
}
