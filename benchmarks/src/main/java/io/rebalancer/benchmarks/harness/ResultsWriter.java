package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's latency results where tools can read them: one HdrHistogram log per scenario
 * ({@code <key>.hlog}, readable by HdrHistogram's HistogramLogProcessor and plotters) and one
 * {@code latency.json} with every scenario's percentiles, rates, allocation and collections.
 */
public final class ResultsWriter {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final Path directory;

    public ResultsWriter(final Path directory) {
        this.directory = directory;
    }

    /** Writes the histogram logs and {@code latency.json}; returns the JSON file. */
    public Path write(final List<ScenarioResult> results) {
        try {
            Files.createDirectories(directory);
            for (final ScenarioResult result : results) {
                writeLog(result);
            }
            final Path json = directory.resolve("latency.json");
            Files.writeString(json, json(results), StandardCharsets.UTF_8);
            return json;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write results under " + directory, e);
        }
    }

    private void writeLog(final ScenarioResult result) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(directory.resolve(result.key() + ".hlog")),
            false, StandardCharsets.UTF_8)) {
            final HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment("rebalancer latency harness: " + result.key() + ", nanoseconds from intended send");
            log.outputLogFormatVersion();
            log.outputLegend();
            log.outputIntervalHistogram(result.histogram());
        }
    }

    static String json(final List<ScenarioResult> results) {
        final StringBuilder out = new StringBuilder(256 * (results.size() + 1)).append("[\n");
        for (int i = 0; i < results.size(); i++) {
            final ScenarioResult result = results.get(i);
            out.append("  {\"scenario\": \"").append(escape(result.name()))
                .append("\", \"journal\": ").append(result.journal())
                .append(", \"offeredPerSecond\": ").append(number(result.offeredPerSecond()))
                .append(", \"achievedPerSecond\": ").append(number(result.achievedPerSecond()))
                .append(", \"count\": ").append(result.count())
                .append(", \"latencyNanos\": {");
            for (final double percentile : PERCENTILES) {
                out.append('"').append(percentileName(percentile)).append("\": ")
                    .append(result.percentile(percentile)).append(", ");
            }
            out.append("\"max\": ").append(result.histogram().getMaxValue())
                .append(", \"mean\": ").append(number(result.histogram().getMean()))
                .append("}, \"allocatedBytesPerEvent\": ").append(number(result.allocatedBytesPerEvent()))
                .append(", \"gcCount\": ").append(result.gcCount())
                .append(", \"note\": \"").append(escape(result.note())).append("\"}")
                .append(i + 1 < results.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }

    /** {@code p50}, {@code p99.9}: the key for a percentile. */
    static String percentileName(final double percentile) {
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }

    /** A JSON number to three decimals; null for NaN and the infinities. */
    static String number(final double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null";
    }

    /** {@code text} as the inside of a JSON string. */
    static String escape(final String text) {
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
