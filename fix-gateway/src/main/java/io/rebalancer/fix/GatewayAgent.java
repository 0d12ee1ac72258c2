package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The gateway's own thread: drains the engine's hand-off ring and sends each record as a FIX message in the
 * session's dialect ({@link OrderMessages}): a new order as a NewOrderSingle, a cancel as an OrderCancelRequest, a
 * replace as an OrderCancelReplaceRequest, a status request as an OrderStatusRequest. This is the only thread that
 * calls {@code Session.send}, which encodes
 * on the caller's thread, allocates several kilobytes and takes the session lock; the engine thread never waits.
 * <p>
 * What cannot go out, because the session is not logged on or QuickFIX/J refused or failed to send it, goes
 * straight back to the engine: a new order as an execution with {@link ExecType#REJECTED}, a cancel or replace
 * request as {@link ExecType#CANCEL_REJECTED} with the request's id (the order keeps working as far as we know);
 * execution id minus the id. A status request, likewise refused, comes back as the request's answer saying it got
 * none: {@link ExecType#ORDER_STATUS} for the order's id with status {@link FixOrdStatus#NO_ANSWER}, quantities 0
 * and execution id 0 (no id: the same order may be asked about, and refused, again). It says nothing about the
 * order, which keeps whatever state the engine has for it; the engine asks again once the session is back, instead
 * of waiting out its request timeout. Never silently dropped, never sent later: QuickFIX/J keeps a message it
 * could not send when {@code PersistMessages=Y} and would replay it on a resend request after the next logon, but
 * {@link FixSessionAdapter#toApp} refuses every such replay. {@code PersistMessages=N} remains the setting to run
 * with: there is then nothing to replay, and QuickFIX/J gap-fills a resend request without asking.
 * <p>
 * Rate limit: with a budget of messages per second ({@link SendRateLimit}, from {@code MaxMessagesPerSecond}), the
 * agent reads no more records than the budget allows, by its own clock. Out of budget, it stops draining and idles:
 * the hand-off ring is the queue, nothing is dropped and the engine's order is kept, so a cancel waits behind the
 * orders handed over before it (first in, first out, no overtaking). Records refused back cost no budget.
 */
final class GatewayAgent implements Agent, MessageHandler {
    private static final int RECORDS_PER_CYCLE = 32;

    private final OneToOneRingBuffer orders;
    private final OrderWire wire;
    private final OrderMessages messages;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final SendRateLimit limit;
    private long cycleNanos;
    private boolean waiting;
    private boolean closing;

    GatewayAgent(final OneToOneRingBuffer orders, final OrderWire wire, final OrderMessages messages,
        final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SendRateLimit limit) {
        this.orders = orders;
        this.wire = wire;
        this.messages = messages;
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.limit = limit;
    }

    @Override
    public String roleName() {
        return "fix-gateway";
    }

    @Override
    public int doWork() {
        cycleNanos = clock.nanoTime();
        final int budget = limit.available(cycleNanos, RECORDS_PER_CYCLE);
        if (budget == 0) {
            if (!waiting && orders.size() > 0) {
                waiting = true;
                counters.increment(GatewayCounters.RATE_LIMITED_WAITS);
            }
            return 0;
        }
        waiting = false;
        return orders.read(this, budget);
    }

    /**
     * Records still in the ring when the gateway closes get one last try: sent if logged on and within the budget,
     * else refused back to the engine.
     */
    @Override
    public void onClose() {
        closing = true;
        int read;
        do {
            read = orders.read(this);
        } while (read > 0);
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        if (msgTypeId != OrderHandOff.NEW_ORDER && msgTypeId != OrderHandOff.CANCEL
            && msgTypeId != OrderHandOff.REPLACE && msgTypeId != OrderHandOff.STATUS) {
            return;
        }
        final long id = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        final int dialect = wire.dialect();
        if (closing) {
            cycleNanos = clock.nanoTime();
        }
        if (dialect == OrderWire.OFFLINE || closing && limit.available(cycleNanos, 1) == 0) {
            refuse(msgTypeId, id, false);
            return;
        }
        final boolean sent;
        try {
            sent = wire.send(messages.build(msgTypeId, dialect, buffer, index, clock.nanoTime()));
        } catch (final RuntimeException ex) {
            refuse(msgTypeId, id, true);
            return;
        }
        if (!sent) {
            refuse(msgTypeId, id, false);
            return;
        }
        limit.sent(cycleNanos);
        counters.increment(sentCounter(msgTypeId));
    }

    private static int sentCounter(final int msgTypeId) {
        switch (msgTypeId) {
            case OrderHandOff.NEW_ORDER:
                return GatewayCounters.ORDERS_SENT;
            case OrderHandOff.CANCEL:
                return GatewayCounters.CANCELS_SENT;
            case OrderHandOff.REPLACE:
                return GatewayCounters.REPLACES_SENT;
            default:
                return GatewayCounters.STATUS_REQUESTS_SENT;
        }
    }

    /** The ring record is consumed either way, so what does not go out must go back to the engine. */
    private void refuse(final int msgTypeId, final long id, final boolean threw) {
        if (msgTypeId == OrderHandOff.STATUS) {
            counters.increment(GatewayCounters.STATUS_REQUESTS_NOT_SENT);
            publisher.orderStatus(clock.nanoTime(), id, 0, FixOrdStatus.NO_ANSWER, 0, 0, 0, 0);
            return;
        }
        final int execType;
        if (msgTypeId == OrderHandOff.NEW_ORDER) {
            counters.increment(threw ? GatewayCounters.SEND_ERRORS : GatewayCounters.ORDERS_REJECTED_OFFLINE);
            execType = ExecType.REJECTED;
        } else {
            counters.increment(GatewayCounters.REQUESTS_REFUSED_BEFORE_SENDING);
            execType = ExecType.CANCEL_REJECTED;
        }
        publisher.execution(clock.nanoTime(), id, -id, execType, 0, 0, 0, 0);
    }
}
