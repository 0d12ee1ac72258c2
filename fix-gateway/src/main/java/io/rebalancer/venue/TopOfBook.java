package io.rebalancer.venue;

/** One instrument's quote as the venue last published it: micros, 0 for a side not quoted; agent thread only. */
final class TopOfBook {
    long time;
    long bid;
    long ask;
    long last;
    long size;

    void set(final TopOfBook other) {
        time = other.time;
        bid = other.bid;
        ask = other.ask;
        last = other.last;
        size = other.size;
    }

    /** The sides that differ from {@code other}, as {@link VenueMarketDataAgent#BID} ... bits; time is not a side. */
    int changedFrom(final TopOfBook other) {
        int changed = 0;
        if (bid != other.bid) {
            changed |= VenueMarketDataAgent.BID;
        }
        if (ask != other.ask) {
            changed |= VenueMarketDataAgent.OFFER;
        }
        if (last != other.last || size != other.size) {
            changed |= VenueMarketDataAgent.TRADE;
        }
        return changed;
    }
}
