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
import quickfix.field.ExecTransType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.Password;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;
import quickfix.field.Username;

/**
 * QuickFIX/J's callbacks for the gateway's initiator session: decodes what the venue says into primitive
 * executions on the engine's inbound ring. Runs on QuickFIX/J's message-processor thread (inbound) and on the
 * gateway agent's thread ({@link #toApp}, inside {@code Session.send}); it never blocks, it only publishes.
 * <p>
 * Decisions at this boundary:
 * <ul>
 *   <li>Execution reports of FIX 4.2 and 4.4 map to the engine's kinds by {@link FixExecTypes}' table; the client
 *   order id published is always the report's ClOrdID (11), which after a cancel or replace is the request's id:
 *   the engine knows both.</li>
 *   <li>An ExecutionReport whose ClOrdID is missing or not one of our decimal ids is published with client
 *   order id -1, so the engine refuses and counts it as UNKNOWN_ORDER like any other stray report; the gateway
 *   counts it too ({@link GatewayCounters#UNKNOWN_CLORDID}).</li>
 *   <li>A trade whose LastQty or LastPx cannot be read exactly is still published, with the invalid value, so
 *   the engine refuses it as INVALID_EXECUTION and counts it: a fill is never dropped silently here.</li>
 *   <li>An OrderCancelReject (35=9), and a session Reject (35=3) or BusinessMessageReject (35=j) of one of our
 *   cancel or replace requests, is {@link ExecType#CANCEL_REJECTED} with the request's id; a reject of a
 *   NewOrderSingle stays {@link ExecType#REJECTED}. These carry no ExecID: the execution id is minus the id,
 *   stable for the engine's de-duplication.</li>
 *   <li>ExecID becomes a long: a decimal ExecID is its own value; any other is a 64-bit FNV-1a hash with the
 *   sign bit set, so it cannot collide with a decimal one. The gateway never de-duplicates; the engine does.</li>
 *   <li>Time is the gateway's receive time from its clock: the engine has no other clock for a venue event.</li>
 *   <li>Logon credentials, when configured, go on our Logon as Username (553) and Password (554); a Logout
 *   before we were logged on is a refused logon, counted ({@link GatewayCounters#LOGON_FAILURES}) with the
 *   venue's text kept for the operator.</li>
 * </ul>
 */
final class FixSessionAdapter implements Application {
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final SentOrders sent;
    private final String username;
    private final String password;
    private volatile SessionID loggedOn;
    private volatile String lastLogonFailure;

    FixSessionAdapter(final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SentOrders sent) {
        this(publisher, clock, counters, sent, null, null);
    }

    /**
     * @param username sent as Username (553) on our Logon; null for none
     * @param password sent as Password (554) on our Logon; null for none. Never logged.
     */
    FixSessionAdapter(final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SentOrders sent, final String username, final String password) {
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.sent = sent;
        this.username = username;
        this.password = password;
    }

    /** The session while it is logged on, else null; any thread. */
    SessionID loggedOnSession() {
        return loggedOn;
    }

