package io.rebalancer.benchmarks.suite;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JMH results as one table, each of our benchmarks beside the baselines measured in the same run: how many
 * times faster than the naive version of the same job ({@code naive...} methods), and how many times the floor of
 * its own class ({@code raw...}, {@code floor...}, {@code bare...} methods: the building block with no code of
 * ours) and the raw Disruptor one-hop.
 */
final class JmhTable {
    /** The one-hop floor every row is also compared with: publish one event and see it consumed, no work. */
    static final String HOP_BENCHMARK = "DisruptorHopBenchmark";
    static final String HOP_METHOD = "rawHop";

    private JmhTable() {
    }

    static String render(final List<JmhRow> rows) {
        final JmhRow hop = hop(rows);
        final TextTable table = new TextTable("benchmark", "method", "params", ">score", ">± error", "unit",
            ">B/op", ">naive ÷ this", ">this ÷ floor", ">this ÷ hop");
        for (final JmhRow row : rows) {
            final JmhRow naive = row.isNaive() || row.isFloor() ? null : partner(rows, row, true);
            final JmhRow floor = row.isNaive() || row.isFloor() ? null : partner(rows, row, false);
            table.row(row.benchmark(), row.method(), row.params(), number(row.score()), number(row.error()),
                row.unit(), bytes(row.bytesPerOp()), naive == null ? "" : ratio(naive.score() / row.score()),
                floor == null ? "" : ratio(row.score() / floor.score()),
                hop == null || row == hop || !sameUnit(row, hop) ? "" : ratio(row.score() / hop.score()));
        }
        return table.toString();
    }

    /**
     * Where a class holds more than one comparison, the floor each of ours is judged against (an empty name: none
     * applies); elsewhere a row's floor is its class's only one.
     */
    private static final Map<String, String> FLOOR_OF = Map.of(
        "TickParseBenchmark.recordedFeed", "rawTailer",
        "TickParseBenchmark.csvLong", "",
        "TickParseBenchmark.csvWide", "",
        "JournalAppendBenchmark.journalTick", "rawAppend",
        "JournalAppendBenchmark.journalTickBatch64", "rawAppendBatch64",
        "NewOrderSingleBenchmark.gatewayNewOrder", "rawNewOrderSingle",
        "NewOrderSingleBenchmark.gatewayBuildEncode", "rawBuildEncode");
    /** The same for naive baselines. */
    private static final Map<String, String> NAIVE_OF = Map.of(
        "JournalAppendBenchmark.journalTick", "naiveJsonLine",
        "JournalAppendBenchmark.journalTickBatch64", "naiveJsonLineBatch64",
        "TickParseBenchmark.csvLong", "naiveCsvLong",
        "TickParseBenchmark.csvWide", "naiveCsvWide",
        "TickParseBenchmark.recordedFeed", "");

    /** The baseline of {@code row}'s class with the same parameters: its naive version or its floor. */
    private static JmhRow partner(final List<JmhRow> rows, final JmhRow row, final boolean naive) {
        final String named = (naive ? NAIVE_OF : FLOOR_OF).get(row.benchmark() + "." + row.method());
        JmhRow found = null;
        int candidates = 0;
        for (final JmhRow other : rows) {
            if (other.benchmark().equals(row.benchmark()) && other.params().equals(row.params())
                && (naive ? other.isNaive() : other.isFloor()) && sameUnit(row, other)) {
                if (named != null && other.method().equals(named)) {
                    return other;
                }
                found = other;
                candidates++;
            }
        }
        return named == null && candidates == 1 ? found : null;
    }

    private static JmhRow hop(final List<JmhRow> rows) {
        for (final JmhRow row : rows) {
            if (row.benchmark().equals(HOP_BENCHMARK) && row.method().equals(HOP_METHOD)) {
                return row;
            }
        }
        return null;
    }

    private static boolean sameUnit(final JmhRow a, final JmhRow b) {
        return a.unit().equals(b.unit());
    }

    static String number(final double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    static String bytes(final double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value < 0.5 ? "≈ 0" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String ratio(final double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "";
    }
}
