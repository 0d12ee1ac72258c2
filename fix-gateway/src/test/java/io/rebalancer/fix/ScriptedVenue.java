package io.rebalancer.fix;

import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.FixVersions;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.RejectLogon;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UnsupportedMessageType;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw QuickFIX/J acceptor written for the gateway's tests, speaking whatever BeginString its settings name (4.2
 * or 4.4), independent of the venue simulator. Its rules: acknowledge every order; fill an order of at most
 * {@link #FILL_AT_MOST} at its limit at once (in 4.2 words: ExecType 2 with LastShares); rest a larger one; cancel
 * or replace a resting order on request; answer a request for anything else with an OrderCancelReject. It does not
 * support order status requests: QuickFIX/J answers each with a BusinessMessageReject (unsupported message type).
 * With an expected password it refuses a Logon that does not carry it.
 */
final class ScriptedVenue extends ApplicationAdapter implements AutoCloseable {
    static final long FILL_AT_MOST = 100;

    private record Resting(String symbol, char side, String quantity) {
    }

    final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, Resting> resting = new ConcurrentHashMap<>();
    private final AtomicLong execIds = new AtomicLong();
    private final String expectedPassword;
    private final SocketAcceptor acceptor;

    /** @param expectedPassword the Password (554) a Logon must carry, or null to take any */
    ScriptedVenue(final SessionSettings settings, final String expectedPassword) {
        this(settings, null, expectedPassword);
    }

    /** @param stores null for in-memory stores; a file store keeps sequence numbers across a venue restart */
    ScriptedVenue(final SessionSettings settings, final MessageStoreFactory stores, final String expectedPassword) {
        this.expectedPassword = expectedPassword;
        try {
            acceptor = new SocketAcceptor(this, stores != null ? stores : new quickfix.MemoryStoreFactory(), settings,
                new SLF4JLogFactory(settings), new DefaultMessageFactory());
            acceptor.start();
        } catch (final ConfigError ex) {
            throw new IllegalStateException(ex);
        }
    }

    static MessageStoreFactory fileStores(final SessionSettings settings) {
        return new FileStoreFactory(settings);
    }

    @Override
    public void close() {
        acceptor.stop(true);
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon {
        if (expectedPassword != null && MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))
            && !(message.isSetField(Password.FIELD) && expectedPassword.equals(message.getString(Password.FIELD)))) {
            throw new RejectLogon("bad credentials");
        }
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType {
        final String type = message.getHeader().getString(MsgType.FIELD);
        received.add(type);
        if (MsgType.ORDER_STATUS_REQUEST.equals(type)) {
            throw new UnsupportedMessageType();
        }
        final String clOrdId = message.getString(ClOrdID.FIELD);
        final char side = message.getChar(Side.FIELD);
        final String symbol = message.getString(Symbol.FIELD);
        if (MsgType.ORDER_SINGLE.equals(type)) {
            final String quantity = message.getString(OrderQty.FIELD);
            reply(sessionId, report(sessionId, clOrdId, null, ExecType.NEW, OrdStatus.NEW, symbol, side, quantity));
            if (Long.parseLong(quantity) <= FILL_AT_MOST) {
                final Message fill = report(sessionId, clOrdId, null, fix42(sessionId) ? ExecType.FILL : ExecType.TRADE,
                    OrdStatus.FILLED, symbol, side, "0");
                fill.setString(LastQty.FIELD, quantity);
                fill.setString(LastPx.FIELD, message.getString(Price.FIELD));
                fill.setString(CumQty.FIELD, quantity);
                reply(sessionId, fill);
            } else {
                resting.put(clOrdId, new Resting(symbol, side, quantity));
            }
            return;
        }
        final String original = message.getString(OrigClOrdID.FIELD);
        final Resting order = resting.remove(original);
        if (order == null) {
            reply(sessionId, cancelReject(clOrdId, original, type));
        } else if (MsgType.ORDER_CANCEL_REQUEST.equals(type)) {
            reply(sessionId, report(sessionId, clOrdId, original, ExecType.CANCELED, OrdStatus.CANCELED, symbol, side,
                "0"));
        } else {
            final String quantity = message.getString(OrderQty.FIELD);
            resting.put(clOrdId, new Resting(symbol, side, quantity));
            reply(sessionId, report(sessionId, clOrdId, original, ExecType.REPLACED, OrdStatus.REPLACED, symbol, side,
                quantity));
        }
    }

    private Message report(final SessionID session, final String clOrdId, final String original, final char execType,
        final char ordStatus, final String symbol, final char side, final String leaves) {
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        report.setString(OrderID.FIELD, "O-" + clOrdId);
        report.setString(ExecID.FIELD, Long.toString(execIds.incrementAndGet()));
        if (fix42(session)) {
            report.setChar(ExecTransType.FIELD, ExecTransType.NEW);
        }
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(ClOrdID.FIELD, clOrdId);
        if (original != null) {
            report.setString(OrigClOrdID.FIELD, original);
        }
        report.setString(Symbol.FIELD, symbol);
        report.setChar(Side.FIELD, side);
        report.setString(LeavesQty.FIELD, leaves);
        report.setString(CumQty.FIELD, "0");
        report.setString(AvgPx.FIELD, "0");
        return report;
    }

    private static Message cancelReject(final String clOrdId, final String original, final String type) {
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REJECT);
        reject.setString(OrderID.FIELD, "NONE");
        reject.setString(ClOrdID.FIELD, clOrdId);
        reject.setString(OrigClOrdID.FIELD, original);
        reject.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        reject.setChar(CxlRejResponseTo.FIELD, MsgType.ORDER_CANCEL_REQUEST.equals(type)
            ? CxlRejResponseTo.ORDER_CANCEL_REQUEST : CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
        return reject;
    }

    private static boolean fix42(final SessionID session) {
        return FixVersions.BEGINSTRING_FIX42.equals(session.getBeginString());
    }

    private static void reply(final SessionID session, final Message message) {
        try {
            Session.sendToTarget(message, session);
        } catch (final SessionNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }
}
