package io.rebalancer.engine.reference;

/**
 * The last accepted quote of an instrument, in micros; a side of 0 is not quoted.
 *
 * @param time event time of the tick, epoch nanoseconds
 */
record Quote(long bid, long ask, long last, long time) {
    /** The valuation price: the mid (rounded down) when both sides are quoted, otherwise the last trade. */
    long mark() {
        return bid > 0 && ask > 0 ? Math.floorDiv(bid + ask, 2) : last;
    }

    /** What a buy pays now: the ask, or the last trade without one. */
    long buyTouch() {
        return ask > 0 ? ask : last;
    }

    /** What a sell gets now: the bid, or the last trade without one. */
    long sellTouch() {
        return bid > 0 ? bid : last;
    }
}
