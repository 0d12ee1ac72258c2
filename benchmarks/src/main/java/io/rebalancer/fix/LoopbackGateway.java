package io.rebalancer.fix;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.benchmarks.harness.LoopbackFix;
import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The order gateway's send path with nothing between the engine's order and {@code Session.send}, over a real
 * QuickFIX/J session on loopback, for the benchmarks (which live in another package, and the path's classes are
 * this package's own).
 * <p>
 * Ours ({@link #sendOrder}): the engine's primitive order written into the real {@link OrderHandOff}, then one duty
 * cycle of the real {@link GatewayAgent} on the caller's thread, which reads the record, builds the NewOrderSingle
 * ({@link OrderMessages}) and sends it through the real {@link SessionWire}: the gateway agent thread's work, per
 * order. The session pair is the latency harness's ({@link LoopbackFix}: the shipped {@code .cfg} keys, on a free
 * loopback port). The initiator is built as {@link FixGateway#start} builds it: {@link FixSessionAdapter} as the
 * application (its {@code toApp} runs inside every send), the gateway's log factory, and the store
 * {@link FixGateway#stores} picks (a file store when the settings name a folder, as {@code config/fix/initiator.cfg}
 * does; in memory otherwise, as for the in-process venue), {@code PersistMessages=N} either way, so no store keeps
 * the messages sent.
 * <p>
 * The venue is a plain acceptor on a free loopback port that answers nothing and keeps the last application message
 * (no data dictionary: it decodes as little as it can, to leave the box's cores to the sender), in this JVM or in one
 * of its own ({@link LoopbackVenue}). {@link #session()} is the same logged-on session, for a baseline that sends
 * its own messages.
 */
public final class LoopbackGateway implements AutoCloseable {
    private static final long LOGON_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final GatewayCounters counters = new GatewayCounters();
    private final OrderHandOff handOff = new OrderHandOff(1024);
    private final Venue venue;
    private final SocketInitiator initiator;
    private final FixSessionAdapter adapter;
    private final GatewayAgent agent;
    private final Session session;

    private LoopbackGateway(final String[] symbols, final Path fileStore, final boolean venueInProcess)
        throws ConfigError {
        final int port = LoopbackFix.freePort();
        venue = venueInProcess ? new InProcessVenue(port) : new ChildVenue(port);

        final SessionSettings settings = LoopbackFix.initiator(port);
        if (fileStore != null) {
            settings.setString(LoopbackFix.GATEWAY, FileStoreFactory.SETTING_FILE_STORE_PATH, fileStore.toString());
        }
        final EpochNanoClock clock = new SystemEpochNanoClock();
        final InboundPublisher publisher =
            new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new, 1024));
        adapter = new FixSessionAdapter(publisher, clock, counters, new SentOrders(2048));
        initiator = new SocketInitiator(adapter, FixGateway.stores(settings), settings,
            new PasswordMaskingLogFactory(new SLF4JLogFactory(settings)), new DefaultMessageFactory());
        agent = new GatewayAgent(handOff.ring(), new SessionWire(adapter), new OrderMessages(symbols), publisher,
            clock, counters, new SendRateLimit(0));

        initiator.start();
        final long deadline = System.nanoTime() + LOGON_TIMEOUT_NANOS;
        while (adapter.loggedOnSession() == null) {
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("the loopback FIX session did not log on in 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        session = Session.lookupSession(LoopbackFix.GATEWAY);
    }

    /**
     * Starts the venue and the initiator and waits for the logon.
     *
     * @param symbols        the wire symbol of each engine instrument id
     * @param fileStore      the initiator's file store folder, or null for the in-memory store
     * @param venueInProcess true: the venue's acceptor runs in this JVM, and {@link #lastReceived()} shows what it
     *                       received (for tests); false: in a JVM of its own, so what it allocates and the threads it
     *                       runs are not this JVM's (for benchmarks measuring allocation per order)
     */
    public static LoopbackGateway start(final String[] symbols, final Path fileStore, final boolean venueInProcess) {
        try {
            return new LoopbackGateway(symbols, fileStore, venueInProcess);
        } catch (final ConfigError ex) {
            throw new IllegalStateException("loopback FIX settings: " + ex.getMessage(), ex);
        }
    }

    /**
     * The venue's acceptor settings: the harness's venue session on the port, but without the data dictionary, so
     * that it decodes as little as it can and leaves the box's cores to the sender.
     */
    static SessionSettings venueSettings(final int port) {
        final SessionSettings settings = LoopbackFix.acceptor(port);
        settings.setString(LoopbackFix.VENUE, "UseDataDictionary", "N");
        return settings;
    }

    /**
     * Ours: the engine hands over a new limit order (as {@code OrderSink.onNewOrder} on the engine thread), and the
     * gateway agent's duty cycle builds it as a NewOrderSingle and sends it.
     *
     * @return records the agent handled: 1
     */
    public int sendOrder(final long timeNanos, final long clientOrderId, final int instrumentId, final byte side,
        final long quantity, final long limitPriceMicros) {
        handOff.onNewOrder(timeNanos, clientOrderId, 0, instrumentId, side, quantity, limitPriceMicros);
        return agent.doWork();
    }

    /** The gateway's logged-on session. */
    public Session session() {
        return session;
    }

    /** NewOrderSingles the gateway agent sent; orders it refused back (offline, send failed). */
    public long ordersSent() {
        return counters.get(GatewayCounters.ORDERS_SENT);
    }

    public long ordersRefused() {
        return counters.get(GatewayCounters.ORDERS_REJECTED_OFFLINE) + counters.get(GatewayCounters.SEND_ERRORS);
    }

    /**
     * The last application message the venue received, as it decoded it, once it has taken in everything sent.
     *
     * @throws IllegalStateException for a venue in a JVM of its own
     */
    public Message lastReceived() {
        if (!awaitDrained(LOGON_TIMEOUT_NANOS)) {
            throw new IllegalStateException("the venue did not take in what was sent");
        }
        return venue.lastReceived();
    }

    /** Messages sent and not yet taken in by the venue (queued in QuickFIX/J's socket writer, or in flight). */
    public int backlog() {
        return session.getExpectedSenderNum() - venue.expectedSequence();
    }

    /** Waits until the counterparty has taken in everything sent; false after {@code timeoutNanos}. */
    public boolean awaitDrained(final long timeoutNanos) {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (backlog() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    @Override
    public void close() {
        initiator.stop(true);
        venue.close();
    }

    /** The venue the initiator logs on to: accepts the logon, answers nothing. */
    private interface Venue extends AutoCloseable {
        /** The next MsgSeqNum the venue expects from us: one past the last it took in. */
        int expectedSequence();

        Message lastReceived();

        @Override
        void close();
    }

    /** The venue's acceptor in this JVM. */
    private static final class InProcessVenue implements Venue {
        private final Counterparty counterparty = new Counterparty();
        private final SocketAcceptor acceptor;

        InProcessVenue(final int port) throws ConfigError {
            final SessionSettings settings = venueSettings(port);
            acceptor = new SocketAcceptor(counterparty, new MemoryStoreFactory(), settings,
                new SLF4JLogFactory(settings), new DefaultMessageFactory());
            acceptor.start();
        }

        @Override
        public int expectedSequence() {
            final Session session = Session.lookupSession(LoopbackFix.VENUE);
            return session == null ? 1 : session.getExpectedTargetNum();
        }

        @Override
        public Message lastReceived() {
            return counterparty.last;
        }

        @Override
        public void close() {
            acceptor.stop(true);
        }
    }

    /**
     * The venue's acceptor in a JVM of its own ({@link LoopbackVenue}), started from this JVM's class path; asked for
     * its expected sequence number over its standard input and output.
     */
    private static final class ChildVenue implements Venue {
        private final Process process;
        private final BufferedReader answers;
        private final Writer questions;

        ChildVenue(final int port) {
            final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try {
                process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), LoopbackVenue.class.getName(), Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                answers = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
                questions = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
                final String ready = answers.readLine();
                if (!LoopbackVenue.READY.equals(ready)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the venue process did not start: " + ready);
                }
            } catch (final IOException ex) {
                throw new UncheckedIOException("cannot start the venue process", ex);
            }
        }

        @Override
        public int expectedSequence() {
            try {
                questions.write(LoopbackVenue.ASK);
                questions.write('\n');
                questions.flush();
                return Integer.parseInt(answers.readLine());
            } catch (final IOException ex) {
                throw new UncheckedIOException("the venue process does not answer", ex);
            }
        }

        @Override
        public Message lastReceived() {
            throw new IllegalStateException("the venue runs in a JVM of its own: start it in process to see messages");
        }

        @Override
        public void close() {
            try {
                questions.close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (final IOException ex) {
                process.destroyForcibly();
            } catch (final InterruptedException ex) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The venue's application: accepts the logon, keeps the last message that arrives, answers nothing. */
    static final class Counterparty implements Application {
        private volatile Message last;

        @Override
        public void onCreate(final SessionID sessionId) {
        }

        @Override
        public void onLogon(final SessionID sessionId) {
        }

        @Override
        public void onLogout(final SessionID sessionId) {
        }

        @Override
        public void toAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromAdmin(final Message message, final SessionID sessionId) {
        }

        @Override
        public void toApp(final Message message, final SessionID sessionId) {
        }

        @Override
        public void fromApp(final Message message, final SessionID sessionId) {
            last = message;
        }
    }
}
