package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.plan.PlanFixture.Built;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static io.rebalancer.engine.plan.PlanFixture.UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner runs on the engine thread whenever a trigger fires: after warm-up it must allocate nothing.
 * <p>
 * The JVM itself may allocate a few hundred bytes once on this thread while the JIT settles (seen only when other
 * tests ran first in the same JVM). A real allocation would cost at least 16 bytes a call, 16 MB a window, in
 * every window; so each window must stay under 1 KB and one of at most {@value #WINDOWS} windows must be exactly 0.
 */
final class PlannerAllocationTest {
    private static final int WARM_UP = 300_000;
    private static final int CALLS = 1_000_000;
    private static final int WINDOWS = 3;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final TradePlan plan = new TradePlan(8);

    @Test
    void shouldAllocateNothingPerPlanningCall() {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final PlannerMode[] modes = {PlannerMode.TO_TARGET, PlannerMode.HALFWAY, PlannerMode.TO_BAND_EDGE,
            PlannerMode.TO_BAND_EDGE};
        final int[] slotBands = {20_000, 20_000, 20_000, 900_000};
        final Built[] portfolios = new Built[modes.length];
        final RebalancePlanner[] planners = new RebalancePlanner[modes.length];
        for (int m = 0; m < modes.length; m++) {
            portfolios[m] = portfolio(modes[m], slotBands[m]);
            planners[m] = new RebalancePlanner(portfolios[m].universe(), 1_000, 8);
            run(planners[m], portfolios[m], WARM_UP);
        }
        for (int m = 0; m < modes.length; m++) {
            long allocated = -1;
            for (int window = 0; window < WINDOWS && allocated != 0; window++) {
                final long before = threads.getCurrentThreadAllocatedBytes();
                final long orders = run(planners[m], portfolios[m], CALLS);
                allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < 1_024, modes[m] + " " + m + ": " + allocated + " bytes in " + CALLS + " calls");
                assertTrue(orders >= 2L * CALLS, modes[m] + " " + m + ": every call should plan orders");
            }
            assertEquals(0, allocated, modes[m] + " " + m + ": bytes allocated by " + CALLS + " planSells + planBuys");
        }
    }

    /** Sells and buys in every mode; with wide slot bands only the portfolio band moves TO_BAND_EDGE. */
    private static Built portfolio(final PlannerMode mode, final int slotBandPpm) {
        final PlanFixture fixture = new PlanFixture().mode(mode).cash(25_000 * UNIT).cashBuffer(10_000)
            .portfolioBand(10_000).hysteresis(100_000);
        final long[] quantities = {900, 50, 300, 120, 0, 2_500, 75, 10};
        final int[] targets = {100_000, 200_000, 100_000, 150_000, 150_000, 100_000, 100_000, 100_000};
        for (int k = 0; k < quantities.length; k++) {
            fixture.asset(k % 2 == 0 ? 1 : 10, quantities[k], targets[k], slotBandPpm)
                .quote(k, (20 + k) * UNIT, (20 + k) * UNIT + 20_000, 0);
        }
        return fixture.build();
    }

    private long run(final RebalancePlanner planner, final Built b, final int calls) {
        long orders = 0;
        for (int i = 0; i < calls; i++) {
            planner.planSells(b.portfolio(), b.prices(), plan);
            orders += plan.size();
            planner.planBuys(b.portfolio(), b.prices(), plan);
            orders += plan.size();
        }
        return orders;
    }
}
