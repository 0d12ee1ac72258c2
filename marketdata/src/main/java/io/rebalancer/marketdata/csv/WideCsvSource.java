package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedPacer;
import io.rebalancer.marketdata.TickSink;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * Replays a wide CSV file, the shape of downloaded daily closes: a time column ({@code date}, {@code timestamp} or
 * {@code time}), then one column per symbol, one row per time.
 * <pre>
 *   date,SPY,TLT
 *   2019-08-20,290.089996,145.273087
 * </pre>
 * Each row delivers one tick per non-blank cell, in column order, all at the row's time: a close only (bid and
 * ask 0, not quoted; size 0, unknown). A symbol the universe does not know is delivered as unknown for each
 * non-blank cell, so the edge counts it.
 * <p>
 * A blank cell before an instrument's first value means "not listed yet"; a blank after it is a missing price.
 * Neither delivers anything, but the edge must see the missing one: every tick carries its row's number (the
 * first row after the header is 1) as its sequence, so an instrument's ticks on consecutive rows are consecutive
 * numbers and a missing cell (or a row that could not be read) skips one, which the edge counts as a gap. An
 * instrument's first tick follows no number, so a late listing is no gap.
 * <p>
 * Feed thread only, apart from {@link #badLines()} and {@link #badLineSamples()}; allocation-free per row.
 */
public final class WideCsvSource extends CsvSource {
    /** Per column: the instrument id, or {@link TickSink#UNKNOWN_INSTRUMENT}; column 0 is the time. */
    private final int[] instruments;
    private final String[] symbols;
    /** The current row, parsed: per column, whether the cell had text, and its price. */
    private final boolean[] present;
    private final long[] prices;
    /** Data rows read so far, readable or not: the current row's number. */
    private long row;
    private long rowTime;
    /** The next column of the current row to deliver; {@link #columns} when the row is done. */
    private int nextColumn;
    private boolean rowDue;

    WideCsvSource(final CsvLineReader reader, final CsvHeader header, final InstrumentUniverse universe,
        final FeedPacer pacer, final long closeNanosOfDay, final String description) {
        super(reader, header, pacer, closeNanosOfDay, description);
        instruments = new int[columns];
        symbols = new String[columns];
        present = new boolean[columns];
        prices = new long[columns];
        if (columns < 2 || !CsvHeader.isTimeName(header.name(0))) {
            throw header.problem("is not a wide header: the first column must be date, timestamp or time and the"
                + " others one per symbol, e.g. " + CsvHeader.WIDE_EXAMPLE);
        }
        instruments[0] = TickSink.UNKNOWN_INSTRUMENT;
        for (int column = 1; column < columns; column++) {
            final String symbol = header.name(column);
            if (symbol.isEmpty()) {
                throw header.problem("has no name for column " + (column + 1) + "; name every instrument column");
            }
            // Throws on a second column of the same symbol: which of the two prices would be right?
            header.indexOf(symbol);
            symbols[column] = symbol;
            instruments[column] = universe.idOf(symbol);
        }
        nextColumn = columns;
    }

    /** As {@link #open(Path, InstrumentUniverse, double, LocalTime)}, daily closes at 21:00 UTC. */
    public static WideCsvSource open(final Path file, final InstrumentUniverse universe, final double speed) {
        return open(file, universe, speed, CsvFeeds.DEFAULT_DAILY_CLOSE_UTC);
    }

    /**
     * Opens a wide file; see {@link CsvFeeds#open(Path, InstrumentUniverse, double, LocalTime)} for the arguments.
     *
     * @throws IllegalArgumentException naming the file when it is missing or its header is not a wide one
     */
    public static WideCsvSource open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc) {
        return open(file, universe, speed, dailyCloseUtc, CsvFeeds.DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes the read buffer's starting size: tests make it tiny so lines straddle reads */
    static WideCsvSource open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc, final int bufferBytes) {
        return (WideCsvSource)CsvFeeds.open(file, universe, speed, dailyCloseUtc, bufferBytes, CsvFormat.WIDE);
    }

    @Override
    public int poll(final TickSink sink, final int limit) {
        int delivered = 0;
        while (delivered < limit && !finished) {
            if (nextColumn == columns && !readRow()) {
                finished = true;
                break;
            }
            if (!rowDue) {
                if (!pacer.awaitDue(rowTime)) {
                    break;
                }
                rowDue = true;
            }
            delivered += deliver(sink, limit - delivered);
        }
        return delivered;
    }

    /** Sends up to {@code room} of the current row's cells, from {@link #nextColumn} on. */
    private int deliver(final TickSink sink, final int room) {
        int sent = 0;
        while (nextColumn < columns && sent < room) {
            final int column = nextColumn++;
            if (present[column]) {
                final int instrument = instruments[column];
                if (instrument == TickSink.UNKNOWN_INSTRUMENT) {
                    sink.onUnknownSymbol(rowTime, symbols[column]);
                } else {
                    sink.onTick(rowTime, instrument, 0, 0, prices[column], 0, row);
                }
                sent++;
            }
        }
        return sent;
    }

    /** Reads up to the next readable row, counting the unreadable ones; false at the end of the file. */
    private boolean readRow() {
        for (int line = nextLine(); line != END; line = nextLine()) {
            // Every row with text counts, readable or not: a lost row shows at the edge as a gap.
            row++;
            if (line == TOO_LONG) {
                continue;
            }
            if (!split()) {
                badLine(LineProblem.WRONG_FIELD_COUNT);
                continue;
            }
            final long time = time(0);
            if (time == TimestampParser.INVALID) {
                badLine(LineProblem.BAD_TIMESTAMP);
                continue;
            }
            final byte[] bytes = reader.bytes();
            for (int column = 1; column < columns; column++) {
                present[column] = !fields.isEmpty(column);
                prices[column] = present[column] && instruments[column] != TickSink.UNKNOWN_INSTRUMENT
                    ? DecimalParser.parseMicros(bytes, fields.start(column), fields.end(column)) : 0;
            }
            rowTime = time;
            nextColumn = 1;
            rowDue = false;
            return true;
        }
        return false;
    }
}
