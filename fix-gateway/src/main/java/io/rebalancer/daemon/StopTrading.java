package io.rebalancer.daemon;

import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.domain.OrderPolicy.ShutdownOrders;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.InboundPublisher;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon's one way out of trading, the same after the last tick and on Ctrl-C or SIGTERM: it halts the engine
 * ({@link Command#SET_TRADING_STATE} HALTED) so no new order leaves, then, as {@code [orders] on-shutdown} says,
 * either asks the engine to cancel every working order ({@link Command#CANCEL_ORDERS}, reason
 * {@link CancelReason#SHUTDOWN}) and waits, parking and bounded, until none works, or leaves them working at the
 * venue. Both go through the engine's ring, so they are ordered after every tick and fill already published, and
 * the engine stays the only thread that touches orders.
 */
final class StopTrading {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /**
     * What stopping did.
     *
     * @param policy         the configured on-shutdown policy
     * @param workingAtStop  orders working when trading stopped (sent, not yet closed, by the engine's counters)
     * @param workingLeft    orders still working when the wait ended (with LEAVE: when it stopped)
     * @param refused        the engine refused the cancel command, so nothing was cancelled
     * @param timeoutNanos   how long the cancels were given
     */
    record Outcome(ShutdownOrders policy, long workingAtStop, long workingLeft, boolean refused, long timeoutNanos) {
        /** With CANCEL: the wait ended with orders still working, though the engine took the command. */
        boolean timedOut() {
            return policy == ShutdownOrders.CANCEL && !refused && workingLeft > 0;
        }
    }

    private final InboundPublisher publisher;
    private final EngineCounters counters;
    private final ShutdownOrders policy;
    private final long timeoutNanos;

    /**
     * @param publisher    the engine's inbound ring
     * @param counters     the engine's counters, read from this thread to see orders close
     * @param policy       {@code config.orders().onShutdown()}
     * @param timeoutNanos how long to wait for the cancels to be confirmed ({@code --shutdown-timeout})
     */
    StopTrading(final InboundPublisher publisher, final EngineCounters counters, final ShutdownOrders policy,
        final long timeoutNanos) {
        this.publisher = publisher;
        this.counters = counters;
        this.policy = policy;
        this.timeoutNanos = timeoutNanos;
    }

    /** Orders the engine sent and has not yet seen finish; any thread. */
    static long working(final EngineCounters counters) {
        return counters.get(EngineCounters.ORDERS_SENT) - counters.get(EngineCounters.ORDERS_CLOSED);
    }

    /**
     * Halts trading and applies the policy; the caller has stopped the market. With nothing working, no cancel
     * command is sent.
     *
     * @param time event time of the commands: the latest time already published, so the clock never goes back
     */
    Outcome stop(final long time) {
        publisher.command(time, Command.SET_TRADING_STATE, -1, TradingState.HALTED.ordinal());
        awaitEngine();
        final long atStop = working(counters);
        if (policy == ShutdownOrders.LEAVE || atStop == 0) {
            return new Outcome(policy, atStop, atStop, false, 0);
        }
        final long refusedBefore = counters.rejects(InputReject.INVALID_COMMAND);
        publisher.command(time, Command.CANCEL_ORDERS, -1, CancelReason.SHUTDOWN.ordinal());
        final long deadline = System.nanoTime() + timeoutNanos;
        boolean refused = false;
        while (working(counters) > 0 && !refused && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            // An engine that does not know the command counts it as an input reject: nothing will be cancelled.
            refused = counters.rejects(InputReject.INVALID_COMMAND) > refusedBefore;
        }
        return new Outcome(policy, atStop, working(counters), refused, timeoutNanos);
    }

    /** Parks until the engine consumed everything published so far (the halt, the cancel command). */
    private void awaitEngine() {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (publisher.backlog() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
