package io.rebalancer.marketdata.edge;

/**
 * Why the market-data edge kept a tick from the engine, or what it noticed in the feed. Each kind is counted
 * with a sample ({@link FeedFaults}); none stops the feed.
 */
public enum TickFault {
    NOT_A_NUMBER("a price was not a number (NaN, blank where a price is required, or text)"),
    NON_POSITIVE_PRICE("a price was zero or negative, or the tick had neither a two-sided quote nor a last price"),
    CROSSED_QUOTE("bid above ask"),
    LOCKED_QUOTE("bid equal to ask"),
    JUMP("a price moved beyond the jump limit from its last good value: held until the next tick confirms it or an"
        + " operator releases it"),
    TIME_BACKWARDS("event time earlier than the instrument's last good tick"),
    TIME_LEAP("event time more than a week past the instrument's last good tick: held like a jump until the next tick"
        + " confirms it or an operator releases it"),
    UNKNOWN_SYMBOL("symbol not in the configured instruments"),
    DUPLICATE("the same update again: a sequence number already seen, or an unnumbered tick identical to the last"),
    GAP("sequence numbers skipped (updates lost upstream): the tick itself is used, the gap is counted");

    private final String description;

    TickFault(final String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for kinds whose tick never reaches the engine; {@link #GAP} is noticed, not refused. */
    public boolean refuses() {
        return this != GAP;
    }
}
