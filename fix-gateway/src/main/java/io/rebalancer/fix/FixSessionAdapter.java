package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.concurrent.EpochNanoClock;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.ExecID;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;

/**
 * QuickFIX/J's callbacks for the gateway's initiator session: decodes what the venue says into primitive
 * executions on the engine's inbound ring. Runs on QuickFIX/J's message-processor thread (inbound) and on the
 * gateway agent's thread ({@link #toApp}, inside {@code Session.send}); it never blocks, it only publishes.
 * <p>
 * Decisions at this boundary:
 * <ul>
 *   <li>An ExecutionReport whose ClOrdID is missing or not one of our decimal ids is published with client
 *   order id -1, so the engine refuses and counts it as UNKNOWN_ORDER like any other stray report; the gateway
 *   counts it too ({@link GatewayCounters#UNKNOWN_CLORDID}).</li>
 *   <li>A trade whose LastQty or LastPx cannot be read exactly is still published, with the invalid value, so
 *   the engine refuses it as INVALID_EXECUTION and counts it: a fill is never dropped silently here.</li>
 *   <li>ExecID becomes a long: a decimal ExecID is its own value; any other is a 64-bit FNV-1a hash with the
 *   sign bit set, so it cannot collide with a decimal one. The engine only records it.</li>
 *   <li>Time is the gateway's receive time from its clock: the engine has no other clock for a venue event.</li>
 * </ul>
 */
final class FixSessionAdapter implements Application {
    private static final String NEW_ORDER_SINGLE = MsgType.ORDER_SINGLE;

    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final SentOrders sent;
    private volatile SessionID loggedOn;

    FixSessionAdapter(final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SentOrders sent) {
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.sent = sent;
    }

    /** The session while it is logged on, else null; any thread. */
    SessionID loggedOnSession() {
        return loggedOn;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        // Nothing to set up per session: the gateway has exactly one.
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        counters.increment(GatewayCounters.LOGONS);
        loggedOn = sessionId;
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        if (loggedOn != null) {
            counters.increment(GatewayCounters.LOGOUTS);
        }
        loggedOn = null;
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        // Heartbeats, logons and resends need nothing from us.
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD))) {
            counters.increment(GatewayCounters.SESSION_REJECTS);
            if (refersToNewOrder(message) && message.isSetField(RefSeqNum.FIELD)) {
                rejectOrder(sent.clientOrderId(message.getInt(RefSeqNum.FIELD)));
            }
        }
    }

    /**
     * On the sending thread, after QuickFIX/J stamped the outgoing sequence number and before the bytes leave:
     * the one moment that maps MsgSeqNum to ClOrdID without a race against the venue's reply.
     */
    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        final Message.Header header = message.getHeader();
        try {
            if (NEW_ORDER_SINGLE.equals(header.getString(MsgType.FIELD))) {
                sent.sent(header.getInt(MsgSeqNum.FIELD), FixDecimal.parseId(message.getString(ClOrdID.FIELD)));
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException("QuickFIX/J sent a message without MsgType or MsgSeqNum", ex);
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.EXECUTION_REPORT.equals(type)) {
            onExecutionReport(message);
        } else if (MsgType.BUSINESS_MESSAGE_REJECT.equals(type)) {
            onBusinessReject(message);
        }
    }

    private void onExecutionReport(final Message report) throws FieldNotFound {
        final int execType = FixExecTypes.toEngine(report.getChar(quickfix.field.ExecType.FIELD));
        if (execType == FixExecTypes.IGNORED) {
            counters.increment(GatewayCounters.EXECUTIONS_IGNORED);
            return;
        }
        final long clientOrderId = report.isSetField(ClOrdID.FIELD)
            ? FixDecimal.parseId(report.getString(ClOrdID.FIELD)) : -1;
        if (clientOrderId < 0) {
            counters.increment(GatewayCounters.UNKNOWN_CLORDID);
        }
        long quantity = 0;
        long price = 0;
        if (execType == ExecType.TRADE) {
            quantity = FixDecimal.parseQuantity(optional(report, LastQty.FIELD));
            price = FixDecimal.parsePrice(optional(report, LastPx.FIELD));
            if (quantity <= 0 || price <= 0) {
                counters.increment(GatewayCounters.MALFORMED_EXECUTIONS);
            }
        }
        final long leaves = Math.max(0, FixDecimal.parseQuantity(optional(report, LeavesQty.FIELD)));
        counters.increment(GatewayCounters.EXECUTIONS);
        publisher.execution(clock.nanoTime(), clientOrderId, executionId(report.getString(ExecID.FIELD)),
            execType, quantity, price, leaves);
    }

    private void onBusinessReject(final Message reject) throws FieldNotFound {
        counters.increment(GatewayCounters.BUSINESS_REJECTS);
        if (!refersToNewOrder(reject)) {
            return;
        }
        long clientOrderId = FixDecimal.parseId(optional(reject, BusinessRejectRefID.FIELD));
        if (clientOrderId < 0 && reject.isSetField(RefSeqNum.FIELD)) {
            clientOrderId = sent.clientOrderId(reject.getInt(RefSeqNum.FIELD));
        }
        rejectOrder(clientOrderId);
    }

    /** A reject without RefMsgType may still be about an order; one naming another message type is not. */
    private static boolean refersToNewOrder(final Message reject) throws FieldNotFound {
        return !reject.isSetField(RefMsgType.FIELD) || NEW_ORDER_SINGLE.equals(reject.getString(RefMsgType.FIELD));
    }

    private void rejectOrder(final long clientOrderId) {
        if (clientOrderId > 0) {
            counters.increment(GatewayCounters.ORDERS_REJECTED_BY_VENUE);
            publisher.execution(clock.nanoTime(), clientOrderId, -clientOrderId, ExecType.REJECTED, 0, 0, 0);
        }
    }

    private static String optional(final Message message, final int tag) throws FieldNotFound {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }

    /** Decimal ExecIDs map to themselves, others to a 64-bit FNV-1a hash with the sign bit set. */
    static long executionId(final String text) {
        final long decimal = FixDecimal.parseId(text);
        if (decimal > 0) {
            return decimal;
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash | Long.MIN_VALUE;
    }
}
