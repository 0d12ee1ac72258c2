package io.rebalancer.engine.core;

/**
 * The one sequence every client order id and request id comes from: unique and increasing, so an id is never
 * reused within a run and replaying the same inputs gives the same ids.
 */
final class ClientOrderIds {
    private long next;

    ClientOrderIds(final long first) {
        next = first;
    }

    long next() {
        return next++;
    }
}
