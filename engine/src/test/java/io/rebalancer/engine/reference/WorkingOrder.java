package io.rebalancer.engine.reference;

/** A child order the reference has sent and not yet seen reach a final state. */
record WorkingOrder(long clientOrderId, int portfolio, int instrument, byte side, long quantity, long leaves,
                    long limitPrice) {
    WorkingOrder withLeaves(final long newLeaves) {
        return new WorkingOrder(clientOrderId, portfolio, instrument, side, quantity, newLeaves, limitPrice);
    }
}
