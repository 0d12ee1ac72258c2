package io.rebalancer.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table whose columns line up in a terminal too: the suite prints it and writes it to a file. */
final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns whose header starts with {@code >} are right-aligned (numbers); the marker is not printed. */
    TextTable(final String... header) {
        this.header = new String[header.length];
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            this.header[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
    }

    TextTable row(final String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("expected " + header.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    @Override
    public String toString() {
        final int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = Math.max(3, header[i].length());
            for (final String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        final StringBuilder out = new StringBuilder();
        line(out, header, widths);
        out.append('|');
        for (int i = 0; i < header.length; i++) {
            out.append(rightAligned[i] ? "-".repeat(widths[i] + 1) + ":|" : "-".repeat(widths[i] + 2) + "|");
        }
        out.append('\n');
        for (final String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(final StringBuilder out, final String[] cells, final int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.length; i++) {
            final String pad = " ".repeat(widths[i] - cells[i].length());
            out.append(' ').append(rightAligned[i] ? pad + cells[i] : cells[i] + pad).append(" |");
        }
        out.append('\n');
    }
}
