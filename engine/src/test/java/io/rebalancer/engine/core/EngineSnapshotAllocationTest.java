package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.OrderPolicy.WorkingOrderPolicy;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.time.AllocationMeter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static io.rebalancer.engine.core.Fixtures.SECOND;
import static io.rebalancer.engine.core.Fixtures.money;
import static io.rebalancer.engine.core.LifecycleScenario.BUY;
import static io.rebalancer.engine.core.LifecycleScenario.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A snapshot is taken on the engine thread, so writing one allocates nothing (the caller's buffer holds it); nor
 * does restoring one, although that is not on the hot path. Measured with the engine's order table, requests and
 * execution ids in use. Runs in its own JVM, as every allocation test does.
 */
class EngineSnapshotAllocationTest {
    private static final int WARM_UP = 200;
    private static final int PER_RUN = 50;
    private static final int ATTEMPTS = 3;

    @Test
    void shouldAllocateNothingToWriteOrRestoreASnapshot() {
        final LifecycleScenario scenario = new LifecycleScenario();
        final OrderPolicy policy = LifecycleScenario.policy(0, WorkingOrderPolicy.REPLACE, SECOND);
        scenario.breached(policy).report(SELL, 101, ExecType.TRADE, 10, money(124.90))
            .command(Command.CANCEL_ORDERS, 0, CancelReason.OPERATOR.ordinal()).later(SECOND)
            .report(BUY, 102, ExecType.REJECTED, 0, 0);
        final Engine engine = scenario.engine;
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(engine.maxSnapshotBytes()));
        final Recorder out = new Recorder();
        final Engine restored = new Engine(LifecycleScenario.config(policy), out, out);
        for (int i = 0; i < WARM_UP; i++) {
            restored.restore(buffer, 0, engine.snapshot(buffer, 0));
        }

        final long writing = AllocationMeter.fewestBytesAllocated(() -> {
            long written = 0;
            for (int i = 0; i < PER_RUN; i++) {
                written += engine.snapshot(buffer, 0);
            }
            return written;
        }, ATTEMPTS);
        final int length = engine.snapshot(buffer, 0);
        final long restoring = AllocationMeter.fewestBytesAllocated(() -> {
            for (int i = 0; i < PER_RUN; i++) {
                restored.restore(buffer, 0, length);
            }
            return restored.lastSequence();
        }, ATTEMPTS);

        assertEquals(0, writing, "bytes allocated by " + PER_RUN + " snapshots");
        assertEquals(0, restoring, "bytes allocated by " + PER_RUN + " restores");
        assertEquals(engine.workingOrders(), restored.workingOrders());
    }
}
