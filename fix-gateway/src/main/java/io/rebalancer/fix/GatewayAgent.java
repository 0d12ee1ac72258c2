package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The gateway's own thread: drains the engine's order ring and sends each order as a FIX 4.4 NewOrderSingle.
 * This is the only thread that calls {@code Session.send}, which encodes on the caller's thread, allocates
 * several kilobytes and takes the session lock; the engine thread never waits for it.
 * <p>
 * An order that cannot go out, because the session is not logged on or QuickFIX/J refused to send it, goes
 * straight back to the engine as an execution with {@link ExecType#REJECTED} (execution id minus the client
 * order id), so the engine releases its quantity and cash: never silently dropped, never sent later. The
 * session must run with {@code PersistMessages=N} for "never sent later" to hold: otherwise QuickFIX/J keeps a
 * message it could not send and replays it on a resend request after the next logon.
 */
final class GatewayAgent implements Agent, MessageHandler {
    private static final int ORDERS_PER_CYCLE = 32;

    private final OneToOneRingBuffer orders;
    private final FixSessionAdapter session;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final String[] symbols;

    /** @param symbols wire symbol per engine instrument id */
    GatewayAgent(final OneToOneRingBuffer orders, final FixSessionAdapter session, final InboundPublisher publisher,
        final EpochNanoClock clock, final GatewayCounters counters, final String[] symbols) {
        this.orders = orders;
        this.session = session;
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.symbols = symbols.clone();
    }

    @Override
    public String roleName() {
        return "fix-gateway";
    }

    @Override
    public int doWork() {
        return orders.read(this, ORDERS_PER_CYCLE);
    }

    /** Orders still in the ring when the gateway closes get one last try: sent if logged on, else rejected. */
    @Override
    public void onClose() {
        int read;
        do {
            read = orders.read(this);
        } while (read > 0);
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        if (msgTypeId != OrderHandOff.NEW_ORDER) {
            return;
        }
        final long clientOrderId = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        final SessionID id = session.loggedOnSession();
        final Session target = id == null ? null : Session.lookupSession(id);
        if (target == null || !target.isLoggedOn()) {
            reject(GatewayCounters.ORDERS_REJECTED_OFFLINE, clientOrderId);
            return;
        }
        final boolean sent;
        try {
            sent = target.send(newOrder(buffer, index, clientOrderId));
        } catch (final RuntimeException ex) {
            reject(GatewayCounters.SEND_ERRORS, clientOrderId);
            return;
        }
        if (sent) {
            counters.increment(GatewayCounters.ORDERS_SENT);
        } else {
            reject(GatewayCounters.ORDERS_REJECTED_OFFLINE, clientOrderId);
        }
    }

    /** The ring record is consumed either way, so an order that does not go out must go back to the engine. */
    private void reject(final int counter, final long clientOrderId) {
        counters.increment(counter);
        publisher.execution(clock.nanoTime(), clientOrderId, -clientOrderId, ExecType.REJECTED, 0, 0, 0);
    }

    /** Every number goes in as exact text: {@code setDouble} would print 0.29 as 0.29 only by luck. */
    private NewOrderSingle newOrder(final MutableDirectBuffer buffer, final int index, final long clientOrderId) {
        final NewOrderSingle order = new NewOrderSingle();
        order.setString(ClOrdID.FIELD, Long.toString(clientOrderId));
        order.setChar(Side.FIELD, (char)buffer.getByte(index + OrderHandOff.SIDE_OFFSET));
        order.setString(Symbol.FIELD, symbols[buffer.getInt(index + OrderHandOff.INSTRUMENT_OFFSET)]);
        order.setString(OrderQty.FIELD, Long.toString(buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET)));
        order.setChar(OrdType.FIELD, OrdType.LIMIT);
        order.setString(Price.FIELD, FixDecimal.formatPrice(buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET)));
        order.setChar(TimeInForce.FIELD, TimeInForce.DAY);
        final long now = clock.nanoTime();
        order.set(new TransactTime(LocalDateTime.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L),
            (int)Math.floorMod(now, 1_000_000_000L), ZoneOffset.UTC)));
        return order;
    }
}
