package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon on each polled source, through its command line: a CSV file with bad rows, judged at the edge and
 * reported in the summary; the same run recorded with --record-feed and replayed from the recording to the same
 * market-data verdicts and the same ticks into the engine; a source that cannot be opened is one clear line.
 */
@Timeout(120)
class MarketSourcesSystemTest {
    private static final Pattern ENGINE_TICKS = Pattern.compile("engine +ticks ([0-9,]+),");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return runOn("paper", args);
    }

    private int runOn(final String venue, final String... args) {
        out.reset();
        err.reset();
        final List<String> all = new ArrayList<>(List.of("--config", Path.of("..", "config").toString(), "--venue",
            venue, "--no-journal", "--quiet"));
        all.addAll(List.of(args));
        return RebalancerDaemon.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), ConfigLoader::load, false);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A month of daily closes of SPY and TLT with, on known days, a bad print, a blank and an unknown symbol. */
    private Path prices() throws IOException {
        final StringBuilder csv = new StringBuilder("date,SPY,TLT,XYZ\n");
        for (int day = 1; day <= 28; day++) {
            final String spy = day == 10 ? "4780.00" : String.format("%.2f", 470 + day * 0.5);
            final String tlt = day == 20 ? "" : String.format("%.2f", 95 - day * 0.25);
            csv.append(String.format("2024-02-%02d,%s,%s,%s%n", day, spy, tlt, day == 5 ? "1.00" : ""));
        }
        csv.append("2024-02-29,oops\n");
        final Path file = dir.resolve("prices.csv");
        Files.writeString(file, csv);
        return file;
    }

    private String line(final String prefix) {
        for (final String line : printed().split("\\R")) {
            if (line.trim().startsWith(prefix)) {
                return line.trim();
            }
        }
        throw new AssertionError("no line starting '" + prefix + "' in:\n" + printed());
    }

    private long engineTicks() {
        final Matcher m = ENGINE_TICKS.matcher(printed());
        assertTrue(m.find(), printed());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void shouldJudgeAPriceFileAtTheEdgeAndReportItInTheSummary() throws IOException {
        final Path file = prices();
        assertEquals(RebalancerDaemon.EXIT_OK, run("--market", "csv:" + file), err.toString(StandardCharsets.UTF_8));
        Files.writeString(Path.of("/tmp/summary.txt"), printed());
        assertTrue(line("market ").startsWith("market   csv wide " + file + " at full speed; 1 lines could not be"
            + " read, the first: line 30"), line("market "));
        assertEquals("market data: 56 received, 54 good, 2 refused, 0 conflated, 54 to the engine; jumps confirmed 0,"
            + " released 0 (counted refused, then good), bad prints 1", line("market data:"));
        assertTrue(line("jump:").startsWith("jump: 1, latest SPY at 2024-02-10T21:00:00Z bid 0.00 ask 0.00 last"
            + " 4780.00 seq 10"), line("jump:"));
        assertTrue(line("gap:").startsWith("gap: 1, latest TLT at 2024-02-21T21:00:00Z"), line("gap:"));
        assertTrue(line("unknown symbol:").startsWith("unknown symbol: 1, latest XYZ at 2024-02-05"),
            line("unknown symbol:"));
        assertEquals(54, engineTicks());
    }

    @Test
    void shouldReplayARecordingToTheSameVerdictsAndTicks() throws IOException {
        final Path file = prices();
        final Path recording = dir.resolve("feed");
        assertEquals(RebalancerDaemon.EXIT_OK, run("--market", "csv:" + file, "--record-feed", recording.toString()));
        final String verdicts = line("market data:");
        final long ticks = engineTicks();
        assertTrue(line("market ").contains("recorded 56 calls"), line("market "));
        assertEquals(RebalancerDaemon.EXIT_OK, run("--market", "recorded:" + recording));
        assertTrue(line("market ").startsWith("market   recording " + recording), line("market "));
        assertEquals(verdicts, line("market data:"));
        assertEquals(ticks, engineTicks());
    }

    @Test
    void shouldRefuseASourceThatCannotBeOpenedInOneLine() {
        assertEquals(RebalancerDaemon.EXIT_USAGE, run("--market", "csv:" + dir.resolve("missing.csv")));
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("rebalancer: ") && message.contains("missing.csv"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals(RebalancerDaemon.EXIT_USAGE, run("--market", "recorded:" + dir));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(dir.toString()), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldTradeOnFixMarketDataFromTheVenueSimulator() {
        assertEquals(RebalancerDaemon.EXIT_OK, runOn("fix", "--market", "fix", "--ticks", "4000"),
            err.toString(StandardCharsets.UTF_8) + printed());
        final String market = line("market ");
        assertTrue(market.startsWith("market   FIX market data (") && market.contains("snapshots=8 ")
            && market.contains("rejects=0 malformed-entries=0"), market);
        final Matcher received = Pattern.compile("market data: (\\d+) received, (\\d+) good, 0 refused")
            .matcher(line("market data:"));
        assertTrue(received.find(), line("market data:"));
        assertEquals(received.group(1), received.group(2));
        assertTrue(engineTicks() > 8, "the engine priced from FIX: " + engineTicks());
        assertTrue(line("fix ").contains("logged on"), line("fix "));
    }

    @Test
    void shouldNameTheSettingsWhenFixMarketDataHasNoSimulator() {
        assertEquals(RebalancerDaemon.EXIT_USAGE, run("--market", "fix"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--market fix takes prices from the in-process venue"
            + " simulator"), err.toString(StandardCharsets.UTF_8));
    }
}
