package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command as a person meets it: exit status, what goes to stdout and what to stderr. */
@Timeout(60)
class RebalancerDaemonTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** Runs the daemon without a journal unless the test names one: tests must not share ./journal. */
    private int run(final ConfigSource source, final String... args) {
        final boolean journal = java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--journal"));
        final String[] all = journal ? args : java.util.Arrays.copyOf(args, args.length + 1);
        if (!journal) {
            all[args.length] = "--no-journal";
        }
        return RebalancerDaemon.run(all, out, err, source, false);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRunQuietlyAndPrintOnlyTheSummary() {
        final int status = run(dir -> TestConfigs.twoPortfolios(), "--ticks", "30000", "--seed", "5", "--quiet",
            "--venue", "paper");
        assertEquals(RebalancerDaemon.EXIT_OK, status, err());
        assertTrue(out().startsWith(System.lineSeparator() + "==== summary"), out());
        assertTrue(out().contains("balanced-60-40") && out().contains("gold-tilt"), out());
        assertTrue(out().contains("run      30,000 ticks"), out());
        assertFalse(out().contains("REBALANCE"), out());
        assertEquals("", err());
    }

    @Test
    void shouldPrintEventsAndStatusWhenNotQuiet() {
        final int status = run(dir -> TestConfigs.twoPortfolios(), "--ticks=9000", "--status-every=1h",
            "--venue=paper");
        assertEquals(RebalancerDaemon.EXIT_OK, status, err());
        assertTrue(out().startsWith("rebalancer demo: 3 instruments (SPY TLT GLD), 2 portfolios"), out());
        assertTrue(out().contains("balanced-60-40  REBALANCE threshold  drift ratio"), out());
        assertTrue(out().contains("2026-03-27 15:00:00.000  STATUS"), out());
        assertTrue(out().contains("  prices  SPY "), out());
    }

    @Test
    void shouldTradeOverFixWithTheInProcessVenueSimulatorByDefault() {
        final int status = run(ConfigLoader::load, "--config", Path.of("..", "config").toString(), "--ticks", "5000",
            "--quiet");
        assertEquals(RebalancerDaemon.EXIT_OK, status, err());
        assertTrue(out().contains("fix      FIX session to the in-process venue simulator on 127.0.0.1:"), out());
        assertTrue(out().contains("shutdown on-shutdown cancel: "), out());
    }

    @Test
    void shouldPrintTheHelp() {
        assertEquals(RebalancerDaemon.EXIT_OK, run(dir -> {
            throw new AssertionError("help must not load the config");
        }, "--help"));
        assertTrue(out().startsWith("Usage: java -jar rebalancer.jar [options]"), out());
        assertTrue(out().contains("--tick-interval D"), out());
    }

    @Test
    void shouldRefuseABadOptionWithExitTwoAndAHint() {
        assertEquals(RebalancerDaemon.EXIT_USAGE, run(dir -> TestConfigs.twoPortfolios(), "--ticks", "-5"));
        assertEquals("rebalancer: --ticks: '-5' must be a positive whole number" + System.lineSeparator()
            + "Try --help for the options." + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void shouldPrintAConfigErrorAsIsWithoutAStackTrace() {
        final Path missing = Path.of("target", "no-such-config");
        final String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage();
        final Path[] asked = new Path[1];
        assertEquals(RebalancerDaemon.EXIT_USAGE, run(dir -> {
            asked[0] = dir;
            return ConfigLoader.load(dir);
        }, "--config", missing.toString()));
        assertEquals(missing, asked[0]);
        assertEquals(message + System.lineSeparator(), err());
        assertEquals("", out());
    }

    @Test
    void shouldRefuseAJournalFolderThatDoesNotExistWithOneClearSentence(@org.junit.jupiter.api.io.TempDir
        final Path dir) {
        final Path missing = dir.resolve("journal-typo");
        final int status = run(dir2 -> TestConfigs.twoPortfolios(), "--venue", "paper", "--journal",
            missing.toString(), "--ticks", "10");
        assertEquals(RebalancerDaemon.EXIT_USAGE, status);
        assertTrue(err().contains("rebalancer: journal folder " + missing.toAbsolutePath().normalize()
            + " does not exist"), err());
        assertTrue(!err().contains("Exception") && !err().contains("\tat "), "no stack trace: " + err());
    }
}
