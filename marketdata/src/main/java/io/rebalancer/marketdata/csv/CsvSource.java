package io.rebalancer.marketdata.csv;

import io.rebalancer.marketdata.FeedPacer;

import java.nio.file.Path;
import java.util.List;

/**
 * What both CSV formats share: the file's line reader, its pacing, its daily close, and the lines that could not be
 * read. A format reads its lines with {@link #nextLine()} (blank lines skipped, overlong ones recorded) and records
 * the ones it cannot parse with {@link #badLine(LineProblem)}.
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
    final long closeNanosOfDay;
    private final BadLines badLines = new BadLines();
    private final String description;
    boolean finished;

    CsvSource(final CsvLineReader reader, final FeedPacer pacer, final long closeNanosOfDay,
        final String description) {
        this.reader = reader;
        this.pacer = pacer;
        this.closeNanosOfDay = closeNanosOfDay;
        this.description = description;
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

    /** Records the reader's current line as unreadable, for {@link #problem}. */
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
