package io.rebalancer.daemon;

import io.rebalancer.marketdata.edge.EdgeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class DaemonOptionsTest {
    private static final long SECOND = 1_000_000_000L;

    private static String error(final String... args) {
        return assertThrows(UsageException.class, () -> DaemonOptions.parse(args)).getMessage();
    }

    @Test
    void shouldUseDefaultsWithoutArguments() throws UsageException {
        final DaemonOptions options = DaemonOptions.parse();
        assertEquals(Path.of("config"), options.configDir());
        assertEquals(DaemonOptions.DEFAULT_TICKS, options.ticks());
        assertEquals(SECOND, options.tickIntervalNanos());
        assertEquals(1_774_618_200L * SECOND, options.startEpochNanos());
        assertEquals(86_400 * SECOND, options.statusIntervalNanos());
        assertEquals(0, options.ticksPerSecond());
        assertFalse(options.quiet());
        assertFalse(options.help());
        assertTrue(options.fixVenue(), "FIX to the in-process venue simulator is the default");
        assertNull(options.fixSettings());
        assertEquals(10 * SECOND, options.shutdownTimeoutNanos());
    }

    @Test
    void shouldChooseTheFixVenueAndItsSettingsFile() throws UsageException {
        final DaemonOptions simulator = DaemonOptions.parse("--venue", "fix");
        assertTrue(simulator.fixVenue());
        assertNull(simulator.fixSettings(), "no file: the venue simulator runs in-process");
        final DaemonOptions external = DaemonOptions.parse("--venue=fix", "--fix-settings", "/etc/fix/broker.cfg");
        assertTrue(external.fixVenue());
        assertEquals(Path.of("/etc/fix/broker.cfg"), external.fixSettings());
        assertEquals(Path.of("a.cfg"), DaemonOptions.parse("--fix-settings", "a.cfg").fixSettings(),
            "FIX is the default venue, so the settings need no --venue");
        assertFalse(DaemonOptions.parse("--venue", "paper").fixVenue());
    }

    @Test
    void shouldRefuseABadVenueOrSettingsWithoutTheFixVenue() {
        assertEquals("--venue: 'ib' is not paper or fix", error("--venue", "ib"));
        assertEquals("--venue needs a value", error("--venue"));
        assertEquals("--fix-settings needs --venue fix, not paper",
            error("--venue", "paper", "--fix-settings", "a.cfg"));
        assertEquals("--fix-settings needs a QuickFIX/J settings file", error("--venue=fix", "--fix-settings="));
    }

    @Test
    void shouldParseEveryOptionInBothForms() throws UsageException {
        final DaemonOptions options = DaemonOptions.parse("--config", "/etc/rebalancer", "--ticks=50_000", "--seed",
            "-7", "--tick-interval", "250ms", "--start=2026-03-31T20:00:00Z", "--status-every", "6h", "--rate", "1000",
            "--quiet", "--shutdown-timeout=2500ms");
        assertEquals(Path.of("/etc/rebalancer"), options.configDir());
        assertEquals(2_500_000_000L, options.shutdownTimeoutNanos());
        assertEquals(50_000, options.ticks());
        assertEquals(-7, options.seed());
        assertEquals(250_000_000L, options.tickIntervalNanos());
        assertEquals(1_774_987_200L * SECOND, options.startEpochNanos());
        assertEquals(6 * 3_600 * SECOND, options.statusIntervalNanos());
        assertEquals(1000, options.ticksPerSecond());
        assertTrue(options.quiet());
        assertTrue(DaemonOptions.parse("-h").help());
    }

    @Test
    void shouldParseDurationsInEveryUnit() throws UsageException {
        assertEquals(5, DaemonOptions.duration("--x", "5ns"));
        assertEquals(5_000, DaemonOptions.duration("--x", "5us"));
        assertEquals(5_000_000, DaemonOptions.duration("--x", "5ms"));
        assertEquals(5 * SECOND, DaemonOptions.duration("--x", "5s"));
        assertEquals(300 * SECOND, DaemonOptions.duration("--x", "5m"));
        assertEquals(86_400 * SECOND, DaemonOptions.duration("--x", "1d"));
    }

    @Test
    void shouldExplainEveryBadArgument() {
        assertEquals("unknown option --tick", error("--tick", "5"));
        assertEquals("unexpected argument 'config' (options start with --)", error("config"));
        assertEquals("--ticks needs a value", error("--ticks"));
        assertEquals("--ticks: 'many' is not a whole number", error("--ticks", "many"));
        assertEquals("--ticks: '0' must be a positive whole number", error("--ticks=0"));
        assertEquals("--seed: '1.5' is not a whole number", error("--seed", "1.5"));
        assertEquals("--tick-interval: '5' is not a duration such as 500ms, 1s, 5m, 12h or 1d",
            error("--tick-interval", "5"));
        assertEquals("--tick-interval: '1w' is not a duration such as 500ms, 1s, 5m, 12h or 1d",
            error("--tick-interval", "1w"));
        assertEquals("--status-every: '0s' must be longer than zero", error("--status-every", "0s"));
        assertEquals("--tick-interval: '999999999d' is too long", error("--tick-interval", "999999999d"));
        assertEquals("--start: '2026-01-29' is not a UTC time such as 2026-03-27T13:30:00Z",
            error("--start", "2026-01-29"));
        assertEquals("--rate: '-1' must be 0 or more ticks per second", error("--rate", "-1"));
        assertEquals("--quiet takes no value", error("--quiet=yes"));
        assertEquals("--config needs a directory", error("--config="));
        assertEquals("--shutdown-timeout: '0s' must be longer than zero", error("--shutdown-timeout", "0s"));
    }

    @Test
    void shouldChooseTheMarketAndHowItIsJudged() throws UsageException {
        assertEquals(MarketOptions.SYNTHETIC, DaemonOptions.parse().market());
        final DaemonOptions csv = DaemonOptions.parse("--market", "csv:prices.csv", "--speed", "3600",
            "--jump-limit", "10%", "--record-feed", "feed");
        assertEquals(new MarketOptions(MarketOptions.Kind.CSV, Path.of("prices.csv"), 3600, 100_000, Path.of("feed")),
            csv.market());
        assertEquals(Long.MAX_VALUE, csv.ticks(), "a file is read to its end unless --ticks says otherwise");
        assertEquals(500, DaemonOptions.parse("--market=recorded:feed", "--ticks", "500").ticks());
        assertEquals(MarketOptions.Kind.RECORDED, DaemonOptions.parse("--market=recorded:feed").market().kind());
        assertEquals(0, DaemonOptions.parse("--jump-limit", "off").market().jumpLimitPpm());
        final DaemonOptions fix = DaemonOptions.parse("--market", "fix");
        assertEquals(new MarketOptions(MarketOptions.Kind.FIX, null, 0, EdgeSettings.DEFAULT_JUMP_LIMIT_PPM, null),
            fix.market());
        assertEquals(DaemonOptions.DEFAULT_TICKS, fix.ticks(), "the simulator's market is as long as the synthetic");
        final DaemonOptions external = DaemonOptions.parse("--market", "fix:md.cfg", "--venue", "paper");
        assertEquals(Path.of("md.cfg"), external.market().source());
        assertEquals(Long.MAX_VALUE, external.ticks(), "an external feed runs until stopped");
        assertEquals(0, external.ticksPerSecond());
        assertEquals(25_000, DaemonOptions.parse("--jump-limit", "2.5").market().jumpLimitPpm());
    }

    @Test
    void shouldRefuseABadMarket() {
        assertEquals("--market: 'bloomberg' is not synthetic, csv:FILE, recorded:DIR, fix or fix:FILE",
            error("--market", "bloomberg"));
        assertTrue(error("--market", "fix", "--venue", "paper").startsWith("--market fix takes prices from the"
            + " in-process venue simulator"));
        assertTrue(error("--market", "fix", "--fix-settings", "a.cfg").endsWith("--market fix:FILE"));
        assertEquals("--speed paces a file or a recording; pace the synthetic market with --rate",
            error("--market", "fix", "--speed", "2"));
        assertEquals("--market csv needs a file: csv:prices.csv", error("--market", "csv:"));
        assertEquals("--market recorded needs a folder: recorded:feed", error("--market", "recorded"));
        assertEquals("--market synthetic takes nothing after it, not 'x'", error("--market", "synthetic:x"));
        assertEquals("--speed paces a file or a recording; pace the synthetic market with --rate",
            error("--speed", "2"));
        assertTrue(error("--speed", "-1").startsWith("--speed: '-1' is not 0"));
        assertEquals("--jump-limit: '0' is not a positive percentage such as 25% or off", error("--jump-limit", "0"));
        assertEquals("--jump-limit: 'big' is not a positive percentage such as 25% or off",
            error("--jump-limit", "big"));
    }
}
