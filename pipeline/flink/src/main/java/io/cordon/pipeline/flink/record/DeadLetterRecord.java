package io.cordon.pipeline.flink.record;

/** Something that could not be used, with where it came from and why. */
public class DeadLetterRecord {
    public byte[] raw;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;

    /** The job stage that refused it, e.g. {@code fusion.decode}. */
    public String stage;

    public String reason;
    public String errorClass;

    /** Processing time it was refused, epoch milliseconds. */
    public long receivedAtMs;

    public DeadLetterRecord() {}

    public static DeadLetterRecord of(
            RawRecord raw, String stage, String reason, String errorClass, long nowMs) {
        DeadLetterRecord d = new DeadLetterRecord();
        d.raw = raw.value == null ? new byte[0] : raw.value;
        d.sourceTopic = raw.topic;
        d.sourcePartition = raw.partition;
        d.sourceOffset = raw.offset;
        d.stage = stage;
        d.reason = reason;
        d.errorClass = errorClass == null ? "" : errorClass;
        d.receivedAtMs = nowMs;
        return d;
    }
}
