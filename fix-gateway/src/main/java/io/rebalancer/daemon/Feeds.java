package io.rebalancer.daemon;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.csv.CsvFeed;
import io.rebalancer.marketdata.csv.CsvFeeds;
import io.rebalancer.marketdata.recorded.FeedRecorder;
import io.rebalancer.marketdata.recorded.RecordedFeed;
import io.rebalancer.marketdata.recorded.RecordingException;
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
                return new SyntheticFeed(new SyntheticMarket(MarketCatalogue.model(options.configDir(), universe, seed,
                    firstTick, options.tickIntervalNanos(), startMarks), null, null), options.ticks(),
                    "synthetic market, seed " + seed + ", one tick every " + Text.duration(options.tickIntervalNanos())
                        + " of simulated time");
            case CSV:
                return CsvFeeds.open(market.source(), universe, market.speed());
            case RECORDED:
                try {
                    return RecordedFeed.open(market.source(), universe, market.speed());
                } catch (final RecordingException ex) {
                    throw new IllegalArgumentException(ex.getMessage(), ex);
                }
            default:
                throw new IllegalStateException("no source for --market " + market.kind());
        }
    }

    /**
     * With {@code --record-feed}, a recorder in front of {@code next} (which it tells of every call once recorded);
     * otherwise {@code next} itself.
     *
     * @throws IllegalArgumentException when the folder cannot be used, saying why
     */
    static TickSink recorderOr(final TickSink next, final DaemonOptions options, final InstrumentUniverse universe,
        final String source) {
        if (options.market().recordTo() == null) {
            return next;
        }
        try {
            return FeedRecorder.open(options.market().recordTo(), universe, source, next);
        } catch (final RecordingException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    /** For the summary: what a recorded feed found damaged, and what the recorder kept; null when nothing to say. */
    static String problems(final FeedSource source, final TickSink input) {
        final StringBuilder text = new StringBuilder();
        if (source instanceof RecordedFeed recorded && recorded.problems() != null) {
            text.append("recording: ").append(recorded.problems());
        }
        if (source instanceof CsvFeed csv && csv.badLines() > 0) {
            text.append(Text.count(csv.badLines())).append(" lines could not be read, the first: ")
                .append(String.join(" | ", csv.badLineSamples()));
        }
        if (input instanceof FeedRecorder recorder) {
            text.append(text.length() > 0 ? "; " : "").append("recorded ").append(Text.count(recorder.recorded()))
                .append(" calls");
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Closes the recorder, if there is one (writing its end record). */
    static void closeRecorder(final TickSink input) {
        if (input instanceof FeedRecorder recorder) {
            recorder.close();
        }
    }
}
