package io.cordon.pipeline.flink.record;

import org.apache.flink.util.OutputTag;

/** Side outputs shared by Cordon's operators. */
public final class Outputs {
    private Outputs() {}

    /** Records refused by an operator, for the dead-letter topic. */
    public static final OutputTag<DeadLetterRecord> DEAD_LETTERS =
            new OutputTag<>("dead-letters") {};

    /** Audit records of delivery decisions, for the audit topic. */
    public static final OutputTag<KeyedPayload> AUDIT = new OutputTag<>("audit") {};
}
