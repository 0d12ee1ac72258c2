package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedPacer;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Opens a CSV replay, picking its format from the header: a {@code symbol} column (or two of bid, ask, last and
 * size) means one tick per line ({@link LongCsvSource}); a time column first and instruments after it, one column
 * each, means wide ({@link WideCsvSource}). Everything that can be wrong with the file as a whole (missing,
 * unreadable, no header, a header of neither format) is an exception here, naming the file and the fix; never
 * later, mid-run.
 */
public final class CsvFeeds {
    /**
     * Where a date without a time (a daily close) is stamped: 21:00 UTC is the US equity close (16:00 New York) in
     * winter and an hour after it in summer, so a close is never stamped before the market actually closed, and
     * still falls on the same day in New York, where the engine's calendar triggers and daily limits run.
     */
    public static final LocalTime DEFAULT_DAILY_CLOSE_UTC = LocalTime.of(21, 0);
    /** Read in chunks of this size: a few hundred lines of a wide file, few enough system calls. */
    static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
    /** A longer line is skipped as bad: a wide file of ten thousand instruments is well under it. */
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private CsvFeeds() {
    }

    /** As {@link #open(Path, InstrumentUniverse, double, LocalTime)}, daily closes at 21:00 UTC. */
    public static CsvFeed open(final Path file, final InstrumentUniverse universe, final double speed) {
        return open(file, universe, speed, DEFAULT_DAILY_CLOSE_UTC);
    }

    /**
     * @param file          the CSV file, wide or long
     * @param universe      the configured instruments; other symbols reach the edge as unknown
     * @param speed         0 for as fast as the engine takes the ticks, else event time per unit of wall time
     * @param dailyCloseUtc where a date without a time is stamped
     * @throws IllegalArgumentException          naming the file when it is missing or its header is not a CSV
     *                                           feed's, or when the speed is negative
     * @throws java.io.UncheckedIOException naming the file when it cannot be opened or read
     */
    public static CsvFeed open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc) {
        return open(file, universe, speed, dailyCloseUtc, DEFAULT_BUFFER_BYTES, null);
    }

    /** @param format the format the caller expects, or null to take the header's */
    static CsvFeed open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc, final int bufferBytes, final CsvFormat format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(universe, "universe");
        final long closeNanosOfDay = dailyCloseUtc.toNanoOfDay();
        final FeedPacer pacer = new FeedPacer(speed);
        final CsvLineReader reader = new CsvLineReader(file, bufferBytes, Math.max(MAX_LINE_BYTES, bufferBytes));
        try {
            final CsvHeader header = CsvHeader.read(reader);
            final CsvFormat found = header.format();
            if (found == null && format == null) {
                throw header.problem("is neither format: a wide file starts with a date, timestamp or time column"
                    + " followed by one column per symbol (" + CsvHeader.WIDE_EXAMPLE + "); a long file has the"
                    + " columns " + CsvHeader.LONG_EXAMPLE + " in any order");
            }
            if (format != null && found != null && format != found) {
                throw header.problem("is a " + found.label() + "-format header, not " + format.label()
                    + "; open it with CsvFeeds.open, which reads either");
            }
            // Asked for a format the header does not show: that format's own checks say what is missing.
            final CsvFormat chosen = format != null ? format : found;
            final String description = "csv " + chosen.label() + " " + file + " at " + pacer.describeSpeed();
            return chosen == CsvFormat.LONG
                ? new LongCsvSource(reader, header, universe, pacer, closeNanosOfDay, description)
                : new WideCsvSource(reader, header, universe, pacer, closeNanosOfDay, description);
        } catch (final RuntimeException ex) {
            reader.close();
            throw ex;
        }
    }
}
