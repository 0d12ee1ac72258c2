package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.OrderPolicy.ShutdownOrders;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the summary counts per portfolio, and how it tells what stopping did to the working orders. */
@Timeout(10)
class RunTallyTest {
    private static final long T = 1_767_713_400_000_000_000L;

    @Test
    void shouldCountRequestsAndHowEachOrderEndedPerPortfolio() {
        final RunTally tally = new RunTally(2, NoOpEngineListener.INSTANCE);
        for (long id = 1; id <= 5; id++) {
            tally.onOrderSent(id, T, id, 1, 0, Side.BUY, 10, 1_000_000L);
        }
        tally.onReplaceRequested(6, T, 6, 1, 1, 12, 1_010_000L);
        tally.onCancelRequested(7, T, 7, 2, 1, CancelReason.MAX_AGE);
        tally.onCancelRequested(8, T, 8, 3, 1, CancelReason.SHUTDOWN);
        tally.onOrderClosed(9, T, 6, 1, ExecType.TRADE, 0);
        tally.onOrderClosed(9, T, 7, 1, ExecType.CANCELED, 10);
        tally.onOrderClosed(9, T, 8, 1, ExecType.CANCELED, 10);
        tally.onOrderClosed(9, T, 4, 1, ExecType.REJECTED, 10);
        tally.onOrderClosed(9, T, 5, 1, ExecType.EXPIRED, 10);
        assertEquals(List.of(5L, 1L, 2L, 1L, 1L, 1L, 2L),
            List.of(tally.get(1, RunTally.ORDERS_SENT), tally.get(1, RunTally.REPLACES_REQUESTED),
                tally.get(1, RunTally.CANCELS_REQUESTED), tally.get(1, RunTally.ORDERS_FILLED),
                tally.get(1, RunTally.ORDERS_REFUSED), tally.get(1, RunTally.ORDERS_EXPIRED),
                tally.get(1, RunTally.ORDERS_CANCELLED)));
        assertEquals(0, tally.get(0, RunTally.ORDERS_SENT), "portfolio 0 did nothing");
    }

    private static String summary(final StopTrading.Outcome shutdown) {
        final RunReport.Totals totals = new RunReport.Totals(10, 1_000_000_000L, T, T, 1, true, true,
            new RunReport.VenueTotals("fix", "FIX session to nowhere", 0, 0, 0, 0), 0, null, shutdown, null, null);
        return SummaryWriter.write(List.of(), new long[EngineCounters.fixedCounters()],
            new long[InputReject.values().length], totals, ZoneId.of("UTC"));
    }

    @Test
    void shouldSayWhatStoppingDidToTheWorkingOrders() {
        assertTrue(summary(new StopTrading.Outcome(ShutdownOrders.CANCEL, 3, 0, false, 10_000_000_000L))
            .contains("shutdown on-shutdown cancel: 3 working orders cancelled (or finished first)"));
        assertTrue(summary(new StopTrading.Outcome(ShutdownOrders.CANCEL, 3, 1, false, 10_000_000_000L))
            .contains("shutdown on-shutdown cancel: !! 1 of 3 working orders not confirmed cancelled within 10s"));
        assertTrue(summary(new StopTrading.Outcome(ShutdownOrders.CANCEL, 3, 3, true, 10_000_000_000L))
            .contains("shutdown on-shutdown cancel: !! the engine refused the cancel command: 3 orders left working"));
        assertTrue(summary(new StopTrading.Outcome(ShutdownOrders.LEAVE, 2, 2, false, 0))
            .contains("shutdown on-shutdown leave: 2 orders left working at the venue"));
        assertTrue(summary(new StopTrading.Outcome(ShutdownOrders.CANCEL, 0, 0, false, 10_000_000_000L))
            .contains("shutdown on-shutdown cancel: no order was working when trading stopped"));
        assertTrue(summary(null).contains("fix      FIX session to nowhere"));
    }
}
