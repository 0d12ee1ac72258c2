package io.rebalancer.daemon;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.fix.GatewayCounters;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.ErrorHandler;
import quickfix.ConfigError;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon's venue over a real FIX 4.4 session ({@code --venue fix}, the default): the {@link FixGateway}
 * initiator, and, unless the gateway's settings name an external acceptor, a {@link VenueSimulator} acceptor
 * started in-process and filling at the synthetic market's touch.
 * <p>
 * The in-process pair reads {@code fix/initiator.cfg} and {@code fix/venue.cfg} of the config directory but
 * listens on a free loopback port chosen per run, so two runs never collide, and keeps sequence numbers in
 * memory, so a run leaves nothing behind. Executions are stamped with the synthetic market's time, not the wall
 * clock: the engine's clock is the latest event time, and a wall-clock execution would make every simulated
 * price look stale.
 * <p>
 * The in-process simulator also serves market data: when the config directory has {@code fix/venue-marketdata.cfg},
 * its session (the market-data client's, REBAL-MD) is accepted on the same port. The daemon's market is driven
 * elsewhere: whoever wires FIX market data in publishes the market's ticks to {@link #marketDataSink()} and points
 * the client at {@link #port()}.
 */
final class FixVenue implements Venue {
    /** How long the daemon waits for the logon before it gives up without publishing a tick. */
    static final long LOGON_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long LOGON_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final FixGateway gateway;
    private final VenueSimulator simulator;
    private final String where;
    private final int port;
    private long logonTimeoutNanos = LOGON_TIMEOUT_NANOS;

    /**
     * Reads the settings; a missing or bad file fails here with an {@link IllegalArgumentException} naming it.
     *
     * @param configDir     the daemon's config directory, holding {@code fix/initiator.cfg} and {@code fix/venue.cfg}
     * @param fixSettings   the gateway's settings of an external acceptor, or null for the in-process simulator
     * @param universe      the engine's instruments
     * @param orderCapacity the engine's order capacity
     * @param quotes        the synthetic market's touch: the simulator fills at it, executions take its time
     */
    FixVenue(final Path configDir, final Path fixSettings, final InstrumentUniverse universe,
        final int orderCapacity, final LatestQuotes quotes) {
        if (fixSettings != null) {
            final SessionSettings settings = FixGateway.settings(fixSettings);
            gateway = new FixGateway(settings, FixGateway.stores(settings), universe, orderCapacity, quotes::timeNanos);
            simulator = null;
            where = "to the acceptor of " + fixSettings;
            port = 0;
            return;
        }
        port = freePort();
        final SessionSettings initiator = FixGateway.settings(configDir.resolve("fix").resolve("initiator.cfg"));
        final SessionSettings acceptor = FixGateway.settings(configDir.resolve("fix").resolve("venue.cfg"));
        final Path marketData = configDir.resolve("fix").resolve("venue-marketdata.cfg");
        if (Files.isRegularFile(marketData)) {
            final SessionSettings sessions = FixGateway.settings(marketData);
            for (final SessionID session : sessions(sessions)) {
                try {
                    sessions.getSessionProperties(session, true).forEach((key, value) -> acceptor.setString(session,
                        key.toString(), value.toString()));
                } catch (final ConfigError ex) {
                    throw new IllegalArgumentException("FIX settings " + marketData + ": " + ex.getMessage(), ex);
                }
            }
        }
        for (final SessionID session : sessions(initiator)) {
            initiator.setString(session, "SocketConnectHost", "127.0.0.1");
            initiator.setLong(session, "SocketConnectPort", port);
        }
        for (final SessionID session : sessions(acceptor)) {
            acceptor.setString(session, "SocketAcceptAddress", "127.0.0.1");
            acceptor.setLong(session, "SocketAcceptPort", port);
        }
        gateway = new FixGateway(initiator, new MemoryStoreFactory(), universe, orderCapacity, quotes::timeNanos);
        simulator = new VenueSimulator(acceptor, new MemoryStoreFactory(), quotes, universe, true);
        where = "to the in-process venue simulator on 127.0.0.1:" + port;
    }

    /**
     * Where the in-process simulator's market data comes from: the daemon's market publishes its ticks here (one
     * thread). Null with an external acceptor.
     */
    TickSink marketDataSink() {
        return simulator == null ? null : simulator.marketData();
    }

    /** The in-process simulator's loopback port, for the market-data client's settings; 0 with an external one. */
    int port() {
        return port;
    }

    /**
     * An external acceptor keeps the session (and its messages) across our restarts: have it resend what the journal
     * lacks. The in-process simulator starts afresh with the daemon, sequence numbers and all.
     */
    @Override
    public void resumeAfter(final long lastSourceSequence) {
        if (simulator == null && lastSourceSequence > 0 && lastSourceSequence < Integer.MAX_VALUE) {
            gateway.nextIncomingSequence((int)lastSourceSequence + 1);
        }
    }

    /** The engine's order sink: the gateway's hand-off ring. */
    @Override
    public OrderSink orderSink() {
        return gateway.orderSink();
    }

    /**
     * Starts as {@link #startAndAwaitLogon} does, waiting {@link #LOGON_TIMEOUT_NANOS} at most. The gateway's and
     * the simulator's threads report their own errors (QuickFIX/J logs them), so {@code errors} is not used.
     */
    @Override
    public boolean start(final InboundPublisher executions, final ErrorHandler errors, final BooleanSupplier stop) {
        return startAndAwaitLogon(executions, LOGON_TIMEOUT_NANOS, stop);
    }

    /**
     * Starts the simulator (if any) and the gateway, and waits, parking, until the session is logged on.
     *
     * @param timeoutNanos how long to wait: {@link #LOGON_TIMEOUT_NANOS} in the daemon
     * @return false when it did not log on within {@code timeoutNanos} or {@code stop} was set
     */
    boolean startAndAwaitLogon(final InboundPublisher executions, final long timeoutNanos,
        final BooleanSupplier stop) {
        logonTimeoutNanos = timeoutNanos;
        if (simulator != null) {
            simulator.start();
        }
        gateway.start(executions);
        final long deadline = System.nanoTime() + timeoutNanos;
        while (!gateway.isConnected() && System.nanoTime() < deadline && !stop.getAsBoolean()) {
            LockSupport.parkNanos(LOGON_POLL_NANOS);
        }
        return gateway.isConnected();
    }

    /**
     * Orders the venue has seen of those the engine sent: with the simulator, those it received and matched once;
     * else those the gateway sent or refused back. While the session is down nothing more will be seen, so then
     * every order counts as seen and the market does not wait for it. Cancels and replaces are not counted here:
     * the market does not wait for them.
     */
    @Override
    public boolean caughtUp(final long ordersSent) {
        if (!gateway.isConnected()) {
            return true;
        }
        final GatewayCounters c = gateway.counters();
        final long refused = c.ordersRefusedBeforeSending();
        final long passed = simulator != null ? simulator.ordersProcessed() : c.get(GatewayCounters.ORDERS_SENT);
        return passed + refused >= ordersSent;
    }

    /** Resting orders at a FIX venue only fill when quotes move, and the market has stopped: caught up is idle. */
    @Override
    public boolean idle(final long ordersSent) {
        return caughtUp(ordersSent);
    }

    /** A FIX venue keeps its orders until its own close; the engine's shutdown policy decides what to cancel. */
    @Override
    public void closeMarket() {
        // Nothing to do: see above.
    }

    @Override
    public String connection() {
        final GatewayCounters c = gateway.counters();
        final long logons = c.get(GatewayCounters.LOGONS);
        return (gateway.isConnected() ? "FIX logged on" : "FIX session DOWN") + " (" + logons
            + (logons == 1 ? " logon" : " logons") + (logons > 1 ? ", " + (logons - 1) + " reconnects" : "") + ")";
    }

    @Override
    public RunReport.VenueTotals totals(final boolean started) {
        final GatewayCounters c = gateway.counters();
        return new RunReport.VenueTotals("fix", summary(started), c.get(GatewayCounters.ORDERS_SENT),
            simulatorFills(), c.ordersRefusedBack(), gateway.ordersLost());
    }

    /** Trade reports the simulator sent, or -1 with an external acceptor. */
    private long simulatorFills() {
        return simulator == null ? -1 : simulator.fills();
    }

    /** One line for the summary: where the session went and what crossed it. */
    String summary(final boolean loggedOn) {
        final GatewayCounters c = gateway.counters();
        final long rejects = c.ordersRefusedBack();
        if (!loggedOn) {
            return String.format(Locale.ROOT, "!! FIX session %s did not log on within %d ms "
                + "(or before the daemon was stopped): no tick was published",
                where, TimeUnit.NANOSECONDS.toMillis(logonTimeoutNanos));
        }
        return String.format(Locale.ROOT, "FIX session %s: logged on (%d logons, %d logouts), %s orders sent over "
            + "FIX, %s execution reports received, %s orders refused back", where, c.get(GatewayCounters.LOGONS),
            c.get(GatewayCounters.LOGOUTS), Text.count(c.get(GatewayCounters.ORDERS_SENT)),
            Text.count(c.get(GatewayCounters.EXECUTIONS)), Text.count(rejects));
    }

    /** Logs out and disconnects the gateway (orders still queued are rejected back), then stops the acceptor. */
    @Override
    public void close() {
        gateway.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    /** The sessions of a settings file. */
    static List<SessionID> sessions(final SessionSettings settings) {
        final List<SessionID> ids = new ArrayList<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext();) {
            ids.add(it.next());
        }
        return ids;
    }

    /** A port nobody listens on right now; the simulator binds it a moment later. Also for {@link VenueMain}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new UncheckedIOException("no free port for the FIX venue simulator", ex);
        }
    }
}
