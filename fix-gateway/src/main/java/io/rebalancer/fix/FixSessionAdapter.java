package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.concurrent.EpochNanoClock;
import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.Password;
import quickfix.field.PossDupFlag;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Text;
import quickfix.field.Username;

import java.io.IOException;
import java.io.UncheckedIOException;

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
 *   <li>An order status report (4.4 ExecType I, 4.2 ExecTransType 3) is {@link ExecType#ORDER_STATUS}: OrdStatus
 *   as {@link FixOrdStatus} maps it (8 with OrdRejReason 5 is UNKNOWN), CumQty, AvgPx exactly in micros and
 *   LeavesQty; a value that cannot be read is published as read (-1, or {@code Fixed.INVALID} for AvgPx) and
 *   counted malformed, like a trade's. An ExecID of "0", which FIX allows on status reports, is published as 0
 *   ("no id"), so the engine never takes a second such answer for a resend of the first.</li>
 *   <li>A session Reject or BusinessMessageReject of one of our OrderStatusRequests (35=H) is published as an
 *   {@code ORDER_STATUS} with {@link FixOrdStatus#NO_ANSWER} and execution id 0: the request got no answer and
 *   the refusal says nothing about the order, so it is neither UNKNOWN (which would tell the engine the order
 *   never reached the venue) nor dropped (the engine would wait for its request timeout). The engine asks again
 *   or gives up, as its policy says.</li>
 *   <li>A venue's reject of a NewOrderSingle as a duplicate ClOrdID (OrdRejReason 6) stays REJECTED, counted
 *   ({@link GatewayCounters#DUPLICATE_ORDER_REJECTS}): the gateway never sends the same order twice (resends are
 *   refused, below), so a duplicate means the engine reused an id the venue already had, and this order of the
 *   engine's is refused.</li>
 *   <li>Every execution published carries the MsgSeqNum (34) of the message it came from as its source
 *   sequence, resent (PossDup) or not, so a journal knows which of the venue's messages it holds.</li>
 *   <li>Our own orders, cancels, replaces and status requests are never resent: when QuickFIX/J answers a
 *   ResendRequest (PossDupFlag=Y, typically after a restart with a persistent store and {@code PersistMessages=Y}),
 *   {@link #toApp} throws {@link DoNotSend} for them, so QuickFIX/J sends a SequenceReset-GapFill in their place.
 *   An order that never reached the venue before a crash is resolved by asking its status, never sent late at a
 *   stale price.</li>
 *   <li>The owner may set the session's next expected incoming MsgSeqNum before logon ({@link #onCreate}): the
 *   venue then resends everything from there on, and those reports are published like any other (PossDup or not;
 *   the engine recognises one it has booked by its ExecID).</li>
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
    private final int nextIncomingSequence;
    private volatile SessionID loggedOn;
    private volatile String lastLogonFailure;

    FixSessionAdapter(final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SentOrders sent) {
        this(publisher, clock, counters, sent, null, null, 0);
    }

    /**
     * @param username sent as Username (553) on our Logon; null for none
     * @param password sent as Password (554) on our Logon; null for none. Never logged.
     * @param nextIncomingSequence the MsgSeqNum to expect next from the venue, set on the session when QuickFIX/J
     *                             creates it, before it connects; 0 keeps what the message store says
     */
    FixSessionAdapter(final InboundPublisher publisher, final EpochNanoClock clock, final GatewayCounters counters,
        final SentOrders sent, final String username, final String password, final int nextIncomingSequence) {
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.sent = sent;
        this.username = username;
        this.password = password;
        this.nextIncomingSequence = nextIncomingSequence;
    }

    /** The session while it is logged on, else null; any thread. */
    SessionID loggedOnSession() {
        return loggedOn;
    }

    /** The venue's Text (58) on the last Logout that refused our logon, or null; any thread. */
    String lastLogonFailure() {
        return lastLogonFailure;
    }

    /**
     * QuickFIX/J calls this once the session exists (registered, its store open and reset if stale) and before it
     * connects: the one moment to move the next expected incoming MsgSeqNum, so the first Logon from the venue is
     * "too high" and QuickFIX/J asks for a resend of everything from there on. Only ever lowered: a store reset
     * since (a new FIX session day) expects less than the journal's last number, and raising it would make the
     * venue's next messages look too low, a fatal error in FIX.
     */
    @Override
    public void onCreate(final SessionID sessionId) {
        if (nextIncomingSequence <= 0) {
            return;
        }
        final Session session = Session.lookupSession(sessionId);
        try {
            if (nextIncomingSequence >= session.getStore().getNextTargetMsgSeqNum()) {
                return;
            }
            session.setNextTargetMsgSeqNum(nextIncomingSequence);
        } catch (final IOException ex) {
            throw new UncheckedIOException("FIX session " + sessionId + ": cannot set the next expected MsgSeqNum",
                ex);
        }
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
     * <p>
     * QuickFIX/J also calls this when it answers a ResendRequest, on its own thread, with PossDupFlag=Y already set
     * ({@code Session.send} strips the flag from what we send, so only a resend carries it): our orders, cancels,
     * replaces and status requests are then refused with {@link DoNotSend}, counted
     * ({@link GatewayCounters#RESENDS_REFUSED}), and QuickFIX/J gap-fills over them.
     */
    @Override
    public void toApp(final Message message, final SessionID sessionId) throws DoNotSend {
        final Message.Header header = message.getHeader();
        try {
            final char type = singleCharType(header.getString(MsgType.FIELD));
            if (type == 'D' || type == 'F' || type == 'G' || type == 'H') {
                if (header.isSetField(PossDupFlag.FIELD) && header.getBoolean(PossDupFlag.FIELD)) {
                    counters.increment(GatewayCounters.RESENDS_REFUSED);
                    throw new DoNotSend();
                }
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
        final int rejectReason = (int)FixDecimal.parseQuantity(optional(report, OrdRejReason.FIELD));
        if (execType == ExecType.ORDER_STATUS) {
            onOrderStatus(report, clientOrderId, FixOrdStatus.toEngine(status, rejectReason));
            return;
        }
        if (execType == ExecType.REJECTED && rejectReason == OrdRejReason.DUPLICATE_ORDER) {
            counters.increment(GatewayCounters.DUPLICATE_ORDER_REJECTS);
        }
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
            execType, quantity, price, leaves, sourceSequence(report));
    }

    /** What the venue knows of an order; anything unreadable is published as read and counted. */
    private void onOrderStatus(final Message report, final long clientOrderId, final int status)
        throws FieldNotFound {
        final long cumulative = FixDecimal.parseQuantity(optional(report, CumQty.FIELD));
        final long average = FixDecimal.parsePrice(optional(report, AvgPx.FIELD));
        final long leaves = FixDecimal.parseQuantity(optional(report, LeavesQty.FIELD));
        if (status == FixOrdStatus.NO_ANSWER || cumulative < 0 || average < 0 || leaves < 0) {
            counters.increment(GatewayCounters.MALFORMED_EXECUTIONS);
        }
        final String execId = report.getString(ExecID.FIELD);
        counters.increment(GatewayCounters.EXECUTIONS);
        counters.increment(GatewayCounters.STATUS_ANSWERS);
        publisher.orderStatus(clock.nanoTime(), clientOrderId, "0".equals(execId) ? 0 : executionId(execId), status,
            cumulative, average, leaves, sourceSequence(report));
    }

    /** The venue refused a cancel or replace: the order keeps working on its old terms, or has already finished. */
    private void onCancelReject(final Message reject) throws FieldNotFound {
        refuse(clientOrderId(reject), 'F', sourceSequence(reject));
    }

    private long clientOrderId(final Message message) throws FieldNotFound {
        final long id = message.isSetField(ClOrdID.FIELD) ? FixDecimal.parseId(message.getString(ClOrdID.FIELD)) : -1;
        if (id < 0) {
            counters.increment(GatewayCounters.UNKNOWN_CLORDID);
        }
        return id;
    }

    /** A reject naming RefMsgType D, F, G or H, or naming none but the sequence number of one of ours. */
    private void onSessionReject(final Message reject) throws FieldNotFound {
        if (!reject.isSetField(RefSeqNum.FIELD)) {
            return;
        }
        final int seqNum = reject.getInt(RefSeqNum.FIELD);
        final char remembered = sent.messageType(seqNum);
        final char named = reject.isSetField(RefMsgType.FIELD)
            ? singleCharType(reject.getString(RefMsgType.FIELD)) : remembered;
        if (named == remembered) {
            refuse(sent.clientOrderId(seqNum), named, sourceSequence(reject));
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
        refuse(id, type, sourceSequence(reject));
    }

    /**
     * Tells the engine its order (35=D) or its cancel or replace request (35=F/G) was refused, or that its status
     * request (35=H) got no answer.
     */
    private void refuse(final long id, final char refusedType, final long sourceSequence) {
        if (id <= 0) {
            return;
        }
        if (refusedType == 'D') {
            counters.increment(GatewayCounters.ORDERS_REJECTED_BY_VENUE);
            publisher.execution(clock.nanoTime(), id, -id, ExecType.REJECTED, 0, 0, 0, sourceSequence);
        } else if (refusedType == 'F' || refusedType == 'G') {
            counters.increment(GatewayCounters.CANCEL_REJECTS);
            publisher.execution(clock.nanoTime(), id, -id, ExecType.CANCEL_REJECTED, 0, 0, 0, sourceSequence);
        } else if (refusedType == 'H') {
            counters.increment(GatewayCounters.STATUS_REQUESTS_REJECTED);
            publisher.orderStatus(clock.nanoTime(), id, 0, FixOrdStatus.NO_ANSWER, 0, 0, 0, sourceSequence);
        }
    }

    /** The MsgSeqNum (34) a message came with, 0 if it has none (a message built in a test). */
    private static long sourceSequence(final Message message) throws FieldNotFound {
        final Message.Header header = message.getHeader();
        return header.isSetField(MsgSeqNum.FIELD) ? header.getInt(MsgSeqNum.FIELD) : 0;
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
