package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedPacer;
import io.rebalancer.marketdata.TickSink;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * Replays a long CSV file, the shape of a recorded quote feed: one tick per line, columns found by name in any
 * order (any case), other columns ignored.
 * <pre>
 *   timestamp,symbol,bid,ask,last,size,seq
 *   2024-03-01T14:30:00.000001Z,SPY,509.12,509.14,509.13,300,1
 * </pre>
 * The time column may be called {@code timestamp}, {@code time} or {@code date}; {@code seq} is optional. A blank
 * bid, ask or last is 0 (not quoted, no trade); a blank size is 0 (unknown), and a size is in whole units, a
 * fraction rounded half up; a blank or absent {@code seq} is {@link TickSink#NO_SEQUENCE}. Prices that are not
 * numbers are delivered as {@link Fixed#INVALID} for the edge to refuse; a symbol the universe does not know is
 * delivered as unknown.
 * <p>
 * Feed thread only, apart from {@link #badLines()} and {@link #badLineSamples()}; allocation-free per line.
 */
public final class LongCsvSource extends CsvSource {
    private static final String[] REQUIRED = {"symbol", "bid", "ask", "last", "size"};

    private final SymbolIndex symbolIndex;
    private final ByteChars unknownSymbol = new ByteChars();
    private final int timeColumn;
    private final int symbolColumn;
    private final int bidColumn;
    private final int askColumn;
    private final int lastColumn;
    private final int sizeColumn;
    /** -1 when the file numbers nothing. */
    private final int seqColumn;
    /** The tick read and not yet delivered (its time not due yet), if {@link #pending}. */
    private boolean pending;
    private long time;
    private int instrument;
    private long bid;
    private long ask;
    private long last;
    private long size;
    private long sequence;

    LongCsvSource(final CsvLineReader reader, final CsvHeader header, final InstrumentUniverse universe,
        final FeedPacer pacer, final long closeNanosOfDay, final String description) {
        super(reader, header, pacer, closeNanosOfDay, description);
        symbolIndex = new SymbolIndex(universe);
        timeColumn = header.timeColumn();
        if (timeColumn < 0) {
            throw missing(header, "timestamp");
        }
        final int[] found = new int[REQUIRED.length];
        for (int i = 0; i < REQUIRED.length; i++) {
            found[i] = header.indexOf(REQUIRED[i]);
            if (found[i] < 0) {
                throw missing(header, REQUIRED[i]);
            }
        }
        symbolColumn = found[0];
        bidColumn = found[1];
        askColumn = found[2];
        lastColumn = found[3];
        sizeColumn = found[4];
        seqColumn = header.indexOf("seq");
    }

    private static IllegalArgumentException missing(final CsvHeader header, final String column) {
        return header.problem("has no '" + column + "' column; a long-format file needs the columns "
            + CsvHeader.LONG_EXAMPLE + " in any order (the time column may be called timestamp, time or date)");
    }

    /** As {@link #open(Path, InstrumentUniverse, double, LocalTime)}, daily closes at 21:00 UTC. */
    public static LongCsvSource open(final Path file, final InstrumentUniverse universe, final double speed) {
        return open(file, universe, speed, CsvFeeds.DEFAULT_DAILY_CLOSE_UTC);
    }

    /**
     * Opens a long file; see {@link CsvFeeds#open(Path, InstrumentUniverse, double, LocalTime)} for the arguments.
     *
     * @throws IllegalArgumentException naming the file when it is missing or its header lacks a column
     */
    public static LongCsvSource open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc) {
        return open(file, universe, speed, dailyCloseUtc, CsvFeeds.DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes the read buffer's starting size: tests make it tiny so lines straddle reads */
    static LongCsvSource open(final Path file, final InstrumentUniverse universe, final double speed,
        final LocalTime dailyCloseUtc, final int bufferBytes) {
        return (LongCsvSource)CsvFeeds.open(file, universe, speed, dailyCloseUtc, bufferBytes, CsvFormat.LONG);
    }

    @Override
    public int poll(final TickSink sink, final int limit) {
        int delivered = 0;
        while (delivered < limit && !finished) {
            if (!pending) {
                if (!readTick()) {
                    finished = true;
                    break;
                }
                pending = true;
            }
            if (!pacer.awaitDue(time)) {
                break;
            }
            pending = false;
            if (instrument == TickSink.UNKNOWN_INSTRUMENT) {
                // The symbol's bytes are still in the reader's buffer: nothing is read before the next tick.
                sink.onUnknownSymbol(time, unknownSymbol);
            } else {
                sink.onTick(time, instrument, bid, ask, last, size, sequence);
            }
            delivered++;
        }
        return delivered;
    }

    /** Reads up to the next readable line into the tick's fields, counting the unreadable ones; false at the end. */
    private boolean readTick() {
        for (int line = nextLine(); line != END; line = nextLine()) {
            if (line == LINE) {
                final LineProblem problem = parse();
                if (problem == null) {
                    return true;
                }
                badLine(problem);
            }
        }
        return false;
    }

    /** Fills the tick's fields from one line, or says why it cannot (and leaves them alone). */
    private LineProblem parse() {
        if (!split()) {
            return LineProblem.WRONG_FIELD_COUNT;
        }
        final long parsedTime = time(timeColumn);
        if (parsedTime == TimestampParser.INVALID) {
            return LineProblem.BAD_TIMESTAMP;
        }
        if (fields.isEmpty(symbolColumn)) {
            return LineProblem.BLANK_SYMBOL;
        }
        final byte[] bytes = reader.bytes();
        long parsedSequence = TickSink.NO_SEQUENCE;
        if (seqColumn >= 0 && !fields.isEmpty(seqColumn)) {
            parsedSequence = DecimalParser.parseCount(bytes, fields.start(seqColumn), fields.end(seqColumn));
            if (parsedSequence < 0) {
                return LineProblem.BAD_SEQUENCE;
            }
        }
        time = parsedTime;
        sequence = parsedSequence;
        final int symbolStart = fields.start(symbolColumn);
        final int symbolEnd = fields.end(symbolColumn);
        instrument = symbolIndex.idOf(bytes, symbolStart, symbolEnd);
        if (instrument < 0) {
            instrument = TickSink.UNKNOWN_INSTRUMENT;
            unknownSymbol.wrap(bytes, symbolStart, symbolEnd);
        }
        bid = price(bytes, bidColumn);
        ask = price(bytes, askColumn);
        last = price(bytes, lastColumn);
        size = fields.isEmpty(sizeColumn) ? 0
            : DecimalParser.parseUnits(bytes, fields.start(sizeColumn), fields.end(sizeColumn));
        return null;
    }

    /** Blank is 0 (not quoted); otherwise the micros, or {@link Fixed#INVALID}. */
    private long price(final byte[] bytes, final int column) {
        return fields.isEmpty(column) ? 0 : DecimalParser.parseMicros(bytes, fields.start(column), fields.end(column));
    }
}
