package io.rebalancer.venue;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.MsgType;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.field.Username;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real QuickFIX/J initiator for the venue's tests, independent of the project's gateway: sends orders,
 * cancels and replaces as plain messages of either dialect and records what comes back, in order.
 */
final class VenueTestClient implements Application, AutoCloseable {
    static final String CLIENT = "CLIENT";
    static final String VENUE = "VENUE";
    private static final long WAIT_SECONDS = 10;

    final SessionID session;
    /** Application messages received (execution reports, cancel rejects), in arrival order. */
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    /** Session-level Rejects (35=3) this client sent back to the venue. */
    final BlockingQueue<Message> rejectsSent = new LinkedBlockingQueue<>();
    /** Logouts received from the venue. */
    final BlockingQueue<Message> logoutsReceived = new LinkedBlockingQueue<>();
    final AtomicInteger logons = new AtomicInteger();
    private final SocketInitiator initiator;
    private final PossDupMarker possDups = new PossDupMarker();
    private String username;
    private String password;

    VenueTestClient(final String beginString, final int port) {
        session = new SessionID(beginString, CLIENT, VENUE);
        final SessionSettings settings = TestSessions.initiator(session, port);
        try {
            initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        } catch (final ConfigError ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The acceptor's side of the client's session, on a port. */
    static SessionSettings acceptor(final int port, final String... beginStrings) {
        final SessionID[] sessions = new SessionID[beginStrings.length];
        for (int i = 0; i < beginStrings.length; i++) {
            sessions[i] = venueSession(beginStrings[i]);
        }
        return TestSessions.acceptor(port, sessions);
    }

    static SessionID venueSession(final String beginString) {
        return new SessionID(beginString, VENUE, CLIENT);
    }

    /** Logon credentials this client sends (553/554); call before {@link #start()}. */
    VenueTestClient credentials(final String user, final String secret) {
        username = user;
        password = secret;
        return this;
    }

    VenueTestClient start() {
        try {
            initiator.start();
        } catch (final ConfigError ex) {
            throw new IllegalStateException(ex);
        }
        return this;
    }

    VenueTestClient awaitLogon() throws InterruptedException {
        await(this::isLoggedOn);
        return this;
    }

    boolean isLoggedOn() {
        final Session s = Session.lookupSession(session);
        return s != null && s.isLoggedOn();
    }

    /** Parks (never spins) until the condition holds; the test's own timeout bounds the wait. */
    static void await(final BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(2);
        }
    }

    /** The next application message, failing after ten seconds. */
    Message next() throws InterruptedException {
        final Message message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message from the venue within " + WAIT_SECONDS + "s");
        return message;
    }

    void newOrder(final String clOrdId, final char side, final String symbol, final long quantity,
        final String price) {
        newOrder(clOrdId, side, symbol, quantity, price, TimeInForce.DAY);
    }

    void newOrder(final String clOrdId, final char side, final String symbol, final long quantity,
        final String price, final char timeInForce) {
        final Message order = order(MsgType.ORDER_SINGLE, clOrdId, side, symbol);
        order.setString(OrderQty.FIELD, Long.toString(quantity));
        order.setString(Price.FIELD, price);
        order.setChar(TimeInForce.FIELD, timeInForce);
        send(order);
    }

    void cancel(final String clOrdId, final String origClOrdId, final char side, final String symbol,
        final long quantity) {
        final Message cancel = order(MsgType.ORDER_CANCEL_REQUEST, clOrdId, side, symbol);
        cancel.setString(OrigClOrdID.FIELD, origClOrdId);
        cancel.setString(OrderQty.FIELD, Long.toString(quantity));
        cancel.removeField(OrdType.FIELD);
        cancel.removeField(HandlInst.FIELD);
        send(cancel);
    }

    void replace(final String clOrdId, final String origClOrdId, final char side, final String symbol,
        final long quantity, final String price) {
        final Message replace = order(MsgType.ORDER_CANCEL_REPLACE_REQUEST, clOrdId, side, symbol);
        replace.setString(OrigClOrdID.FIELD, origClOrdId);
        replace.setString(OrderQty.FIELD, Long.toString(quantity));
        replace.setString(Price.FIELD, price);
        send(replace);
    }

    /**
     * An OrderStatusRequest for {@code clOrdId}; with an OrdStatusReqID (4.4 only) unless it is null. Any fields
     * but ClOrdID, Side and Symbol would fail the venue's validation of a 35=H.
     */
    void statusRequest(final String clOrdId, final char side, final String symbol, final String ordStatusReqId) {
        final Message request = new Message();
        request.getHeader().setString(MsgType.FIELD, MsgType.ORDER_STATUS_REQUEST);
        request.setString(ClOrdID.FIELD, clOrdId);
        request.setChar(Side.FIELD, side);
        request.setString(Symbol.FIELD, symbol);
        if (ordStatusReqId != null) {
            request.setString(OrdStatusReqID.FIELD, ordStatusReqId);
        }
        send(request);
    }

    void send(final Message message) {
        assertTrue(Session.lookupSession(session).send(message), "the client's session refused to send");
    }

    /**
     * Sends with PossDupFlag=Y and an OrigSendingTime a second back, as a resend would carry them; call from one
     * thread at a time ({@link PossDupMarker}).
     */
    void sendPossDup(final Message message) {
        possDups.markNext(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS")));
        send(message);
    }

    /** A NewOrderSingle as {@link #newOrder} builds it, not sent. */
    static Message order(final String clOrdId, final char side, final String symbol, final long quantity,
        final String price) {
        final Message order = order(MsgType.ORDER_SINGLE, clOrdId, side, symbol);
        order.setString(OrderQty.FIELD, Long.toString(quantity));
        order.setString(Price.FIELD, price);
        order.setChar(TimeInForce.FIELD, TimeInForce.DAY);
        return order;
    }

    private static Message order(final String type, final String clOrdId, final char side, final String symbol) {
        final Message message = new Message();
        message.getHeader().setString(MsgType.FIELD, type);
        message.setString(ClOrdID.FIELD, clOrdId);
        message.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        message.setChar(Side.FIELD, side);
        message.setString(Symbol.FIELD, symbol);
        message.setChar(OrdType.FIELD, OrdType.LIMIT);
        message.setField(new TransactTime());
        return message;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        // Nothing per session.
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        logons.incrementAndGet();
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        // Counted by the venue.
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        try {
            final String type = message.getHeader().getString(MsgType.FIELD);
            if (MsgType.LOGON.equals(type) && username != null) {
                message.setString(Username.FIELD, username);
                message.setString(Password.FIELD, password);
            } else if (MsgType.REJECT.equals(type)) {
                rejectsSent.add(message);
            }
        } catch (final FieldNotFound ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (MsgType.LOGOUT.equals(message.getHeader().getString(MsgType.FIELD))) {
            logoutsReceived.add(message);
        }
    }

    /** Sent as built, but for a PossDup mark {@link #sendPossDup} asked for. */
    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        possDups.apply(message);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId) {
        received.add(message);
    }

    @Override
    public void close() {
        initiator.stop(true);
    }
}
