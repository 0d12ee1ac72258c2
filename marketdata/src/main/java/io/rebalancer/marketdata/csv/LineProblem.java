package io.rebalancer.marketdata.csv;

/** Why a CSV source skipped a line: each is counted ({@link BadLines}) and the feed goes on. */
enum LineProblem {
    WRONG_FIELD_COUNT("not as many fields as the header has columns"),
    BAD_TIMESTAMP("the time is neither YYYY-MM-DD nor YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM]"),
    BLANK_SYMBOL("no symbol"),
    BAD_SEQUENCE("seq is not a whole number (0 or more)"),
    TOO_LONG("longer than the longest line a CSV feed reads (" + CsvFeeds.MAX_LINE_BYTES / (1024 * 1024) + " MiB)");

    private final String description;

    LineProblem(final String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
