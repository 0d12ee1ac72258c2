package io.rebalancer.marketdata.synthetic;

/**
 * One {@code correlation A B VALUE} line of a market model file: two asset classes or two symbols, which is only
 * known once the file's classes and the universe are.
 *
 * @param line the 1-based line number, for messages
 */
record CorrelationLine(int line, String first, String second, double value) {
    /** The same for both orders of the two names, so {@code A B} and {@code B A} are one pair. */
    String pair() {
        return pair(first, second);
    }

    static String pair(final String a, final String b) {
        return a.compareTo(b) <= 0 ? a + ' ' + b : b + ' ' + a;
    }

    /** The line as the user wrote it, for messages. */
    String describe() {
        return "line " + line + " (" + first + ' ' + second + ' ' + value + ')';
    }
}
