package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay as a person meets it, on the journal of {@link JournalFixture}. */
@Timeout(60)
class ReplayToolTest {
    @TempDir
    Path dir;

    private JournalFixture fixture;
    private String journal;
    private final ToolConsole console = new ToolConsole(ReplayTool::run);

    @BeforeEach
    void writeJournal() {
        fixture = new JournalFixture(dir).write();
        journal = fixture.journalDir.toString();
    }

    private int run(final String... args) {
        return console.run(args);
    }

    private List<String> lines() {
        return console.lines();
    }

    private String err() {
        return console.err();
    }

    @Test
    void shouldReplayTheJournalToTheSameDecisions() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--journal", journal), err());

        assertEquals("replay of journal " + journal + " with the configuration it recorded", lines().get(0));
        assertEquals("16 inputs replayed, 36 decisions compared", lines().get(1));
        assertEquals("identical: the engine decided again exactly what the journal records", lines().get(2));
        assertTrue(lines().get(3).startsWith("chain OK: "), lines().get(3));
        assertEquals(4, lines().size());
        assertEquals("", err());
    }

    @Test
    void shouldReportTheFirstDifferenceWithAnotherConfiguration() throws IOException {
        final Path portfolio = fixture.config.resolve("portfolios").resolve("balanced-60-40.conf");
        Files.writeString(portfolio, Files.readString(portfolio).replace("absolute = 5", "absolute = 2"));

        assertEquals(RebalancerDaemon.EXIT_FAILED, run("--journal", journal, "--config", fixture.config.toString()),
            err());

        final String report = String.join("\n", lines());
        assertEquals("replay of journal " + journal + " with the configuration in " + fixture.config
            + " instead of the one it recorded", lines().get(0));
        // When SPY falls to 300 the drift is 9.1 points: 1.8 bands of 5, but 4.6 of 2.
        assertEquals("3 inputs replayed, 0 decisions compared", lines().get(1), report);
        assertEquals("DIFFERENT: first difference, after input 2:", lines().get(2), report);
        assertEquals("  input:   2        2026-03-27T13:30:02Z           TICK                SPY bid 299.99 ask 300.01"
            + " last 300.00 [end of batch]", lines().get(3), report);
        assertEquals("  journal: 2        2026-03-27T13:30:02Z           REBALANCE_TRIGGERED balanced-60-40 THRESHOLD"
            + " drift ratio 1.821883 portfolio drift 0.091094", lines().get(4), report);
        assertEquals("  replay:  2        2026-03-27T13:30:02Z           REBALANCE_TRIGGERED balanced-60-40 THRESHOLD"
            + " drift ratio 4.554707 portfolio drift 0.091094", lines().get(5), report);
        assertEquals(7, lines().size(), report);

        run("--journal", journal);
        assertEquals(lines().get(3), report.lines().toList().get(6),
            "the verdict covers the whole journal, although replay stopped at the difference");
    }

    @Test
    void shouldReportDamageAndFail() {
        fixture.damageReport(3, JournalRecords.EXEC_LAST_PRICE);

        assertEquals(RebalancerDaemon.EXIT_FAILED, run(journal), err());

        final String report = String.join("\n", lines());
        assertTrue(lines().get(lines().size() - 1).startsWith("chain DAMAGED before its end: 1 damaged record"),
            report);
    }

    @Test
    void shouldRefuseWhatItCannotReplayWithOneClearLine() throws IOException {
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused("no such folder: " + dir.resolve("missing"), "--journal", dir.resolve("missing").toString());
        assertRefused("no journal in " + empty + " (no .cq4 files)", "--journal", empty.toString());
        assertRefused("which journal? give --journal DIR");
        assertRefused("unknown option --fast", journal, "--fast");
        assertRefused("--config needs a folder", journal, "--config");
        assertRefused("no configuration folder " + dir.resolve("nowhere"), journal, "--config",
            dir.resolve("nowhere").toString());
        final Path portfolio = fixture.config.resolve("portfolios").resolve("balanced-60-40.conf");
        Files.writeString(portfolio, Files.readString(portfolio).replace("SPY = 60", "SPY = 70"));
        assertRefused("the configuration does not load: " + portfolio, journal, "--config",
            fixture.config.toString());
    }

    private void assertRefused(final String message, final String... args) {
        assertEquals(RebalancerDaemon.EXIT_USAGE, run(args), () -> Arrays.toString(args) + ": " + err());
        assertTrue(err().startsWith("replay: " + message), () -> Arrays.toString(args) + ": " + err());
        assertFalse(err().contains("Exception") || err().contains("\tat "), err());
        assertEquals("", console.out());
    }

    @Test
    void shouldPrintItsUsage() {
        assertEquals(RebalancerDaemon.EXIT_OK, run("--help"));

        assertEquals("Usage: java -jar rebalancer.jar replay --journal DIR [--config DIR]", lines().get(0));
        assertEquals("", err());
    }
}
