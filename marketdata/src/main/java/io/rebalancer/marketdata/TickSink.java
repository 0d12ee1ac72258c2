package io.rebalancer.marketdata;

/**
 * Where a market-data source delivers its ticks: every source (CSV replay, the synthetic market, FIX market data,
 * a recorded feed) calls this on its own thread, one call per instrument update, with primitives only.
 * <p>
 * Prices are micros ({@link io.rebalancer.engine.domain.Fixed}); 0 means "side not quoted"; a field the source
 * could not read as a number is {@link io.rebalancer.engine.domain.Fixed#INVALID}. The source does not judge its
 * ticks: {@link io.rebalancer.marketdata.edge.MarketDataEdge} does, before anything reaches the engine.
 */
public interface TickSink {
    /** The instrument id of a symbol the configuration does not know; {@link #onUnknownSymbol} says which. */
    int UNKNOWN_INSTRUMENT = -1;
    /** The sequence number of a source that numbers nothing: duplicates are then found by content. */
    long NO_SEQUENCE = 0;

    /**
     * @param timeNanos    the source's event time, epoch nanoseconds
     * @param instrumentId the engine's instrument id
     * @param bid          best bid, micros
     * @param ask          best ask, micros
     * @param last         last trade or close, micros
     * @param size         last trade size in units, 0 when unknown (recorded, not used by the engine)
     * @param sequence     the source's number for this instrument's update (FIX RptSeq), consecutive from 1, or
     *                     {@link #NO_SEQUENCE}
     */
    void onTick(long timeNanos, int instrumentId, long bid, long ask, long last, long size, long sequence);

    /**
     * A tick for a symbol the configuration does not know. The characters are only valid during the call: a sink
     * that keeps them copies them.
     */
    void onUnknownSymbol(long timeNanos, CharSequence symbol);

    /**
     * The source numbers the instrument's updates afresh (a new FIX snapshot after a reconnect): its next sequence
     * number is not a duplicate of an old one. A stage that passes calls on passes this on too; a recorder records
     * it, so a replay judges the same.
     */
    default void onSequenceReset(final int instrumentId) {
    }
}
