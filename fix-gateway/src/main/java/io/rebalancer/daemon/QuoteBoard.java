package io.rebalancer.daemon;

import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.synthetic.LatestQuotes;

/**
 * Told of every good tick by the market-data edge (on the feed's thread): keeps the venues' touch
 * ({@link LatestQuotes}; a price with only a last trade, such as a daily close, is both its bid and its ask, so a
 * venue fills at the close) and each instrument's first quote, where the summary's market move starts.
 */
final class QuoteBoard implements TickSink {
    private final LatestQuotes quotes;
    private final boolean keepsTouch;
    private final long[] firstBid;
    private final long[] firstAsk;

    /**
     * @param keepsTouch whether the good ticks are the venues' touch; false when the venue simulator's own market
     *                   keeps it (FIX market data from the simulator: its board has one writer, its market)
     */
    QuoteBoard(final LatestQuotes quotes, final boolean keepsTouch) {
        this.quotes = quotes;
        this.keepsTouch = keepsTouch;
        firstBid = new long[quotes.instruments()];
        firstAsk = new long[quotes.instruments()];
    }

    @Override
    public void onTick(final long time, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        final long touchBid = bid > 0 ? bid : last;
        final long touchAsk = ask > 0 ? ask : last;
        if (keepsTouch) {
            quotes.update(instrumentId, touchBid, touchAsk, time);
        }
        if (firstBid[instrumentId] == 0) {
            firstBid[instrumentId] = touchBid;
            firstAsk[instrumentId] = touchAsk;
        }
    }

    /** The edge passes on only known instruments. */
    @Override
    public void onUnknownSymbol(final long time, final CharSequence symbol) {
    }

    /** Each instrument's first bid, 0 where none came; read after the feed stopped. */
    long[] firstBids() {
        return firstBid.clone();
    }

    long[] firstAsks() {
        return firstAsk.clone();
    }
}
