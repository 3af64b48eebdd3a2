package io.cordon.pipeline.assignment;

/** No assignment of every row avoids the forbidden (+∞) pairs. */
public final class InfeasibleAssignmentException extends RuntimeException {
    public InfeasibleAssignmentException(String message) {
        super(message);
    }
}
