package io.rebalancer.engine.core;

/** Why the engine asked the venue to cancel a working order. */
public enum CancelReason {
    /** An operator's cancel command or kill switch. */
    OPERATOR,
    /** The order worked longer than the configured maximum order age. */
    MAX_AGE,
    /** The daemon is stopping and is configured to cancel what works. */
    SHUTDOWN,
    /** A new rebalance wants the other side of this slot, or nothing at all. */
    PLAN_CHANGED
}
