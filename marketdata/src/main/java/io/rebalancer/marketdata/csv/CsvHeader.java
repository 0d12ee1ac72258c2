package io.rebalancer.marketdata.csv;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A CSV file's column names, read once at open from its first non-blank line, and how they tell the two formats
 * apart ({@link #format()}).
 */
final class CsvHeader {
    static final String WIDE_EXAMPLE = "date,SPY,TLT";
    static final String LONG_EXAMPLE = "timestamp,symbol,bid,ask,last,size[,seq]";
    private static final String[] TIME_NAMES = {"timestamp", "time", "date"};
    private static final String[] QUOTE_NAMES = {"bid", "ask", "last", "size"};

    private final Path file;
    private final String[] names;

    private CsvHeader(final Path file, final String[] names) {
        this.file = file;
        this.names = names;
    }

    /**
     * Reads the header: the reader is left on the line after it.
     *
     * @throws IllegalArgumentException when the file has no header line, or one too long to read
     */
    static CsvHeader read(final CsvLineReader reader) {
        while (reader.next()) {
            if (reader.overlong()) {
                throw new IllegalArgumentException(reader.file() + ": the header line is longer than "
                    + reader.maxLineBytes() + " bytes; is this a CSV file?");
            }
            final byte[] bytes = reader.bytes();
            if (CsvFields.isBlankLine(bytes, reader.lineStart(), reader.lineEnd())) {
                continue;
            }
            final CsvFields fields = new CsvFields(commas(bytes, reader.lineStart(), reader.lineEnd()) + 1);
            final String[] names = new String[fields.split(bytes, reader.lineStart(), reader.lineEnd())];
            for (int i = 0; i < names.length; i++) {
                names[i] = new String(bytes, fields.start(i), fields.end(i) - fields.start(i),
                    StandardCharsets.UTF_8);
            }
            return new CsvHeader(reader.file(), names);
        }
        throw new IllegalArgumentException(reader.file() + " is empty: a CSV feed needs a header line naming its"
            + " columns, e.g. " + WIDE_EXAMPLE + " (one column per instrument) or " + LONG_EXAMPLE
            + " (one tick per line)");
    }

    private static int commas(final byte[] bytes, final int from, final int to) {
        int commas = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == ',') {
                commas++;
            }
        }
        return commas;
    }

    /** True for a name the first column of a wide file may have, in any case. */
    static boolean isTimeName(final String name) {
        for (final String time : TIME_NAMES) {
            if (time.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The format the header has, or null for neither. Long: a {@code symbol} column, or two of the quote columns
     * (a long file that lost its symbol column should be told so, not read as instruments called "bid" and
     * "ask"). Wide: otherwise, a time column first and at least one more.
     */
    CsvFormat format() {
        int quoteColumns = 0;
        for (final String quote : QUOTE_NAMES) {
            quoteColumns += indexOf(quote) >= 0 ? 1 : 0;
        }
        if (indexOf("symbol") >= 0 || quoteColumns >= 2) {
            return CsvFormat.LONG;
        }
        return names.length >= 2 && isTimeName(names[0]) ? CsvFormat.WIDE : null;
    }

    int columns() {
        return names.length;
    }

    String name(final int column) {
        return names[column];
    }

    /**
     * The column called {@code name} in any case, or -1.
     *
     * @throws IllegalArgumentException when two columns have that name
     */
    int indexOf(final String name) {
        int found = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                if (found >= 0) {
                    throw problem("has two '" + name + "' columns (" + (found + 1) + " and " + (i + 1)
                        + "); keep one");
                }
                found = i;
            }
        }
        return found;
    }

    /** The long format's time column: one of timestamp, time or date. */
    int timeColumn() {
        int found = -1;
        for (final String time : TIME_NAMES) {
            final int column = indexOf(time);
            if (column >= 0 && found >= 0) {
                throw problem("has both '" + names[found] + "' and '" + names[column]
                    + "' columns; give one timestamp column (YYYY-MM-DD or ISO-8601)");
            }
            found = column >= 0 ? column : found;
        }
        return found;
    }

    /** An exception naming the file and showing the header: {@code what} says what is wrong and the fix. */
    IllegalArgumentException problem(final String what) {
        return new IllegalArgumentException(file + ": the header " + Arrays.toString(names) + " " + what);
    }
}
