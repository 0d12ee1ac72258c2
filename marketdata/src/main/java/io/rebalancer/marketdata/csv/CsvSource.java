package io.rebalancer.marketdata.csv;

import io.rebalancer.marketdata.FeedPacer;

import java.nio.file.Path;
import java.util.List;

/**
 * What both CSV formats share: the file's line reader, its pacing, its daily close, its header's column count, and
 * the lines that could not be read. A format reads its lines with {@link #nextLine()} (blank lines skipped, overlong
 * ones recorded), splits each with {@link #split()}, reads its time with {@link #time(int)}, and records the ones it
 * cannot parse with {@link #badLine(LineProblem)}.
 */
abstract class CsvSource implements CsvFeed {
    /** {@link #nextLine()}: the end of the file. */
    static final int END = 0;
    /** {@link #nextLine()}: a line with text, in the reader's buffer. */
    static final int LINE = 1;
    /** {@link #nextLine()}: a line too long to read, already recorded as bad. */
    static final int TOO_LONG = 2;

    final CsvLineReader reader;
    final FeedPacer pacer;
    /** The header's column count: a line with another number of fields is bad. */
    final int columns;
    /** The current line's fields, after {@link #split()}. */
    final CsvFields fields;
    private final long closeNanosOfDay;
    private final BadLines badLines = new BadLines();
    private final String description;
    boolean finished;

    CsvSource(final CsvLineReader reader, final CsvHeader header, final FeedPacer pacer, final long closeNanosOfDay,
        final String description) {
        this.reader = reader;
        this.pacer = pacer;
        this.closeNanosOfDay = closeNanosOfDay;
        this.description = description;
        columns = header.columns();
        fields = new CsvFields(columns);
    }

    /** Moves to the next line that is not blank: {@link #LINE}, {@link #TOO_LONG} (recorded) or {@link #END}. */
    final int nextLine() {
        while (reader.next()) {
            if (reader.overlong()) {
                badLine(LineProblem.TOO_LONG);
                return TOO_LONG;
            }
            if (!CsvFields.isBlankLine(reader.bytes(), reader.lineStart(), reader.lineEnd())) {
                return LINE;
            }
        }
        return END;
    }

    /** Splits the reader's current line into {@link #fields}: false when it has other than {@link #columns}. */
    final boolean split() {
        return fields.split(reader.bytes(), reader.lineStart(), reader.lineEnd()) == columns;
    }

    /** The time in a field of the line split, or {@link TimestampParser#INVALID}. */
    final long time(final int column) {
        return TimestampParser.parse(reader.bytes(), fields.start(column), fields.end(column), closeNanosOfDay);
    }

    /** Records the reader's current line as unreadable, for {@link #badLineSamples()}. */
    final void badLine(final LineProblem problem) {
        badLines.record(reader.lineNumber(), problem, reader.bytes(), reader.lineStart(), reader.lineEnd());
    }

    @Override
    public final boolean finished() {
        return finished;
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public final Path file() {
        return reader.file();
    }

    @Override
    public final long badLines() {
        return badLines.count();
    }

    @Override
    public final List<String> badLineSamples() {
        return badLines.samples();
    }

    @Override
    public final void close() {
        reader.close();
    }
}
