package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.engine.state.Portfolio;

/**
 * Books execution reports against the engine's orders and moves each order through its lifecycle
 * (pending-new, new, partially filled, filled, cancelled, rejected, expired, with cancel and replace requests
 * pending on the side). Fills move holdings and cash; final states release what never filled.
 * <p>
 * Real venues differ and wires reorder, so: a report whose execution id was already booked is refused
 * (resends never count twice); states only move forward (an acknowledgement after a fill changes nothing); a
 * fill for an order that already finished (it crossed the cancel on the wire) is booked as the venue says and
 * counted; a venue that sends one full fill and nothing else closes the order on that fill. The venue is the
 * record of what traded, so an overfill is booked as reported and flagged rather than refused; a report for an
 * unknown order is refused and counted, never guessed at.
 */
final class ExecutionBook {
    private final OrderTable orders;
    private final Portfolio[] portfolios;
    private final OrderRequests requests;
    private final StatusRequests statusRequests;
    private final RejectBackoff backoff;
    private final ExecutionIds executionIds;
    private final EngineListener listener;
    private final EngineCounters counters;
    /** The order {@link #check} found, so {@link #book} does not look it up again: scratch within one event. */
    private int checked = -1;

    ExecutionBook(final OrderTable orders, final Portfolio[] portfolios, final OrderRequests requests,
        final StatusRequests statusRequests, final RejectBackoff backoff, final ExecutionIds executionIds,
        final EngineListener listener, final EngineCounters counters) {
        this.orders = orders;
        this.portfolios = portfolios;
        this.requests = requests;
        this.statusRequests = statusRequests;
        this.backoff = backoff;
        this.executionIds = executionIds;
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
        final long clientOrderId = report.clientOrderId();
        final int index = orders.find(clientOrderId);
        checked = index;
        if (index < 0) {
            return InputReject.UNKNOWN_ORDER;
        }
        if (executionIds.isDuplicate(report.executionId())) {
            return InputReject.DUPLICATE_EXECUTION;
        }
        final boolean finished = orders.isFinished(index);
        switch (report.execType()) {
            case ExecType.TRADE:
                final long quantity = report.lastQuantity();
                final long price = report.lastPrice();
                return quantity <= 0 || price <= 0 || Fixed.multiply(quantity, price) == Fixed.OVERFLOW
                    ? InputReject.INVALID_EXECUTION : null;
            case ExecType.NEW:
            case ExecType.CANCELED:
            case ExecType.REJECTED:
            case ExecType.EXPIRED:
                return finished ? InputReject.ORDER_FINISHED : null;
            case ExecType.REPLACED:
                if (finished) {
                    return InputReject.ORDER_FINISHED;
                }
                return answersRequest(index, clientOrderId, OrderTable.REPLACE_REQUEST)
                    || isAbandoned(index, clientOrderId) ? null : InputReject.UNEXPECTED_REPLY;
            case ExecType.ORDER_STATUS:
                final long cumulative = report.cumulativeQuantity();
                // The gateway's "no answer" carries execution id 0, the same each time: not a duplicate.
                return VenueOrderStatus.isValid(report.orderStatus()) && cumulative >= 0
                    && (cumulative == 0 || report.averagePrice() > 0)
                    && Fixed.multiply(cumulative, report.averagePrice()) != Fixed.OVERFLOW
                    ? null : InputReject.INVALID_EXECUTION;
            case ExecType.CANCEL_REJECTED:
                // A refusal for an order that has since finished is the normal "too late to cancel" race.
                return finished || orders.requestId(index) == clientOrderId || isAbandoned(index, clientOrderId)
                    ? null : InputReject.UNEXPECTED_REPLY;
            default:
                return InputReject.INVALID_EXECUTION;
        }
    }

    /** A replace the engine gave up waiting for, which the venue may still answer. */
    private boolean isAbandoned(final int index, final long clientOrderId) {
        return clientOrderId != 0 && orders.abandonedId(index) == clientOrderId;
    }

    private boolean answersRequest(final int index, final long clientOrderId, final byte kind) {
        return orders.requestKind(index) == kind && orders.requestId(index) == clientOrderId;
    }