    /** The venue's Text (58) on the last Logout that refused our logon, or null; any thread. */
    String lastLogonFailure() {
        return lastLogonFailure;
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

    /** Our Logon carries the configured credentials; heartbeats, resends and logouts need nothing from us. */
    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        if (isType(message, MsgType.LOGON)) {
            if (username != null) {
                message.setString(Username.FIELD, username);
            }
            if (password != null) {
                message.setString(Password.FIELD, password);
            }
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound {
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.REJECT.equals(type)) {
            counters.increment(GatewayCounters.SESSION_REJECTS);
            onSessionReject(message);
        } else if (MsgType.LOGOUT.equals(type) && loggedOn == null) {
            counters.increment(GatewayCounters.LOGON_FAILURES);
            lastLogonFailure = message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : "no reason given";
        }
    }

    /**
     * On the sending thread, after QuickFIX/J stamped the outgoing sequence number and before the bytes leave:
     * the one moment that maps MsgSeqNum to ClOrdID and MsgType without a race against the venue's reply.
     */
    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        final Message.Header header = message.getHeader();
        try {
            final char type = singleCharType(header.getString(MsgType.FIELD));
            if (type == 'D' || type == 'F' || type == 'G') {
                sent.sent(header.getInt(MsgSeqNum.FIELD), FixDecimal.parseId(message.getString(ClOrdID.FIELD)), type);
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
        } else if (MsgType.ORDER_CANCEL_REJECT.equals(type)) {
            onCancelReject(message);
        } else if (MsgType.BUSINESS_MESSAGE_REJECT.equals(type)) {
            onBusinessReject(message);
        }
    }

    private void onExecutionReport(final Message report) throws FieldNotFound {
        final long lastQuantity = FixDecimal.parseQuantity(optional(report, LastQty.FIELD));
        final char transaction = report.isSetField(ExecTransType.FIELD)
            ? report.getChar(ExecTransType.FIELD) : FixExecTypes.TRANSACTION_NEW;
        final char status = report.isSetField(OrdStatus.FIELD) ? report.getChar(OrdStatus.FIELD) : 0;
        final int execType = FixExecTypes.toEngine(transaction, report.getChar(quickfix.field.ExecType.FIELD),
            status, lastQuantity > 0);
        if (execType == FixExecTypes.IGNORED || execType == FixExecTypes.CORRECTION) {
            counters.increment(execType == FixExecTypes.IGNORED ? GatewayCounters.EXECUTIONS_IGNORED
                : GatewayCounters.CORRECTIONS_IGNORED);
            return;
        }
        final long clientOrderId = clientOrderId(report);
        long quantity = 0;
        long price = 0;
        if (execType == ExecType.TRADE) {
            quantity = lastQuantity;
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

    /** The venue refused a cancel or replace: the order keeps working on its old terms, or has already finished. */
    private void onCancelReject(final Message reject) throws FieldNotFound {
        refuse(clientOrderId(reject), 'F');
    }

    private long clientOrderId(final Message message) throws FieldNotFound {
        final long id = message.isSetField(ClOrdID.FIELD) ? FixDecimal.parseId(message.getString(ClOrdID.FIELD)) : -1;
        if (id < 0) {
            counters.increment(GatewayCounters.UNKNOWN_CLORDID);
        }
        return id;
    }

    /** A reject naming RefMsgType D, F or G, or naming none but the sequence number of one of ours. */
    private void onSessionReject(final Message reject) throws FieldNotFound {
        if (!reject.isSetField(RefSeqNum.FIELD)) {
            return;
        }
        final int seqNum = reject.getInt(RefSeqNum.FIELD);
        final char remembered = sent.messageType(seqNum);
        final char named = reject.isSetField(RefMsgType.FIELD)
            ? singleCharType(reject.getString(RefMsgType.FIELD)) : remembered;
        if (named == remembered) {
            refuse(sent.clientOrderId(seqNum), named);
        }
    }

    private void onBusinessReject(final Message reject) throws FieldNotFound {
        counters.increment(GatewayCounters.BUSINESS_REJECTS);
        final int seqNum = reject.isSetField(RefSeqNum.FIELD) ? reject.getInt(RefSeqNum.FIELD) : 0;
        final char type = reject.isSetField(RefMsgType.FIELD)
            ? singleCharType(reject.getString(RefMsgType.FIELD)) : sent.messageType(seqNum);
        long id = FixDecimal.parseId(optional(reject, BusinessRejectRefID.FIELD));
        if (id < 0 && sent.messageType(seqNum) == type) {
            id = sent.clientOrderId(seqNum);
        }
        refuse(id, type);
    }

    /** Tells the engine its order (35=D) or its cancel or replace request (35=F/G) was refused. */
    private void refuse(final long id, final char refusedType) {
        if (id <= 0) {
            return;
        }
        if (refusedType == 'D') {
            counters.increment(GatewayCounters.ORDERS_REJECTED_BY_VENUE);
            publisher.execution(clock.nanoTime(), id, -id, ExecType.REJECTED, 0, 0, 0);
        } else if (refusedType == 'F' || refusedType == 'G') {
            counters.increment(GatewayCounters.CANCEL_REJECTS);
            publisher.execution(clock.nanoTime(), id, -id, ExecType.CANCEL_REJECTED, 0, 0, 0);
        }
    }

    /** D, F, G, ... as a char; 0 for the two-character types (AE, ...), none of which is ours. */
    private static char singleCharType(final String msgType) {
        return msgType.length() == 1 ? msgType.charAt(0) : 0;
    }

    private static boolean isType(final Message message, final String msgType) {
        try {
            return msgType.equals(message.getHeader().getString(MsgType.FIELD));
        } catch (final FieldNotFound ex) {
            return false;
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
