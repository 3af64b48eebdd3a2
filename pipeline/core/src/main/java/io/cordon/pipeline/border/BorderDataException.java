package io.cordon.pipeline.border;

/** Border data that cannot be used: unreadable GeoJSON, or a feature without what it needs. */
public final class BorderDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BorderDataException(String message) {
        super(message);
    }

    public BorderDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
