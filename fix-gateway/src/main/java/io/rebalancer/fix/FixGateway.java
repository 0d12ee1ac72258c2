package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The FIX 4.4 (or 4.2) gateway: a QuickFIX/J {@link SocketInitiator} behind {@link OrderGateway}.
 * <pre>
 *   engine thread            gateway agent thread                  QFJ message-processor thread
 *   OrderSink (OrderHandOff) -> OneToOneRingBuffer -> GatewayAgent -> Session.send(D / F / G / H)
 *                                                                    ExecutionReport / OrderCancelReject / Reject
 *   engine inbound ring  <------------------------------------------ FixSessionAdapter.fromApp/fromAdmin
 * </pre>
 * The engine thread only writes primitives into a ring sized for its whole order capacity. The agent thread idles with
 * a back-off (spin a little, yield, then park up to a millisecond), never a busy spin, because the engine may already
 * own a spinning core; the engine wakes it as it hands an order over ({@link OrderHandOff#wakeOnHandOff}), so an order
 * never waits out the park. If the session is not logged on when an order is taken off the ring, the order is rejected
 * back to the engine as an execution with ExecType REJECTED (a cancel or replace request as CANCEL_REJECTED, a status
 * request as an ORDER_STATUS without a status): never dropped, never held back to be sent after a reconnect at a stale
 * price, never resent by QuickFIX/J on a ResendRequest ({@link FixSessionAdapter#toApp}).
 * <p>
 * After a restart, {@link #nextIncomingSequence(int)} makes the venue resend its messages from a given MsgSeqNum
 * on: the daemon sets it from its journal, one past the last report it holds.
 * <p>
 * The session's BeginString picks the dialect (FIX.4.4 or FIX.4.2, {@link OrderMessages}); the gateway's own
 * settings keys ({@code MaxMessagesPerSecond}, {@code Username}, {@code Password}) are read by
 * {@link GatewaySettings}. QuickFIX/J's own keys do the rest: {@code ReconnectInterval} (a back-off list such as
 * {@code 1;2;5;10}), {@code SocketUseSSL} and its key stores for TLS.
 * <p>
 * QuickFIX/J logs through SLF4J ({@link SLF4JLogFactory}, never the slow screen log); the daemon's
 * {@code simplelogger.properties} keeps it at warn.
 */
public final class FixGateway implements OrderGateway {
    /**
     * Park at most this long when idle. The engine unparks the agent when it hands an order over, so this bounds
     * only what nothing wakes: a rate-limited order's retry, a session that logged on meanwhile.
     */
    public static final long MAX_IDLE_PARK_NANOS = 1_000_000;

    private final SessionSettings settings;
    private final MessageStoreFactory stores;
    private final EpochNanoClock clock;
    private final String[] symbols;
    private final OrderHandOff proxy;
    private final SentOrders sent;
    private final GatewayCounters counters = new GatewayCounters();
    private int nextIncomingSequence;
    private volatile FixSessionAdapter adapter;
    private AgentRunner runner;
    private SocketInitiator initiator;

    /**
     * Builds the order sink; nothing connects until {@link #start}.
     *
     * @param settings      one FIX 4.4 or 4.2 initiator session; {@code PersistMessages=N} is expected (with Y,
     *                      resends of our messages are refused one by one: see {@link GatewayAgent})
     * @param stores        where QuickFIX/J keeps sequence numbers and sent messages
     * @param universe      the engine's instruments: symbol per id on the wire
     * @param orderCapacity the engine's order capacity, which sizes the hand-off ring so it never fills
     * @param clock         receive time stamped on executions and TransactTime on orders
     */
    public FixGateway(final SessionSettings settings, final MessageStoreFactory stores,
        final InstrumentUniverse universe, final int orderCapacity, final EpochNanoClock clock) {
        this.settings = settings;
        this.stores = stores;
        this.clock = clock;
        sent = new SentOrders(orderCapacity * 2);
        proxy = new OrderHandOff(orderCapacity);
        symbols = new String[universe.size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = universe.get(id).symbol();
        }
    }

    /** Reads a QuickFIX/J settings file; a bad file fails here with its name in the message. */
    public static SessionSettings settings(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new SessionSettings(in);
        } catch (final IOException | ConfigError ex) {
            throw new IllegalArgumentException("cannot read FIX session settings " + file + ": " + ex.getMessage(),
                ex);
        }
    }

    /** A file store when the settings name a {@code FileStorePath}, else an in-memory store (tests). */
    public static MessageStoreFactory stores(final SessionSettings settings) {
        final Iterator<SessionID> sessions = settings.sectionIterator();
        boolean files = settings.isSetting(FileStoreFactory.SETTING_FILE_STORE_PATH);
        while (!files && sessions.hasNext()) {
            files = settings.isSetting(sessions.next(), FileStoreFactory.SETTING_FILE_STORE_PATH);
        }
        return files ? new FileStoreFactory(settings) : new MemoryStoreFactory();
    }

    @Override
    public OrderSink orderSink() {
        return proxy;
    }

    /**
     * The MsgSeqNum to expect next from the venue, set on the session before it first connects, overriding the
     * message store's: the venue's Logon then comes "too high" and QuickFIX/J asks it to resend everything from
     * {@code sequence} on (PossDupFlag=Y), which the gateway publishes like any other report. Lowering it after a
     * restart recovers reports a journal lacks; the engine recognises those it has booked by their ExecIDs. Call
     * before {@link #start}; needs a venue that keeps what it sent ({@code PersistMessages=Y} on its side), else it
     * gap-fills and nothing comes back. Never above the venue's next MsgSeqNum: its Logon would then be "too low",
     * and QuickFIX/J logs out and disconnects. The value is written to the message store (a file store keeps it)
     * when QuickFIX/J creates the session; QuickFIX/J sends the ResendRequest before it reports the logon, so the
     * resent reports reach the engine after the session is up and before anything the venue sends later.
     *
     * @param sequence 1 or more; 0 keeps what the store says
     * @return this gateway
     * @throws IllegalStateException after {@link #start}
     */
    public FixGateway nextIncomingSequence(final int sequence) {
        if (runner != null) {
            throw new IllegalStateException("the next incoming MsgSeqNum is set before the gateway starts");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("next incoming MsgSeqNum " + sequence + ": use 1 or more, or 0 for "
                + "the store's");
        }
        nextIncomingSequence = sequence;
        return this;
    }

    @Override
    public void start(final InboundPublisher executions) {
        if (runner != null) {
            throw new IllegalStateException("gateway already started");
        }
        final GatewaySettings own = GatewaySettings.read(settings);
        final FixSessionAdapter session = new FixSessionAdapter(executions, clock, counters, sent, own.username,
            own.password, nextIncomingSequence);
        try {
            initiator = new SocketInitiator(session, stores, settings,
                new PasswordMaskingLogFactory(new SLF4JLogFactory(settings)), new DefaultMessageFactory());
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("FIX session settings: " + ex.getMessage(), ex);
        }
        adapter = session;
        final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, MAX_IDLE_PARK_NANOS);
        runner = new AgentRunner(idle, Throwable::printStackTrace, null,
            new GatewayAgent(proxy.ring(), new SessionWire(session), new OrderMessages(symbols), executions, clock,
                counters, new SendRateLimit(own.maxMessagesPerSecond)));
        proxy.wakeOnHandOff(AgentRunner.startOnThread(runner));
        try {
            initiator.start();
        } catch (final ConfigError ex) {
            runner.close();
            throw new IllegalArgumentException("FIX session settings: " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean isConnected() {
        final FixSessionAdapter session = adapter;
        return session != null && session.loggedOnSession() != null;
    }

    /**
     * Why the venue last refused our logon (its Logout text, e.g. a wrong password), or null if it never did; any
     * thread. The count is {@link GatewayCounters#LOGON_FAILURES}.
     */
    public String lastLogonFailure() {
        final FixSessionAdapter session = adapter;
        return session == null ? null : session.lastLogonFailure();
    }

    @Override
    public GatewayCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
            initiator.stop();
        }
    }

    @Override
    public long ordersLost() {
        return proxy.lost();
    }
}