    /**
     * Books the report that just passed {@link #check}.
     *
     * @return the id of the portfolio whose state changed, or -1
     */
    int book(final long sequence, final long now, final InboundEvent report) {
        final int index = checked;
        executionIds.remember(report.executionId());
        final int execType = report.execType();
        switch (execType) {
            case ExecType.TRADE:
                return orders.isFinished(index)
                    ? lateFill(sequence, now, index, report.lastQuantity(), report.lastPrice())
                    : fill(sequence, now, index, report.lastQuantity(), report.lastPrice());
            case ExecType.NEW:
                if (orders.state(index) == OrderState.PENDING_NEW) {
                    orders.state(index, OrderState.NEW);
                    requests.state(sequence, now, index);
                }
                return -1;
            case ExecType.REJECTED:
                counters.increment(EngineCounters.VENUE_REJECTS);
                backoff.rejected(orders.portfolioId(index), now);
                return close(sequence, now, index, execType, OrderState.REJECTED);
            case ExecType.CANCELED:
                return close(sequence, now, index, execType, OrderState.CANCELED);
            case ExecType.EXPIRED:
                return close(sequence, now, index, execType, OrderState.EXPIRED);
            case ExecType.REPLACED:
                return replaced(sequence, now, index, report.clientOrderId());
            case ExecType.ORDER_STATUS:
                return reconcile(sequence, now, index, report);
            case ExecType.CANCEL_REJECTED:
                counters.increment(EngineCounters.CANCEL_REJECTS);
                if (orders.isFinished(index)) {
                    return -1;
                }
                if (isAbandoned(index, report.clientOrderId())) {
                    orders.removeId(index, report.clientOrderId());
                    orders.clearAbandoned(index);
                    return -1;
                }
                requests.refused(sequence, now, index);
                requests.state(sequence, now, index);
                return orders.portfolioId(index);
            default:
                return -1;
        }
    }

