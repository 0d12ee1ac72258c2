package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.state.Portfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole daemon in-process: config from config/, 50,000 seeded synthetic ticks, the paper venue and the
 * console, then the summary. Checks on the engine thread, after every order and fill, that no holding goes
 * negative and cash is never overspent.
 */
@Timeout(60)
class DemoRunSystemTest {
    static final long SEED = 20_260_129L;
    static final long TICKS = 50_000;
    /**
     * A portfolio outside its bands at the end must at least have covered 40% of the way to its targets: a
     * HALFWAY planner covers about half per rebalance, and a run of 50,000 ticks may hold only one.
     */
    private static final double MUCH_CLOSER = 0.6;

    /** On the engine thread: holdings and cash must never go negative. */
    private static final class NeverNegative extends ForwardingListener {
        private final AtomicReference<String> violation = new AtomicReference<>();
        private volatile Engine engine;

        NeverNegative(final io.rebalancer.engine.core.EngineListener next) {
            super(next);
        }

        void check(final String when) {
            for (int id = 0; id < engine.portfolioCount(); id++) {
                final Portfolio p = engine.portfolio(id);
                // Buys may spend what working sells are raising, so settled cash can dip below zero until those
                // sells fill; counting every working order, cash must never be overspent.
                if (p.effectiveCash() < 0 || (p.settledCash() < 0 && p.openOrders() == 0)) {
                    violation.compareAndSet(null, when + ": portfolio " + id + " cash " + p.settledCash()
                        + ", effective " + p.effectiveCash() + ", open orders " + p.openOrders());
                }
                for (int slot = 0; slot < p.assets(); slot++) {
                    if (p.settledQuantity(slot) < 0 || p.sellableQuantity(slot) < 0) {
                        violation.compareAndSet(null, when + ": portfolio " + id + " slot " + slot + " holds "
                            + p.settledQuantity(slot) + ", sellable " + p.sellableQuantity(slot));
                    }
                }
            }
        }

        @Override
        public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long quantity, final long price,
            final long leavesQuantity) {
            check("after fill of order " + clientOrderId);
            super.onFill(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity, price,
                leavesQuantity);
        }

        @Override
        public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long quantity,
            final long limitPrice) {
            check("after order " + clientOrderId);
            super.onOrderSent(inputSequence, timeNanos, clientOrderId, portfolioId, instrumentId, side, quantity,
                limitPrice);
        }
    }

    /** What a run left behind. */
    record Outcome(EngineConfig config, RunReport report, String printed, String violation) {
    }

    private static Outcome runDaemon() throws ConfigException {
        return runDaemon(false);
    }

    /**
     * Runs the shipped config for {@link #TICKS} seeded ticks with the paper venue, or the FIX venue
     * ({@code --venue fix}), checking holdings and cash on the engine thread after every order and fill.
     */
    static Outcome runDaemon(final boolean fixVenue) throws ConfigException {
        return runDaemon(fixVenue, null);
    }

    /** As {@link #runDaemon(boolean)}, the gateway connecting as {@code fixSettings} says when not null. */
    static Outcome runDaemon(final boolean fixVenue, final Path fixSettings) throws ConfigException {
        final EngineConfig config = ConfigLoader.load(Path.of("..", "config"));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final DaemonOptions options = new DaemonOptions(Path.of("..", "config"), TICKS, SEED,
            DaemonOptions.DEFAULT_TICK_INTERVAL_NANOS, 1_769_697_000_000_000_000L, 3_600_000_000_000L, 0, false,
            false, fixVenue, fixSettings, DaemonOptions.DEFAULT_SHUTDOWN_TIMEOUT_NANOS, null, false,
            DaemonOptions.DEFAULT_SNAPSHOT_EVERY, 0, MarketOptions.SYNTHETIC);
        final AtomicReference<NeverNegative> checker = new AtomicReference<>();
        final DemoRun run = new DemoRun(config, options, out, next -> {
            final NeverNegative c = new NeverNegative(next);
            checker.set(c);
            return c;
        });
        checker.get().engine = run.engine();
        final RunReport report = run.execute();
        checker.get().check("at the end");
        return new Outcome(config, report, bytes.toString(StandardCharsets.UTF_8), checker.get().violation.get());
    }

    @Test
    void shouldRunTheWholeDaemonSafelyAndSummarise() throws ConfigException {
        final Outcome run = runDaemon();
        final RunReport report = run.report();
        assertNull(run.violation());
        assertTrue(report.ok(), report.summary());
        assertEquals(TICKS, report.engineCounters()[EngineCounters.TICKS]);
        assertEquals(0, java.util.Arrays.stream(report.inputRejects()).sum(), report.summary());
        assertTrue(report.engineCounters()[EngineCounters.REBALANCES] > 0,
            "the configured portfolios start off target");
        assertTrue(run.printed().contains("REBALANCE"), run.printed());
        assertTrue(run.printed().contains("STATUS"), run.printed());
        for (final PortfolioSpec spec : run.config().portfolios()) {
            assertTrue(report.summary().contains(spec.name()), report.summary());
        }
    }

    @Test
    void shouldSendAndFillOrdersThatBringEveryPortfolioBackTowardItsTargets() throws ConfigException {
        final Outcome run = runDaemon();
        final RunReport report = run.report();
        assertNull(run.violation());
        final long sent = report.engineCounters()[EngineCounters.ORDERS_SENT];
        assertTrue(sent > 0, report.summary());
        assertTrue(report.portfolios().stream().filter(p -> p.ordersFilled() > 0).count() >= 2, report.summary());
        assertTrue(report.engineCounters()[EngineCounters.FILLS] > 0, report.summary());
        assertEquals(sent, report.engineCounters()[EngineCounters.ORDERS_CLOSED],
            "every order ends filled or cancelled");
        assertTrue(run.printed().contains("-> order") && run.printed().contains("<- fill"), run.printed());
        for (final RunReport.PortfolioOutcome p : report.portfolios()) {
            if (p.ordersFilled() == 0) {
                continue; // e.g. a quarterly calendar-threshold portfolio whose review is not in this run
            }
            assertTrue(p.endRatio() <= 1.0 || p.endDrift() <= p.startDrift() * MUCH_CLOSER,
                p.name() + " went from drift " + p.startDrift() + " to " + p.endDrift() + "\n" + report.summary());
        }
    }
}
