package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.pipeline.InboundPublisher;

/**
 * What the daemon sees of a gateway to a venue, whatever the wire: where the engine's orders go, and a life
 * cycle. Executions come back through the engine's inbound ring, given at {@link #start}: the engine needs the
 * order sink before its ring exists, so the gateway is built first and connected to the ring second.
 */
public interface OrderGateway extends AutoCloseable {
    /** The engine's order sink: call only from the engine thread; never blocks, never allocates. */
    OrderSink orderSink();

    /**
     * Connects and starts sending; orders handed over before the session is up are rejected back.
     *
     * @param executions the engine's inbound ring, where execution reports go
     */
    void start(InboundPublisher executions);

    /** Whether the session to the venue is logged on right now; any thread. */
    boolean isConnected();

    /** Counters of what the gateway did; any thread. */
    GatewayCounters counters();

    /** Orders the engine handed over that found the hand-off ring full; never expected. Any thread. */
    long ordersLost();

    /** Stops sending (orders still queued are rejected back), logs out and disconnects. */
    @Override
    void close();
}
