package io.cordon.pipeline.flink.codec;

/**
 * A proto field holds a value the core cannot accept. Internal to the codecs: every public decode
 * method catches it and returns {@link DecodeResult.Failed} with its message.
 */
final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidFieldException(String message) {
        super(message);
    }

    // Thrown once per bad record on a hot path and always caught: a stack trace would only cost.
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
