package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;

/**
 * Feeds events straight into an engine on the test thread, as the Disruptor would, so unit tests are
 * deterministic and need no threads. Each call is its own batch unless inside {@link #batch}.
 */
final class Driver {
    private final Engine engine;
    private final InboundEvent event = new InboundEvent();
    private long sequence;
    private long execId;
    private boolean batching;
    private long time = Fixtures.T0;

    Driver(final Engine engine) {
        this.engine = engine;
    }

    /**
     * A driver for another engine that goes on from where this one is (time, input sequence, execution ids), for an
     * engine restored from a snapshot of this driver's engine.
     */
    Driver fork(final Engine other) {
        final Driver fork = new Driver(other);
        fork.sequence = sequence;
        fork.execId = execId;
        fork.time = time;
        return fork;
    }

    long time() {
        return time;
    }

    Driver at(final long eventTime) {
        time = eventTime;
        return this;
    }

    Driver later(final long nanos) {
        time += nanos;
        return this;
    }

    /** A two-sided quote around {@code mid} with a one-cent spread. */
    Driver quote(final int instrument, final double mid) {
        final long m = Fixed.fromDouble(mid);
        return tickMicros(instrument, m - 5_000, m + 5_000, m);
    }

    Driver tickMicros(final int instrument, final long bid, final long ask, final long last) {
        return send(event.tick(time, instrument, bid, ask, last));
    }

    Driver fill(final long clientOrderId, final long quantity, final long price) {
        return send(event.execution(time, clientOrderId, ++execId, ExecType.TRADE, quantity, price, 0));
    }

    Driver done(final long clientOrderId, final int execType) {
        return send(event.execution(time, clientOrderId, ++execId, execType, 0, 0, 0));
    }

    /** An execution report with an explicit execution id, for duplicate and out-of-order cases. */
    Driver report(final long clientOrderId, final long executionId, final int execType, final long quantity,
        final long price) {
        return send(event.execution(time, clientOrderId, executionId, execType, quantity, price, 0));
    }

    /** The venue's answer to an order status request. */
    Driver orderStatus(final long clientOrderId, final int status, final long cumulative, final long averagePrice,
        final long leaves) {
        return send(event.orderStatus(time, clientOrderId, ++execId, status, cumulative, averagePrice, leaves));
    }

    Driver timer() {
        return send(event.timer(time));
    }

    Driver command(final int code, final int target, final long argument) {
        return send(event.command(time, code, target, argument));
    }

    Driver status() {
        return command(Command.REPORT_STATUS, -1, 0);
    }

    /** Runs {@code body} as one batch: the engine judges drift only after its last event. */
    Driver batch(final Runnable body) {
        batching = true;
        try {
            body.run();
        } finally {
            batching = false;
        }
        return send(event.timer(time));
    }

    private Driver send(final InboundEvent e) {
        engine.onEvent(e, sequence++, !batching);
        return this;
    }
}
