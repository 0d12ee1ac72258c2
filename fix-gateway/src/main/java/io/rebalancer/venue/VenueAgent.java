package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.fix.FixDecimal;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.concurrent.Agent;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Text;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulator's matching loop, on its own thread. Each new order is acknowledged (ExecType 0 New) after the
 * configured delay, then filled at the touch while it is marketable against its limit (a buy at the ask, a sell
 * at the bid), so a fill is never worse than the limit. An order that is not marketable rests and is retried on
 * every duty cycle, so it fills when the quotes move; with a maximum rest it is cancelled when it has not filled
 * in that much wall-clock time, and a DAY order expires when the market's quote time passes the configured close.
 * With partial fills on, an order of two units or more fills in two halves on two cycles. A venue told to fill at
 * the limit ({@link VenueBehaviour#fillAtLimit()}) ignores the quotes: every order is marketable at its own limit,
 * and fills at it once its delays have passed. Cancels and replaces find the order by any ClOrdID it ever had;
 * after a replace the order is known, and filled, by the new id.
 * <p>
 * A status request finds the order the same way, by any ClOrdID it ever had (its own, an accepted replace's, an
 * accepted cancel's), never forgotten, and is answered with the order as it is now, under the ClOrdID the request
 * named: New or Partially filled while it works (Pending New while its ack is still due), else Filled, Canceled,
 * Expired or Rejected, with CumQty, LeavesQty and AvgPx. A ClOrdID the order never had, such as that of a replace
 * the venue refused, is unknown: OrdStatus 8 with OrdRejReason 5. A status request changes nothing, sends no ack
 * and books no fill. A NewOrderSingle refused as a duplicate ClOrdID ({@link VenueApplication}) is answered with
 * its reject here, in line with the other reports, and never reaches the book or {@link #executed()}.
 * <p>
 * Delays are wall-clock and checked on each duty cycle: the runner's idle strategy sleeps, nothing spins. The
 * faults of {@link VenueBehaviour} draw from one generator seeded once, on this thread only. What the venue did is
 * counted, and a fill recorded in {@link #executed()}, before its report is sent: whoever has read a report sees
 * it counted.
 */
final class VenueAgent implements Agent {
    private final Queue<VenueRequest> inbox;
    private final LatestQuotes quotes;
    private final long[] lots;
    private final VenueBehaviour behaviour;
    private final VenueCounters counters;
    private final VenueReports reports;
    private final ReportSender sender;
    private final Consumer<SessionID> disconnector;
    private final Random random;
    private final List<RestingOrder> book = new ArrayList<>();
    /** Every order by every ClOrdID it had (orders, replace and cancel requests), per session; never shrinks. */
    private final Map<OrderKey, RestingOrder> known = new HashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private long taken;
    private long newOrders;

    /**
     * @param disconnector drops one session's connection (a configured fault)
     * @param marker       marks duplicates PossDup on their way out (see {@link PossDupMarker})
     */
    /** Every fill executed, once each; written by this agent's thread, read by any. */
    private final Queue<VenueFill> executed = new ConcurrentLinkedQueue<>();

    VenueAgent(final Queue<VenueRequest> inbox, final LatestQuotes quotes, final long[] lots,
        final VenueBehaviour behaviour, final VenueCounters counters, final AtomicLong execIds,
        final Consumer<SessionID> disconnector, final PossDupMarker marker) {
        this.inbox = inbox;
        this.quotes = quotes;
        this.lots = lots;
        this.behaviour = behaviour;
        this.counters = counters;
        this.disconnector = disconnector;
        random = new Random(behaviour.seed());
        reports = new VenueReports(execIds);
        sender = new ReportSender(behaviour, counters, random, marker);
    }

    @Override
    public String roleName() {
        return "venue-simulator";
    }

    @Override
    public int doWork() {
        int work = 0;
        final long now = System.nanoTime();
        VenueRequest request;
        while ((request = inbox.poll()) != null) {
            work++;
            if (request instanceof VenueRequest.NewOrder newOrder) {
                taken++;
                accept(newOrder.order(), now);
            } else if (request instanceof VenueRequest.Cancel cancel) {
                cancel(cancel);
            } else if (request instanceof VenueRequest.Replace replace) {
                replace(replace);
            } else if (request instanceof VenueRequest.Status status) {
                status(status);
            } else if (request instanceof VenueRequest.Duplicate duplicate) {
                sender.send(duplicate.session(), reports.duplicateReject(duplicate.session(), duplicate.order()));
            }
        }
        for (int i = book.size() - 1; i >= 0; i--) {
            final RestingOrder order = book.get(i);
            if (advance(order, now)) {
                work++;
            }
            if (order.isDone()) {
                book.remove(i);
            }
        }
        if (work > 0) {
            processed.lazySet(taken);
        }
        return work;
    }

    /**
     * Orders taken from the inbox and given a first chance to fill (a whole duty cycle ran since they arrived);
     * any thread. A driver of the quotes may wait for this, so an order meets the market of its own moment.
     */
    long ordersProcessed() {
        return processed.get();
    }

    private void accept(final RestingOrder order, final long now) {
        final VenueOrder o = order.order;
        known.put(new OrderKey(order.session, order.clOrdId), order);
        newOrders++;
        if (order.instrument < 0 || order.instrument >= quotes.instruments() || o.quantity() <= 0
            || o.limitPrice() <= 0 || o.limitPrice() == Fixed.INVALID) {
            reject(order, "unknown symbol or unreadable quantity or price");
        } else if (behaviour.rejectProbability() > 0 && random.nextDouble() < behaviour.rejectProbability()) {
            counters.increment(VenueCounters.RANDOM_REJECTS);
            reject(order, "random reject (simulated fault)");
        } else {
            order.ackDueNanos = now + behaviour.ackDelayNanos();
            if (behaviour.maxRestNanos() > 0) {
                order.restDeadlineNanos = now + behaviour.maxRestNanos();
            }
            if (behaviour.dayClose() != null && order.day && quotes.timeNanos() != Long.MIN_VALUE) {
                order.closeAtQuoteNanos = nextClose(quotes.timeNanos(), behaviour.dayClose());
            }
            book.add(order);
            if (behaviour.ackDelayNanos() == 0) {
                acknowledge(order, now);
            }
        }
        maybeDisconnect(order.session);
    }

    private void reject(final RestingOrder order, final String why) {
        order.status = OrdStatus.REJECTED;
        final Message report = reports.execution(order, ExecType.REJECTED, OrdStatus.REJECTED);
        report.setString(Text.FIELD, why);
        counters.increment(VenueCounters.REJECTS);
        sender.send(order.session, report);
    }

    /** Drops the order's session after every N-th order or at random, when configured. */
    private void maybeDisconnect(final SessionID session) {
        final int n = behaviour.disconnectEveryOrders();
        final boolean every = n > 0 && newOrders % n == 0;
        final boolean chance = behaviour.disconnectProbability() > 0
            && random.nextDouble() < behaviour.disconnectProbability();
        if (every || chance) {
            disconnector.accept(session);
        }
    }

    /** Moves one live order on: the due ack, then expiry at the close, the rest timeout, or a fill. */
    private boolean advance(final RestingOrder order, final long now) {
        if (!order.acked) {
            if (now < order.ackDueNanos) {
                return false;
            }
            acknowledge(order, now);
            return true;
        }
        if (expiresAtClose(order)) {
            order.status = OrdStatus.EXPIRED;
            counters.increment(VenueCounters.EXPIRED);
            sender.send(order.session, reports.execution(order, ExecType.EXPIRED, OrdStatus.EXPIRED));
            return true;
        }
        if (now >= order.restDeadlineNanos) {
            order.status = OrdStatus.CANCELED;
            final Message report = reports.execution(order, ExecType.CANCELED, OrdStatus.CANCELED);
            report.setString(Text.FIELD, "not filled within the venue's maximum rest");
            counters.increment(VenueCounters.REST_TIMEOUTS);
            sender.send(order.session, report);
            return true;
        }
        return now >= order.fillNotBeforeNanos && tryFill(order, now);
    }

    /**
     * Sends the New ack, unless ack-less; with fill-before-ack, a marketable order's fill goes out first and the
     * ack, built before the fill, after it.
     */
    private void acknowledge(final RestingOrder order, final long now) {
        order.acked = true;
        order.fillNotBeforeNanos = now + behaviour.fillDelayNanos();
        if (behaviour.ackless()) {
            counters.increment(VenueCounters.ACKLESS_ORDERS);
            return;
        }
        final Message ack = reports.execution(order, ExecType.NEW, OrdStatus.NEW);
        if (behaviour.fillBeforeAck() && behaviour.fillDelayNanos() == 0 && tryFill(order, now)) {
            counters.increment(VenueCounters.OUT_OF_ORDER);
        }
        counters.increment(VenueCounters.ACKS);
        sender.send(order.session, ack);
    }

    private boolean expiresAtClose(final RestingOrder order) {
        final LocalTime close = behaviour.dayClose();
        final long quoteTime = quotes.timeNanos();
        if (close == null || !order.day || quoteTime == Long.MIN_VALUE) {
            return false;
        }
        if (order.closeAtQuoteNanos == RestingOrder.CLOSE_UNKNOWN) {
            order.closeAtQuoteNanos = nextClose(quoteTime, close);
            return false;
        }
        return quoteTime >= order.closeAtQuoteNanos;
    }

    /** The first instant strictly after {@code timeNanos} (epoch, UTC) whose time of day is {@code close}. */
    static long nextClose(final long timeNanos, final LocalTime close) {
        final long day = TimeUnit.DAYS.toNanos(1);
        final long closeAt = Math.floorDiv(timeNanos, day) * day + close.toNanoOfDay();
        return closeAt > timeNanos ? closeAt : closeAt + day;
    }

    private boolean tryFill(final RestingOrder order, final long now) {
        final long touch = behaviour.fillAtLimit() ? order.limitPrice
            : order.isBuy() ? quotes.ask(order.instrument) : quotes.bid(order.instrument);
        if (!FillRules.marketable(touch, order.isBuy(), order.limitPrice)) {
            return false;
        }
        long quantity = order.leaves;
        if (behaviour.partialFills() && !behaviour.ackless() && !order.split) {
            quantity = FillRules.firstPartial(quantity, lots[order.instrument]);
        }
        if (!order.split && order.leaves > quantity) {
            order.fillNotBeforeNanos = now + behaviour.partialGapNanos();
        }
        order.split = true;
        order.leaves -= quantity;
        order.cumQuantity += quantity;
        order.notional = Fixed.add(order.notional, Fixed.multiply(quantity, touch));
        order.status = order.leaves == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        executed.add(new VenueFill(order.order.clOrdId(), order.order.symbol(), order.order.side(), quantity, touch));
        counters.increment(VenueCounters.FILLS);
        sender.send(order.session, reports.trade(order, quantity, touch));
        return true;
    }

    private void cancel(final VenueRequest.Cancel request) {
        final RestingOrder order = known.get(new OrderKey(request.session(), request.origClOrdId()));
        if (refused(order, request.session(), request.clOrdId(), request.origClOrdId(),
            CxlRejResponseTo.ORDER_CANCEL_REQUEST)) {
            return;
        }
        known.put(new OrderKey(request.session(), request.clOrdId()), order);
        final String origClOrdId = order.clOrdId;
        order.status = OrdStatus.CANCELED;
        counters.increment(VenueCounters.CANCELS);
        sender.send(order.session, reports.answer(order, ExecType.CANCELED, OrdStatus.CANCELED, request.clOrdId(),
            origClOrdId));
    }

    private void replace(final VenueRequest.Replace request) {
        final RestingOrder order = known.get(new OrderKey(request.session(), request.origClOrdId()));
        if (refused(order, request.session(), request.clOrdId(), request.origClOrdId(),
            CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST)) {
            return;
        }
        final String refusal = request.quantity() == FixDecimal.INVALID_QUANTITY ? "unreadable OrderQty"
            : request.quantity() <= order.cumQuantity ? "new OrderQty " + request.quantity()
            + " is not above the filled quantity " + order.cumQuantity
            : request.limitPrice() <= 0 || request.limitPrice() == Fixed.INVALID ? "unreadable or missing Price"
            : null;
        if (refusal != null) {
            sendCancelReject(order, request.session(), request.clOrdId(), request.origClOrdId(),
                CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.BROKER_EXCHANGE_OPTION, refusal);
            return;
        }
        known.put(new OrderKey(request.session(), request.clOrdId()), order);
        final String origClOrdId = order.clOrdId;
        order.clOrdId = request.clOrdId();
        order.leaves = request.quantity() - order.cumQuantity;
        order.quantity = request.quantity();
        order.limitPrice = request.limitPrice();
        order.priceText = request.priceText();
        order.status = order.liveStatus();
        counters.increment(VenueCounters.REPLACES);
        sender.send(order.session, reports.answer(order, ExecType.REPLACED, order.status, request.clOrdId(),
            origClOrdId));
    }

    private void status(final VenueRequest.Status request) {
        final RestingOrder order = known.get(new OrderKey(request.session(), request.clOrdId()));
        counters.increment(VenueCounters.STATUS_REQUESTS);
        if (order == null) {
            sender.send(request.session(), reports.unknownStatus(request));
            return;
        }
        final char status = !order.acked && !order.isDone() ? OrdStatus.PENDING_NEW : order.status;
        sender.send(order.session, reports.status(order, status, request.clOrdId(), request.ordStatusReqId()));
    }

    /**
     * Answers a cancel or replace of an unknown (CxlRejReason 1) or finished (0, too late) order with an
     * OrderCancelReject; acknowledges a live order first if its ack is still due, so New always precedes the
     * answer.
     *
     * @return true when the request was refused
     */
    private boolean refused(final RestingOrder order, final SessionID session, final String requestId,
        final String origClOrdId, final char responseTo) {
        if (order != null && !order.isDone() && !order.acked) {
            acknowledge(order, System.nanoTime());
        }
        if (order == null) {
            sendCancelReject(null, session, requestId, origClOrdId, responseTo, CxlRejReason.UNKNOWN_ORDER,
                "unknown order " + origClOrdId);
            return true;
        }
        if (order.isDone()) {
            sendCancelReject(order, session, requestId, origClOrdId, responseTo, CxlRejReason.TOO_LATE_TO_CANCEL,
                "order " + origClOrdId + " is already finished");
            return true;
        }
        return false;
    }

    private void sendCancelReject(final RestingOrder order, final SessionID session, final String requestId,
        final String origClOrdId, final char responseTo, final int reason, final String text) {
        counters.increment(VenueCounters.CANCEL_REJECTS);
        sender.send(session, reports.cancelReject(order, requestId, origClOrdId, responseTo, reason, text));
    }

    /** Every fill executed so far, in order; any thread. */
    List<VenueFill> executed() {
        return new ArrayList<>(executed);
    }
}
