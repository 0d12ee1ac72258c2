package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.venue.VenueSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole daemon in-process with {@code --venue fix}: the shipped config, 50,000 seeded synthetic ticks, the
 * FIX gateway logged on over loopback to the venue simulator on a free port. The orders must cross the wire and
 * fill, holdings and cash must never go wrong (checked on the engine thread after every order and fill, as for
 * the paper venue), and the summary must say what the session did.
 */
@Timeout(90)
class FixDemoRunSystemTest {
    @Test
    void shouldTradeOverFixSafelyAndSummariseTheSession() throws ConfigException {
        final DemoRunSystemTest.Outcome run = DemoRunSystemTest.runDaemon(true);
        final RunReport report = run.report();
        assertNull(run.violation(), run.violation());
        assertTrue(report.ok(), report.summary());
        assertEquals(DemoRunSystemTest.TICKS, report.engineCounters()[EngineCounters.TICKS]);
        final long sent = report.engineCounters()[EngineCounters.ORDERS_SENT];
        assertTrue(sent > 0, report.summary());
        assertEquals(sent, report.totals().venue().orders(), "every order the engine sent went over FIX");
        assertTrue(report.totals().venue().fills() > 0, report.summary());
        assertTrue(report.engineCounters()[EngineCounters.FILLS] > 0, report.summary());
        assertEquals(0, report.totals().venue().refused(), report.summary());
        assertTrue(report.portfolios().stream().anyMatch(p -> p.ordersFilled() > 0), report.summary());
        assertTrue(run.printed().contains("-> order") && run.printed().contains("<- fill"), run.printed());
        final String fix = report.totals().venue().line();
        assertTrue(fix != null && fix.contains("logged on") && fix.contains(Text.count(sent) + " orders sent over FIX"),
            report.summary());
        assertTrue(report.summary().contains("fix      FIX session"), report.summary());
        assertFalse(Files.exists(Path.of("fixstore")), "the in-process pair keeps sequence numbers in memory");
        assertFalse(Files.exists(Path.of("..", "fixstore")), "the in-process pair keeps sequence numbers in memory");
    }

    @Test
    void shouldConnectToTheAcceptorOfTheFixSettingsFileInsteadOfStartingASimulator(@TempDir final Path dir)
        throws ConfigException, IOException {
        final Path config = Path.of("..", "config");
        final ShippedFixPair fix = ShippedFixPair.onFreePort(config, dir);
        final Path settings = fix.initiator();
        final EngineConfig engine = ConfigLoader.load(config);
        // The external venue sees no quotes of the daemon's market: it acknowledges every order and fills none.
        try (VenueSimulator venue = fix.venue(engine)) {
            venue.start();
            final RunReport report = DemoRunSystemTest.runDaemon(true, settings).report();
            final long sent = report.engineCounters()[EngineCounters.ORDERS_SENT];
            assertTrue(report.ok(), report.summary());
            assertTrue(sent > 0, report.summary());
            assertEquals(sent, venue.receivedOrders().size(), "every order reached the external acceptor");
            assertTrue(report.totals().venue().line().contains("to the acceptor of " + settings), report.summary());
        }
        assertTrue(Files.isDirectory(dir.resolve("store")), "the settings file's own store is used");
    }

    @Test
    void shouldRefuseToStartWhenTheFixSettingsCannotBeRead(@TempDir final Path dir) {
        final Path missing = dir.resolve("broker.cfg");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RebalancerDaemon.run(new String[] {"--config", Path.of("..", "config").toString(),
            "--venue", "fix", "--fix-settings", missing.toString(), "--quiet", "--no-journal"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), ConfigLoader::load, false);
        assertEquals(RebalancerDaemon.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(missing.toString()),
            () -> err.toString(StandardCharsets.UTF_8));
    }
}
