package io.rebalancer.marketdata.csv;

/**
 * Splits one line at its commas into field bounds, reused for every line. Each field is trimmed of spaces and tabs
 * and of one pair of surrounding double quotes (some exports quote every field). A quoted comma is not supported:
 * prices, times and tickers never contain one, and such a line splits into too many fields, which the source
 * reports as a bad line instead of guessing.
 */
final class CsvFields {
    private final int[] starts;
    private final int[] ends;
    private int count;

    /** @param capacity the most fields kept; a line with more is still counted right ({@link #count()}) */
    CsvFields(final int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /** @return the number of fields in {@code bytes[from, to)}: one more than its commas */
    int split(final byte[] bytes, final int from, final int to) {
        count = 0;
        int fieldStart = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == ',') {
                add(bytes, fieldStart, i);
                fieldStart = i + 1;
            }
        }
        add(bytes, fieldStart, to);
        return count;
    }

    private void add(final byte[] bytes, final int from, final int to) {
        if (count < starts.length) {
            int first = from;
            int last = to;
            while (first < last && isBlank(bytes[first])) {
                first++;
            }
            while (last > first && isBlank(bytes[last - 1])) {
                last--;
            }
            if (last - first >= 2 && bytes[first] == '"' && bytes[last - 1] == '"') {
                first++;
                last--;
            }
            starts[count] = first;
            ends[count] = last;
        }
        count++;
    }

    static boolean isBlank(final byte b) {
        return b == ' ' || b == '\t';
    }

    /** True when {@code bytes[from, to)} holds nothing but spaces and tabs: a blank line, skipped. */
    static boolean isBlankLine(final byte[] bytes, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (!isBlank(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    int count() {
        return count;
    }

    int start(final int field) {
        return starts[field];
    }

    int end(final int field) {
        return ends[field];
    }

    boolean isEmpty(final int field) {
        return starts[field] == ends[field];
    }
}
