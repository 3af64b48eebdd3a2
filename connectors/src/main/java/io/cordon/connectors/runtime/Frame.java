package io.cordon.connectors.runtime;

/**
 * One unit cut from a byte stream by a framer.
 *
 * @param offset byte offset of the unit's first byte in the whole stream
 * @param line 1-based line number for line-framed text, else -1
 * @param bytes the unit (for lines: without the line terminator)
 */
public record Frame(long offset, long line, byte[] bytes) {}
