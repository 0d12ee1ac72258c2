package io.rebalancer.engine.journaling;

/** Told at the end of each engine batch; takes a snapshot of the engine when one is due. Engine thread only. */
public interface SnapshotPolicy {
    /** Never snapshots. */
    SnapshotPolicy NEVER = lastSequence -> {
    };

    /** @param lastSequence the input sequence that ended the batch */
    void afterBatch(long lastSequence);
}
