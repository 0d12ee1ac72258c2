package io.rebalancer.marketdata.csv;

import io.rebalancer.marketdata.FeedSource;

import java.nio.file.Path;
import java.util.List;

/**
 * A historical replay from a CSV file: a {@link FeedSource} that also says which lines it could not read. A bad
 * line (a wrong field count, an unreadable time) never stops the replay: it is counted, the first few are kept as
 * text, and the feed goes on. Unreadable prices are not bad lines: they reach the market-data edge as
 * {@link io.rebalancer.engine.domain.Fixed#INVALID}, which refuses and counts them.
 */
public interface CsvFeed extends FeedSource {
    /** The file replayed. */
    Path file();

    /** Lines skipped because they could not be read, so far; any thread. */
    long badLines();

    /** The first few skipped lines, each as {@code "line N: why: text"}, oldest first; any thread; allocates. */
    List<String> badLineSamples();
}