    /**
     * What the venue says of an order after a restart. Quantity it shows filled beyond what the engine booked was
     * missed (the process died between the venue's report and the journal): booked now, at the price that makes
     * the venue's average price true, rounded to the micro. An order the venue says finished is closed; one it never
     * saw (the engine journaled it and died before it left) is closed unfilled and never sent again. Less filled
     * than booked, or an unknown order that had fills, is a disagreement the engine cannot settle: counted and
     * reported for a person to look at, nothing changed.
     */
    private int reconcile(final long sequence, final long now, final int index, final InboundEvent report) {
        statusRequests.answered(index);
        if (report.orderStatus() == VenueOrderStatus.NO_ANSWER) {
            counters.increment(EngineCounters.STATUS_UNANSWERED);
            return orders.portfolioId(index);
        }
        final int portfolioId = orders.portfolioId(index);
        final long booked = orders.cumulativeQuantity(index);
        final long venue = report.cumulativeQuantity();
        final int status = report.orderStatus();
        if (venue < booked || status == VenueOrderStatus.UNKNOWN && booked > 0) {
            reject(sequence, now, InputReject.STATUS_MISMATCH, orders.clientOrderId(index));
            return -1;
        }
        if (venue > booked) {
            final long missing = venue - booked;
            final long notional = Fixed.multiply(venue, report.averagePrice()) - orders.filledNotional(index);
            final long price = notional > 0 ? (notional + missing / 2) / missing : report.averagePrice();
            counters.increment(EngineCounters.RECONCILED_FILLS);
            if (orders.isFinished(index)) {
                lateFill(sequence, now, index, missing, price);
            } else {
                fill(sequence, now, index, missing, price);
            }
        }
        if (orders.isFinished(index)) {
            return portfolioId;
        }
        switch (status) {
            case VenueOrderStatus.FILLED:
            case VenueOrderStatus.CANCELED:
                return close(sequence, now, index, ExecType.CANCELED, OrderState.CANCELED);
            case VenueOrderStatus.EXPIRED:
                return close(sequence, now, index, ExecType.EXPIRED, OrderState.EXPIRED);
            case VenueOrderStatus.REJECTED:
                counters.increment(EngineCounters.VENUE_REJECTS);
                return close(sequence, now, index, ExecType.REJECTED, OrderState.REJECTED);
            case VenueOrderStatus.UNKNOWN:
                counters.increment(EngineCounters.ORDERS_NEVER_SENT);
                return close(sequence, now, index, ExecType.REJECTED, OrderState.REJECTED);
            case VenueOrderStatus.WORKING:
            default:
                if (orders.state(index) == OrderState.PENDING_NEW) {
                    orders.state(index, OrderState.NEW);
                    requests.state(sequence, now, index);
                }
                return portfolioId;
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
        orders.book(index, leaves - booked, orders.limitPrice(index));
        orders.addFill(index, quantity, Fixed.multiply(quantity, price));
        orders.state(index, OrderState.PARTIALLY_FILLED);
        backoff.filled(portfolioId);
        counters.increment(EngineCounters.FILLS);
        listener.onFill(sequence, now, clientOrderId, portfolioId, orders.instrumentId(index), side, quantity, price,
            orders.leaves(index));
        if (orders.leaves(index) == 0) {
            finish(sequence, now, index, ExecType.TRADE, OrderState.FILLED, 0);
        } else {
            requests.state(sequence, now, index);
        }
        return portfolioId;
    }

    /**
     * A fill for an order that already finished: it crossed the cancel (or expiry) on the wire. Nothing is working
     * for it any more, so holdings and cash move directly; up to what the order released at its close it is a late
     * fill, beyond that an overfill, flagged.
     */
    private int lateFill(final long sequence, final long now, final int index, final long quantity,
        final long price) {
        final long clientOrderId = orders.clientOrderId(index);
        final int portfolioId = orders.portfolioId(index);
        final byte side = orders.side(index);
        final long expected = Math.min(quantity, orders.released(index));
        orders.released(index, orders.released(index) - expected);
        if (quantity > expected) {
            reject(sequence, now, InputReject.OVERFILL, clientOrderId);
        }
        portfolios[portfolioId].filledBeyondOrder(orders.slot(index), side, quantity, price);
        orders.addFill(index, quantity, Fixed.multiply(quantity, price));
        backoff.filled(portfolioId);
        counters.increment(EngineCounters.LATE_FILLS);
        counters.increment(EngineCounters.FILLS);
        listener.onFill(sequence, now, clientOrderId, portfolioId, orders.instrumentId(index), side, quantity, price,
            0);
        requests.state(sequence, now, index);
        return portfolioId;
    }

    /**
     * The venue accepted a cancel/replace: the order works on the requested terms, known by the request's id. The
     * replace is the one out, or one the engine gave up waiting for (the venue is the record, so it is booked).
     */
    private int replaced(final long sequence, final long now, final int index, final long requestId) {
        final int portfolioId = orders.portfolioId(index);
        final boolean out = answersRequest(index, requestId, OrderTable.REPLACE_REQUEST);
        final long total = out ? orders.requestQuantity(index) : orders.abandonedQuantity(index);
        final long limit = out ? orders.requestLimit(index) : orders.abandonedLimit(index);
        if (!out) {
            orders.clearAbandoned(index);
        }
        final long leaves = Math.max(0, total - orders.cumulativeQuantity(index));
        portfolios[portfolioId].workingChanged(orders.slot(index), orders.side(index), orders.leaves(index),
            orders.limitPrice(index), leaves, limit);
        orders.book(index, leaves, limit);
        orders.orderQuantity(index, total);
        orders.currentId(index, requestId);
        requests.startAge(index, now);
        if (orders.state(index) == OrderState.PENDING_NEW) {
            orders.state(index, OrderState.NEW);
        }
        if (leaves == 0) {
            // Finished before any waiting cancel could be sent for it: finish() clears the request out.
            finish(sequence, now, index, ExecType.TRADE, OrderState.FILLED, 0);
            return portfolioId;
        }
        if (out) {
            requests.answered(sequence, now, index);
        }
        requests.state(sequence, now, index);
        return portfolioId;
    }

    private int close(final long sequence, final long now, final int index, final int execType,
        final OrderState state) {
        final int portfolioId = orders.portfolioId(index);
        final long leaves = orders.leaves(index);
        portfolios[portfolioId].remainderReleased(orders.slot(index), orders.side(index), leaves,
            orders.limitPrice(index));
        orders.book(index, 0, orders.limitPrice(index));
        finish(sequence, now, index, execType, state, leaves);
        return portfolioId;
    }

    private void finish(final long sequence, final long now, final int index, final int execType,
        final OrderState state, final long released) {
        final int portfolioId = orders.portfolioId(index);
        portfolios[portfolioId].orderClosed();
        orders.released(index, released);
        orders.close(index, state);
        requests.answered(sequence, now, index);
        counters.increment(EngineCounters.ORDERS_CLOSED);
        listener.onOrderClosed(sequence, now, orders.clientOrderId(index), portfolioId, execType, released);
        requests.state(sequence, now, index);
    }

    private void reject(final long sequence, final long now, final InputReject reason, final long subject) {
        counters.rejected(reason);
        listener.onInputRejected(sequence, now, reason, subject);
    }
}
