package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The venue of the tick-to-intent scenario: the daemon's paper venue reduced to its answer, so that the portfolio
 * can rebalance again and again. An agent drains the engine's {@link OrderHandOff} ring, as the paper venue and the
 * FIX gateway do, and answers each new order at once through the engine's inbound ring: an acknowledgement, then one
 * fill of the whole quantity at the order's limit (the one price a limit order is sure to get). Every order is done
 * as soon as it is read, so a cancel or replace can only be about a finished order and is refused, as a venue would.
 * Reports carry the order's own time (that of the event that caused it), so they never move the engine's clock.
 * <p>
 * Its idle strategy is the paper venue's (spin, yield, then park up to a millisecond), never a busy spin: the
 * injector may be this box's one spinning thread. Nothing here allocates once running.
 */
final class InstantFills implements Agent, MessageHandler, AutoCloseable {
    private static final int RECORDS_PER_CYCLE = 64;

    private final OrderHandOff handOff;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private InboundPublisher executions;
    private AgentRunner runner;
    private long nextExecutionId = 1;

    /** @param orderCapacity the engine's order capacity, which sizes the hand-off ring */
    InstantFills(final int orderCapacity) {
        handOff = new OrderHandOff(orderCapacity);
    }

    /** The engine's order sink. */
    OrderSink orderSink() {
        return handOff;
    }

    /** Starts answering on an agent thread of its own. */
    void start(final InboundPublisher executionsTo) {
        executions = executionsTo;
        runner = new AgentRunner(new BackoffIdleStrategy(10, 10, 1_000, 1_000_000), this::failed, null, this);
        AgentRunner.startOnThread(runner);
    }

    private void failed(final Throwable error) {
        failure.compareAndSet(null, error);
    }

    /** The first exception the agent hit, or null. */
    Throwable failure() {
        return failure.get();
    }

    @Override
    public String roleName() {
        return "harness-instant-fills";
    }

    @Override
    public int doWork() {
        return handOff.ring().read(this, RECORDS_PER_CYCLE);
    }

    @Override
    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length) {
        final long time = buffer.getLong(index + OrderHandOff.TIME_OFFSET);
        final long id = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        switch (type) {
            case OrderHandOff.NEW_ORDER:
                final long quantity = buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET);
                final long limit = buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET);
                executions.execution(time, id, nextExecutionId++, ExecType.NEW, 0, 0, quantity);
                executions.execution(time, id, nextExecutionId++, ExecType.TRADE, quantity, limit, 0);
                break;
            case OrderHandOff.CANCEL:
            case OrderHandOff.REPLACE:
                executions.execution(time, id, nextExecutionId++, ExecType.CANCEL_REJECTED, 0, 0, 0);
                break;
            default:
                // Status requests follow a restart's reconcile command, which the harness never sends.
                break;
        }
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }
}
