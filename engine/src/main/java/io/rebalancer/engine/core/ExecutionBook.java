package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.state.Portfolio;

/**
 * Books execution reports against the working orders: fills move holdings and cash, final states release
 * what never filled. The venue is the record of what traded, so an overfill is booked as reported and
 * flagged rather than refused; a report for an unknown order is refused and counted, never guessed at.
 */
final class ExecutionBook {
    private final OrderTable orders;
    private final Portfolio[] portfolios;
    private final EngineListener listener;
    private final EngineCounters counters;
    /** The order {@link #check} found, so {@link #book} does not look it up again. */
    private int checked = -1;

    ExecutionBook(final OrderTable orders, final Portfolio[] portfolios, final EngineListener listener,
        final EngineCounters counters) {
        this.orders = orders;
        this.portfolios = portfolios;
        this.listener = listener;
        this.counters = counters;
    }

    /**
     * Checks a report before anything is booked or the clock moves: a refused report must change nothing, not
     * even the engine's time (a bogus report stamped a day ahead would otherwise make every price stale).
     *
     * @return null when the report can be booked, otherwise why not
     */
    InputReject check(final InboundEvent report) {
        final int index = orders.find(report.clientOrderId());
        checked = index;
        if (index < 0) {
            return InputReject.UNKNOWN_ORDER;
        }
        switch (report.execType()) {
            case ExecType.NEW:
            case ExecType.CANCELED:
            case ExecType.REJECTED:
            case ExecType.EXPIRED:
                return null;
            case ExecType.TRADE:
                final long quantity = report.lastQuantity();
                final long price = report.lastPrice();
                return quantity <= 0 || price <= 0 || Fixed.multiply(quantity, price) == Fixed.OVERFLOW
                    ? InputReject.INVALID_EXECUTION : null;
            default:
                return InputReject.INVALID_EXECUTION;
        }
    }

    /**
     * Books the report that just passed {@link #check}.
     *
     * @return the id of the portfolio whose state changed, or -1
     */
    int book(final long sequence, final long now, final InboundEvent report) {
        final int index = checked;
        final int execType = report.execType();
        switch (execType) {
            case ExecType.TRADE:
                return fill(sequence, now, index, report.lastQuantity(), report.lastPrice());
            case ExecType.CANCELED:
            case ExecType.REJECTED:
            case ExecType.EXPIRED:
                return close(sequence, now, index, execType);
            case ExecType.NEW:
            default:
                return -1;
        }
    }

    private int fill(final long sequence, final long now, final int index, final long quantity, final long price) {
        final long clientOrderId = orders.clientOrderId(index);
        final int portfolioId = orders.portfolioId(index);
        final Portfolio portfolio = portfolios[portfolioId];
        final int slot = orders.slot(index);
        final byte side = orders.side(index);
        final long leaves = orders.leaves(index);
        final long booked = Math.min(quantity, leaves);
        portfolio.filled(slot, side, booked, price, orders.limitPrice(index));
        if (quantity > leaves) {
            reject(sequence, now, InputReject.OVERFILL, clientOrderId);
            portfolio.filledBeyondOrder(slot, side, quantity - leaves, price);
        }
        orders.reduceLeaves(index, booked);
        counters.increment(EngineCounters.FILLS);
        listener.onFill(sequence, now, clientOrderId, portfolioId, orders.instrumentId(index), side, quantity, price,
            orders.leaves(index));
        if (orders.leaves(index) == 0) {
            finish(sequence, now, index, ExecType.TRADE, 0);
        }
        return portfolioId;
    }

    private int close(final long sequence, final long now, final int index, final int execType) {
        final int portfolioId = orders.portfolioId(index);
        final long leaves = orders.leaves(index);
        portfolios[portfolioId].remainderReleased(orders.slot(index), orders.side(index), leaves,
            orders.limitPrice(index));
        finish(sequence, now, index, execType, leaves);
        return portfolioId;
    }

    private void finish(final long sequence, final long now, final int index, final int execType,
        final long released) {
        final int portfolioId = orders.portfolioId(index);
        portfolios[portfolioId].orderClosed();
        counters.increment(EngineCounters.ORDERS_CLOSED);
        listener.onOrderClosed(sequence, now, orders.clientOrderId(index), portfolioId, execType, released);
        orders.close(index);
    }

    int workingOrders() {
        return orders.size();
    }

    private void reject(final long sequence, final long now, final InputReject reason, final long subject) {
        counters.rejected(reason);
        listener.onInputRejected(sequence, now, reason, subject);
    }
}
