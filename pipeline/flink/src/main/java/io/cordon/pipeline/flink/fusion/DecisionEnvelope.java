package io.cordon.pipeline.flink.fusion;

import io.cordon.pipeline.fusion.tiling.IdentityDecision;

/** An {@link IdentityDecision} on its way to the publishing operator, as a Flink POJO. */
public class DecisionEnvelope {
    public String tileKey;
    public String localId;

    /** From when it holds, epoch milliseconds. */
    public long eventTimeMs;

    public String globalId;
    public boolean owner;

    /**
     * The entity this replica published until now and that ends here ({@link
     * IdentityDecision#ends}), or null.
     */
    public String ends;

    public DecisionEnvelope() {}

    public static DecisionEnvelope of(IdentityDecision d) {
        DecisionEnvelope e = new DecisionEnvelope();
        e.tileKey = d.tile().key();
        e.localId = d.localId();
        e.eventTimeMs = d.time().toEpochMilli();
        e.globalId = d.globalId();
        e.owner = d.owner();
        e.ends = d.ends();
        return e;
    }

    public String replicaKey() {
        return TileTrackEnvelope.replicaKey(tileKey, localId);
    }
}
