package io.rebalancer.benchmarks.harness;

import org.HdrHistogram.Histogram;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FixVersions;
import quickfix.Message;
import quickfix.NoopStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
import quickfix.field.ClOrdID;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor under tick to NewOrderSingle at the venue: raw QuickFIX/J on loopback, none of our code. An acceptor
 * (the venue) and an initiator (the client) in this process, FIX 4.4, logged on before anything is measured. At
 * the offered rate the injector builds and sends a NewOrderSingle ({@link QuickFixFloorMessages}); the acceptor's
 * {@code fromApp} records the <b>one-way</b> latency (intended send to the order reaching the venue's application,
 * after QuickFIX/J has decoded and validated it) and answers with an ExecutionReport; the initiator's
 * {@code fromApp} records the <b>round trip</b> (intended send to the report reaching the client's application).
 * Both are taken first thing in {@code fromApp}, before the ClOrdID is read back.
 * <p>
 * Intended times travel as the ClOrdID: the order's number since construction. The receiving thread turns it into
 * the intended time with the phase's own schedule ({@link OfferedLoad#intendedNanos}), the same arithmetic that
 * timed the send, so nothing is shared but the immutable phase and nothing is looked up or parsed inside the
 * measured interval.
 * <p>
 * Sessions as our gateway and venue simulator have them (validation on, FIX44.xml, QuickFIX/J's SLF4J log, which
 * the shipped {@code simplelogger.properties} keeps at warn: no message is written out), except the store:
 * {@link NoopStoreFactory} keeps sequence numbers and no messages, where a memory store would hold every message
 * sent for the whole run. Each connector runs its sessions on its own "QFJ Message Processor" thread.
 * <p>
 * QuickFIX/J sustains about 30k round trips a second on this box. Above that, MINA would queue every order offered
 * in memory; the injector instead keeps at most {@link #MAX_IN_FLIGHT} orders unanswered and waits (parked) for
 * room, which the late orders' latency then includes, as queueing in any gateway would.
 * <p>
 * Indicative figures: {@code java -cp benchmarks/target/benchmarks.jar
 * io.rebalancer.benchmarks.harness.QuickFixFloor [rate ...]} (see {@link ScenarioMain}); 1k and 10k/s matter.
 */
public final class QuickFixFloor implements AutoCloseable {
    public static final String ONE_WAY = "floor-quickfix-one-way";
    public static final String ROUND_TRIP = "floor-quickfix-round-trip";
    static final SessionID CLIENT = new SessionID(FixVersions.BEGINSTRING_FIX44, "FLOOR-CLIENT", "FLOOR-VENUE");
    static final SessionID VENUE = new SessionID(FixVersions.BEGINSTRING_FIX44, "FLOOR-VENUE", "FLOOR-CLIENT");
    static final int MAX_IN_FLIGHT = 4096;
    private static final long LOGON_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Far more than {@link #MAX_IN_FLIGHT} orders take even at 1k/s: past it, something was lost. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long POLL_NANOS = 20_000;

    private final int port = freePort();
    /** Any message but the expected NewOrderSingle and ExecutionReport (a reject): the run is broken. */
    private final AtomicLong unexpected = new AtomicLong();
    private final Venue venue = new Venue();
    private final Client client = new Client();
    private final Histogram warmupOneWay = PacedLoop.latencyHistogram();
    private final Histogram warmupRoundTrip = PacedLoop.latencyHistogram();
    private final PacedLoop.Sender sender = this::sendOrder;
    private final SocketAcceptor acceptor;
    private final SocketInitiator initiator;
    private final Session clientSession;
    /** Set by the injector before a phase's first order, read by both receiving threads. */
    private volatile Phase phase;
    /** Orders sent since construction; the next order's ClOrdID. Injector only. */
    private long sent;
    private long phaseEndNanos;

    /** Starts the venue, then the client, waits for both to be logged on and sends one order through. */
    public QuickFixFloor() {
        try {
            acceptor = new SocketAcceptor(venue, new NoopStoreFactory(), settings(VENUE, false),
                new SLF4JLogFactory(settings(VENUE, false)), new DefaultMessageFactory());
            initiator = new SocketInitiator(client, new NoopStoreFactory(), settings(CLIENT, true),
                new SLF4JLogFactory(settings(CLIENT, true)), new DefaultMessageFactory());
        } catch (final ConfigError e) {
            throw new IllegalStateException("QuickFIX/J refused the floor's settings", e);
        }
        try {
            acceptor.start();
            initiator.start();
            clientSession = awaitLogon();
            // One order through and back, so that both message-processor threads are known to the first window.
            runPhase(warmupOneWay, warmupRoundTrip, 1_000, 1);
        } catch (final ConfigError | RuntimeException e) {
            stopQuietly();
            throw new IllegalStateException("the QuickFIX/J floor did not start on port " + port, e);
        }
    }

    /**
     * Warms up at the offered rate, waits for every answer, then measures for {@code measureNanos} into fresh
     * histograms: {@link #ONE_WAY} first, then {@link #ROUND_TRIP}. Call from one thread at a time (it is the
     * injector).
     */
    public List<ScenarioResult> measureBoth(final double offeredPerSecond, final long warmupNanos,
        final long measureNanos) {
        warmupOneWay.reset();
        warmupRoundTrip.reset();
        runPhase(warmupOneWay, warmupRoundTrip, offeredPerSecond, warmupNanos);
        final Histogram oneWay = PacedLoop.latencyHistogram();
        final Histogram roundTrip = PacedLoop.latencyHistogram();
        final MeasuredWindow sending = MeasuredWindow.open(Thread.currentThread());
        final MeasuredWindow venueThread = MeasuredWindow.open(venue.thread);
        final MeasuredWindow clientThread = MeasuredWindow.open(client.thread);
        runPhase(oneWay, roundTrip, offeredPerSecond, measureNanos);
        sending.close();
        venueThread.close();
        clientThread.close();
        final long orders = oneWay.getTotalCount();
        final double achieved = sending.ratePerSecond(orders);
        return List.of(
            new ScenarioResult(ONE_WAY, false, offeredPerSecond, achieved, oneWay, sending.bytesPer(orders),
                sending.gcCount(), "raw QuickFIX/J FIX 4.4 on loopback, NewOrderSingle to the acceptor's fromApp; "
                    + "allocation on the sending thread (build, encode, send)"),
            new ScenarioResult(ROUND_TRIP, false, offeredPerSecond, achieved, roundTrip,
                bytesPerEvent(orders, sending, venueThread, clientThread), sending.gcCount(),
                "raw QuickFIX/J FIX 4.4 on loopback, NewOrderSingle out, ExecutionReport back to the initiator's "
                    + "fromApp; allocation on the sending and both message-processor threads (not MINA's)"));
    }

    /** What the windows' threads allocated together, per event; -1 when a thread's counter could not be read. */
    private static double bytesPerEvent(final long events, final MeasuredWindow... windows) {
        long total = 0;
        for (final MeasuredWindow window : windows) {
            if (window.allocatedBytes() < 0) {
                return -1;
            }
            total += window.allocatedBytes();
        }
        return events == 0 ? -1 : (double)total / events;
    }

    /** Offers orders for {@code durationNanos}, then waits until each is answered. */
    private void runPhase(final Histogram oneWay, final Histogram roundTrip, final double offeredPerSecond,
        final long durationNanos) {
        final long start = System.nanoTime();
        final OfferedLoad load = new OfferedLoad(start, offeredPerSecond);
        phase = new Phase(load, sent, oneWay, roundTrip);
        phaseEndNanos = start + durationNanos;
        PacedLoop.run(load, phaseEndNanos, sender);
        awaitAnswered();
    }

    private boolean sendOrder(final long index, final long intendedNanos) {
        if (sent - client.reports.get() >= MAX_IN_FLIGHT && !awaitRoom()) {
            return false;
        }
        if (!clientSession.send(QuickFixFloorMessages.newOrder(sent))) {
            throw new IllegalStateException(CLIENT + " is not logged on");
        }
        sent++;
        return true;
    }

    /** Waits for an answer to make room, until the phase ends; false when it ended first. */
    private boolean awaitRoom() {
        while (sent - client.reports.get() >= MAX_IN_FLIGHT) {
            if (System.nanoTime() - phaseEndNanos > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    private void awaitAnswered() {
        final long deadline = System.nanoTime() + DRAIN_NANOS;
        while (venue.orders.get() < sent || client.reports.get() < sent) {
            if (unexpected.get() > 0 || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("of " + sent + " orders sent, the venue received "
                    + venue.orders.get() + " and the client " + client.reports.get() + " reports; "
                    + unexpected.get() + " unexpected messages (rejects)");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private Session awaitLogon() {
        final long deadline = System.nanoTime() + LOGON_NANOS;
        Session session = Session.lookupSession(CLIENT);
        while (session == null || !session.isLoggedOn() || !venue.isLoggedOn()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("no logon within " + TimeUnit.NANOSECONDS.toSeconds(LOGON_NANOS)
                    + " s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            session = Session.lookupSession(CLIENT);
        }
        return session;
    }

    /** The acceptor's port, to check that {@link #close} released it. */
    int port() {
        return port;
    }

    /** Logs the client out, then stops the venue: both connectors' threads end and the port is released. */
    @Override
    public void close() {
        try {
            initiator.stop();
        } finally {
            acceptor.stop();
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (final RuntimeException suppressed) {
            // Already failing: the start-up error is the one worth reporting.
        }
    }

    /** One phase: its schedule, the number of its first order, and where each side records. */
    private record Phase(OfferedLoad load, long firstOrder, Histogram oneWay, Histogram roundTrip) {
        long intendedNanos(final long clientOrderId) {
            return load.intendedNanos(clientOrderId - firstOrder);
        }
    }

    /** The acceptor's application: records the one-way latency and acknowledges, on the venue's QFJ thread. */
    private final class Venue extends ApplicationAdapter {
        final AtomicLong orders = new AtomicLong();
        volatile Thread thread;
        private volatile Session session;

        @Override
        public void onLogon(final SessionID sessionId) {
            session = Session.lookupSession(sessionId);
        }

        boolean isLoggedOn() {
            final Session current = session;
            return current != null && current.isLoggedOn();
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
            final long arrived = System.nanoTime();
            if (!(message instanceof NewOrderSingle)) {
                unexpected.incrementAndGet();
                return;
            }
            final Phase current = phase;
            current.oneWay().recordValue(arrived - current.intendedNanos(Long.parseLong(
                message.getString(ClOrdID.FIELD))));
            if (thread == null) {
                thread = Thread.currentThread();
            }
            session.send(QuickFixFloorMessages.acknowledgement((NewOrderSingle)message));
            orders.incrementAndGet();
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
            if (message instanceof quickfix.fix44.Reject) {
                unexpected.incrementAndGet();
            }
        }
    }

    /** The initiator's application: records the round trip, on the client's QFJ thread. */
    private final class Client extends ApplicationAdapter {
        final AtomicLong reports = new AtomicLong();
        volatile Thread thread;

        @Override
        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound {
            final long arrived = System.nanoTime();
            if (!(message instanceof ExecutionReport)) {
                unexpected.incrementAndGet();
                return;
            }
            final Phase current = phase;
            current.roundTrip().recordValue(arrived - current.intendedNanos(Long.parseLong(
                message.getString(ClOrdID.FIELD))));
            if (thread == null) {
                thread = Thread.currentThread();
            }
            reports.incrementAndGet();
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
            if (message instanceof quickfix.fix44.Reject) {
                unexpected.incrementAndGet();
            }
        }
    }

    private SessionSettings settings(final SessionID session, final boolean initiating) {
        final SessionSettings settings = new SessionSettings();
        settings.setString(session, "BeginString", session.getBeginString());
        settings.setString(session, "SenderCompID", session.getSenderCompID());
        settings.setString(session, "TargetCompID", session.getTargetCompID());
        settings.setString(session, "StartTime", "00:00:00");
        settings.setString(session, "EndTime", "00:00:00");
        settings.setLong(session, "HeartBtInt", 30);
        settings.setString(session, "UseDataDictionary", "Y");
        settings.setString(session, "DataDictionary", "FIX44.xml");
        settings.setString(session, "ValidateIncomingMessage", "Y");
        settings.setString(session, "RejectInvalidMessage", "Y");
        settings.setString(session, "RejectGarbledMessage", "Y");
        settings.setString(session, "PersistMessages", "N");
        settings.setString(session, "ResetOnLogon", "Y");
        if (initiating) {
            settings.setString(session, "ConnectionType", "initiator");
            settings.setString(session, "SocketConnectHost", "127.0.0.1");
            settings.setLong(session, "SocketConnectPort", port);
            settings.setLong(session, "ReconnectInterval", 1);
        } else {
            settings.setString(session, "ConnectionType", "acceptor");
            settings.setString(session, "SocketAcceptAddress", "127.0.0.1");
            settings.setLong(session, "SocketAcceptPort", port);
        }
        return settings;
    }

    /** A port nobody listens on now; the acceptor binds it a moment later. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** Indicative figures: arguments are offered rates per second (1k and 10k matter most here). */
    public static void main(final String[] args) {
        try (QuickFixFloor floor = new QuickFixFloor()) {
            ScenarioMain.run(args, floor::measureBoth);
        }
    }
}
