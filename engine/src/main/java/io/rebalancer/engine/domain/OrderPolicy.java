package io.rebalancer.engine.domain;

/**
 * How the engine looks after the orders it has working.
 *
 * @param maxOrderAgeNanos       cancel an order that has worked this long (event time); 0 never cancels for age
 * @param workingOrders          what a new rebalance does with a slot's working order
 * @param onShutdown             what the daemon does with working orders when it stops
 * @param rejectBackoffNanos     after the venue rejects one of a portfolio's orders, its trigger waits this long
 *                               before planning again; each further reject in a row doubles the wait; 0 = never
 * @param maxRejectBackoffNanos  the longest such wait
 * @param requestTimeoutNanos    a cancel or replace the venue has not answered in this long (event time) is given
 *                               up: the order works on as the engine last knew it, and a cancel is sent once more
 */
public record OrderPolicy(long maxOrderAgeNanos, WorkingOrderPolicy workingOrders, ShutdownOrders onShutdown,
                          long rejectBackoffNanos, long maxRejectBackoffNanos, long requestTimeoutNanos) {
    /** What a new rebalance does with an order that still works on one of its slots. */
    public enum WorkingOrderPolicy {
        /** Leave it: plan around its working quantity, trade nothing else on that slot until it finishes. */
        KEEP,
        /** Re-size and re-price it (cancel/replace) to what the new plan wants, or cancel it if it wants nothing. */
        REPLACE
    }

    /** What happens to working orders when the daemon is asked to stop. */
    public enum ShutdownOrders {
        /** Cancel every working order and wait (bounded) for the venue to confirm. */
        CANCEL,
        /** Leave them working at the venue. */
        LEAVE
    }

    /**
     * The engine left to its plan alone: keep working orders, never cancel for age, no back-off after rejects
     * (cancel on shutdown). What tests get unless they ask for a policy; the shipped configuration is stricter.
     */
    public static final OrderPolicy KEEP_WORKING = new OrderPolicy(0, WorkingOrderPolicy.KEEP, ShutdownOrders.CANCEL,
        0, 0, 30_000_000_000L);

    public OrderPolicy {
        if (maxOrderAgeNanos < 0 || workingOrders == null || onShutdown == null || rejectBackoffNanos < 0
            || maxRejectBackoffNanos < rejectBackoffNanos || requestTimeoutNanos <= 0) {
            throw new IllegalArgumentException("invalid order policy");
        }
    }
}
