/** The contract every format decoder follows: bytes in, values and errors with reasons out. */
package io.cordon.connectors.decode;
