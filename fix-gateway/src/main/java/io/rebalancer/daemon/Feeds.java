package io.rebalancer.daemon;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.synthetic.SyntheticFeed;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;

/** Opens the source {@code --market} names. */
final class Feeds {
    private Feeds() {
    }

    /**
     * @param seed       the synthetic market's seed (a resumed run's differs, so it does not repeat itself)
     * @param firstTick  the synthetic market's first tick time
     * @param startMarks where each synthetic instrument starts, 0 for the catalogue's price
     * @throws IllegalArgumentException when the file or folder cannot be used, saying why
     */
    static FeedSource open(final DaemonOptions options, final InstrumentUniverse universe, final long seed,
        final long firstTick, final long[] startMarks) {
        final MarketOptions market = options.market();
        switch (market.kind()) {
            case SYNTHETIC:
                return new SyntheticFeed(new SyntheticMarket(MarketCatalogue.model(universe, seed, firstTick,
                    options.tickIntervalNanos(), startMarks), null, null), options.ticks(),
                    "synthetic market, seed " + seed + ", one tick every " + Text.duration(options.tickIntervalNanos())
                        + " of simulated time");
            default:
                throw new IllegalArgumentException("--market " + market.kind().name().toLowerCase()
                    + " is not available yet");
        }
    }
}
