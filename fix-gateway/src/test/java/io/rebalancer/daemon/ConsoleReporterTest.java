package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.OrderState;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.engine.trigger.TriggerReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class ConsoleReporterTest {
    /** 2026-01-06 15:30:00 UTC. */
    private static final long T = 1_767_713_400_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static EngineConfig config() {
        return TestConfigs.twoPortfolios();
    }

    private String printed() {
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void shouldPrintEachCallbackAsAReadableLineWithNamesResolved() {
        final EngineConfig config = config();
        final ConsoleReporter reporter = new ConsoleReporter(2, 3);
        final PriceBoard prices = new PriceBoard(3);
        prices.update(0, 478_000_000L, 478_020_000L, 0, T);
        prices.update(1, 92_500_000L, 92_510_000L, 0, T);
        reporter.prices(prices);
        reporter.onRebalanceTriggered(1, T, 0, TriggerReason.THRESHOLD, 1.27, 0.041);
        reporter.onOrderSent(1, T, 17, 0, 0, Side.BUY, 35, 478_230_000L);
        reporter.onOrderRejected(1, T, 0, 1, Side.SELL, 100, 92_100_000L, RiskVerdict.ORDER_CAPACITY);
        reporter.onRebalancePlanned(1, T, 0, 1, 1);
        reporter.onFill(2, T, 17, 0, 0, Side.BUY, 35, 478_010_000L, 0);
        reporter.onOrderClosed(2, T, 17, 0, ExecType.TRADE, 0);
        reporter.onOrderClosed(3, T, 18, 1, ExecType.CANCELED, 10);
        reporter.onInputRejected(4, T, InputReject.UNKNOWN_ORDER, 99);
        reporter.onPortfolioStatus(5, T, 0, DriftStatus.OK, 175_550_000_000L, 100_000_000_000L, 6.53, 0.5675, 2);
        reporter.onPortfolioStatus(5, T, 1, DriftStatus.STALE_PRICE, 50_000_000_000L, 50_000_000_000L, 0, 0, 0);
        reporter.onEngineFault(6, T, new IllegalStateException("boom"));
        final ConsolePrinter printer = new ConsolePrinter(reporter, config, out, () -> "FIX logged on (1 logon)");
        while (printer.doWork() > 0) {
            assertEquals(0, reporter.dropped());
        }
        assertEquals(String.join("\n",
            "2026-01-06 15:30:00.000  balanced-60-40  REBALANCE threshold  drift ratio 1.27  total drift 4.10%",
            "2026-01-06 15:30:00.000  balanced-60-40    -> order 17 BUY 35 SPY limit 478.23",
            "2026-01-06 15:30:00.000  balanced-60-40    !! order rejected by risk: ORDER_CAPACITY SELL 100 TLT"
                + " limit 92.10",
            "2026-01-06 15:30:00.000  balanced-60-40       planned: 1 sent, 1 rejected by risk",
            "2026-01-06 15:30:00.000  balanced-60-40    <- fill 17 BUY 35 SPY @ 478.01 (leaves 0)",
            "2026-01-06 15:30:00.000  gold-tilt         xx order 18 CANCELED, 10 unfilled",
            "2026-01-06 15:30:00.000  !! input rejected: UNKNOWN_ORDER (" + InputReject.UNKNOWN_ORDER.description()
                + "), subject 99",
            "2026-01-06 15:30:00.000  STATUS  FIX logged on (1 logon)",
            "  orders: 1 sent, 1 fills, 0 cancels and 0 replaces requested",
            "  portfolio                 value     settled cash total drift   ratio working  status",
            "  balanced-60-40       175,550.00       100,000.00      56.75%    6.53       2  OK",
            "  gold-tilt             50,000.00        50,000.00       0.00%    0.00       0  STALE_PRICE",
            "  prices  SPY 478.01  TLT 92.505  GLD -",
            "2026-01-06 15:30:00.000  !! ENGINE FAULT at input 6: trading HALTED: "
                + "java.lang.IllegalStateException: boom",
            ""), printed());
    }

    @Test
    void shouldShowCancelsAndReplacesAndCountOrderStatesAsOfEachStatus() {
        final ConsoleReporter reporter = new ConsoleReporter(2, 3);
        reporter.onOrderSent(1, T, 17, 0, 0, Side.BUY, 35, 478_230_000L);
        reporter.onOrderState(1, T, 17, 0, OrderState.PENDING_NEW, 0, 0, 35);
        reporter.onOrderState(2, T, 17, 0, OrderState.NEW, 0, 0, 35);
        reporter.onReplaceRequested(3, T, 18, 17, 0, 40, 478_500_000L);
        reporter.onOrderState(3, T, 17, 0, OrderState.PENDING_REPLACE, 0, 0, 35);
        reporter.onOrderState(4, T, 17, 0, OrderState.NEW, 0, 0, 40);
        reporter.onCancelRequested(5, T, 19, 17, 1, CancelReason.SHUTDOWN);
        reporter.onPortfolioStatus(6, T, 0, DriftStatus.OK, 1_000_000_000L, 0, 0.5, 0.01, 1);
        reporter.onPortfolioStatus(6, T, 1, DriftStatus.OK, 1_000_000_000L, 0, 0.5, 0.01, 0);
        reporter.onOrderState(7, T, 17, 0, OrderState.CANCELED, 0, 0, 0);
        reporter.onOrderClosed(7, T, 19, 0, ExecType.CANCELED, 40);
        final ConsolePrinter printer = new ConsolePrinter(reporter, config(), out, () -> "FIX session DOWN (2 logons, "
            + "1 reconnects)");
        printer.onClose();
        assertEquals(String.join("\n",
            "2026-01-06 15:30:00.000  balanced-60-40    -> order 17 BUY 35 SPY limit 478.23",
            "2026-01-06 15:30:00.000  balanced-60-40    -> replace order 17 (request 18): total 40 limit 478.50",
            "2026-01-06 15:30:00.000  gold-tilt         -> cancel order 17 (request 19): shutdown",
            "2026-01-06 15:30:00.000  STATUS  FIX session DOWN (2 logons, 1 reconnects)",
            "  orders: 1 sent, 0 fills, 1 cancels and 1 replaces requested; states reached: pending new 1, new 2, "
                + "pending replace 1",
            "  portfolio                 value     settled cash total drift   ratio working  status",
            "  balanced-60-40         1,000.00             0.00       1.00%    0.50       1  OK",
            "  gold-tilt              1,000.00             0.00       1.00%    0.50       0  OK",
            "2026-01-06 15:30:00.000  balanced-60-40    xx order 19 CANCELED, 40 unfilled",
            ""), printed(), "the counts are those of the status's moment, not of the printing's");
    }

    @Test
    void shouldDropAndCountWhenThePrinterFallsBehindInsteadOfBlocking() {
        final ConsoleReporter reporter = new ConsoleReporter(2, 3, 1024);
        for (int i = 0; i < 100; i++) {
            reporter.onFill(i, T, i, 0, 0, Side.BUY, 1, 478_010_000L, 0);
        }
        assertTrue(reporter.dropped() > 80, "dropped " + reporter.dropped());
        final long kept = 100 - reporter.dropped();
        final ConsolePrinter printer = new ConsolePrinter(reporter, config(), out, () -> "paper venue");
        printer.onClose();
        final String text = printed();
        assertEquals(kept, text.lines().filter(line -> line.contains("<- fill")).count());
        assertTrue(text.contains(".. " + reporter.dropped() + " report lines dropped: the printer fell behind"), text);
    }

    @Test
    void shouldAllocateNothingOnTheEngineThread() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final ConsoleReporter reporter = new ConsoleReporter(2, 3, 1 << 16);
        final RunTally tally = new RunTally(2, reporter);
        final OrderHandOff venue = new OrderHandOff(64);
        for (int round = 0; round < 3; round++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                tally.onOrderSent(i, T, i, 1, 2, Side.SELL, 10, 92_100_000L);
                tally.onFill(i, T, i, 1, 2, Side.SELL, 10, 92_100_000L, 0);
                tally.onPortfolioStatus(i, T, 1, DriftStatus.OK, 1L, 2L, 0.5, 0.01, 0);
                venue.onNewOrder(T, i, 1, 2, Side.SELL, 10, 92_100_000L);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                assertTrue(allocated < 1024, allocated + " bytes for 400,000 callbacks");
            }
        }
        assertTrue(reporter.dropped() > 0 && venue.lost() > 0, "full rings drop rather than block");
    }
}
