package io.rebalancer.marketdata;

/**
 * A source that is read rather than pushed: a CSV file, a recorded feed, the synthetic market. Its owner's thread
 * polls it in a duty cycle ({@link FeedRunner}); between polls the owner drains the market-data edge, so ticks
 * that waited for room still reach the engine while the source waits on its pacing.
 */
public interface FeedSource extends AutoCloseable {
    /**
     * Delivers up to {@code limit} ticks that are due to {@code sink}. Never blocks longer than
     * {@link FeedPacer#MAX_PARK_NANOS} (pacing), and allocates nothing in steady state.
     *
     * @return how many ticks (and unknown-symbol updates) were delivered; 0 when none was due yet or the source is
     *     {@link #finished()}
     */
    int poll(TickSink sink, int limit);

    /** True once every tick has been delivered (a file's end); a live source never finishes. */
    boolean finished();

    /** For people: what this source reads, e.g. {@code "csv wide ../shared/data/x.csv at 60x"}. */
    String describe();

    /** Releases files and maps; does not throw. */
    @Override
    void close();
}
