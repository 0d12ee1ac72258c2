package io.rebalancer.marketdata.csv;

/** The two layouts a CSV feed may have; see {@link WideCsvSource} and {@link LongCsvSource}. */
enum CsvFormat {
    WIDE("wide"),
    LONG("long");

    private final String label;

    CsvFormat(final String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
