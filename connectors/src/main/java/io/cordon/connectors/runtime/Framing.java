package io.cordon.connectors.runtime;

/** How a transport delivers bytes. */
public enum Framing {
    /** A byte stream read in arbitrary chunks (TCP, a file): the format's framing applies. */
    STREAM,
    /** Datagrams, each a whole unit of the format (UDP). */
    DATAGRAM
}
