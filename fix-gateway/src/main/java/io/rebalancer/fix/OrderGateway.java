package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderSink;

/**
 * What the daemon sees of a gateway to a venue, whatever the wire: where the engine's orders go, and a life
 * cycle. Executions come back through the engine's inbound ring, which the gateway was given.
 */
public interface OrderGateway extends AutoCloseable {
    /** The engine's order sink: call only from the engine thread; never blocks, never allocates. */
    OrderSink orderSink();

    /** Connects and starts sending; orders handed over before the session is up are rejected back. */
    void start();

    /** Whether the session to the venue is logged on right now; any thread. */
    boolean isConnected();

    /** Counters of what the gateway did; any thread. */
    GatewayCounters counters();

    /** Stops sending (orders still queued are rejected back), logs out and disconnects. */
    @Override
    void close();
}
