package io.rebalancer.fix;

import io.rebalancer.engine.core.InputReject;
import io.rebalancer.engine.core.NoOpEngineListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the engine's orders, fills, closes and input rejects as records, readable from the test thread. */
final class RecordingListener extends NoOpEngineListener {
    record Sent(long clientOrderId, int instrumentId, byte side, long quantity, long limitPrice) {
    }

    record Fill(long clientOrderId, int instrumentId, byte side, long quantity, long price, long leaves) {
    }

    record Closed(long clientOrderId, int execType, long released) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<Closed> closed = new CopyOnWriteArrayList<>();
    final List<InputReject> rejects = new CopyOnWriteArrayList<>();

    @Override
    public void onOrderSent(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        sent.add(new Sent(clientOrderId, instrumentId, side, quantity, limitPrice));
    }

    @Override
    public void onFill(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long quantity, final long price,
        final long leavesQuantity) {
        fills.add(new Fill(clientOrderId, instrumentId, side, quantity, price, leavesQuantity));
    }

    @Override
    public void onOrderClosed(final long inputSequence, final long timeNanos, final long clientOrderId,
        final int portfolioId, final int execType, final long released) {
        closed.add(new Closed(clientOrderId, execType, released));
    }

    @Override
    public void onInputRejected(final long inputSequence, final long timeNanos, final InputReject reason,
        final long subject) {
        rejects.add(reason);
    }

    /** Counts of orders and fills, every close and input reject: for a failure message. */
    @Override
    public String toString() {
        return "engine sent " + sent.size() + ", fills " + fills.size() + ", closed " + closed + ", rejects " + rejects;
    }
}
