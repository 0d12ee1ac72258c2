package io.rebalancer.venue;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A FIX venue on a QuickFIX/J {@link SocketAcceptor} that fills orders at the touch of {@link LatestQuotes}
 * (see {@link VenueAgent} for the rules), cancels and replaces them on request, answers order status requests,
 * refuses a ClOrdID offered twice ({@link VenueApplication}), and misbehaves as its
 * {@link VenueBehaviour} says. Every session of the settings is served in its own dialect: FIX 4.4, or FIX 4.2
 * (see {@link VenueReports}). Decoding happens on QuickFIX/J's thread, matching and reporting on the venue's own
 * agent thread, which sleeps a millisecond when idle. QuickFIX/J logs through SLF4J, quiet at the default warn
 * level. The fault-injection methods may be called from any thread once a session is logged on.
 * <p>
 * The venue also serves market data ({@link VenueMarketData}: MarketDataRequest, snapshots and increments) of the
 * quotes its market publishes into {@link #marketData()}, sent from a third thread that sleeps a millisecond when
 * idle. The fill touch stays {@link LatestQuotes}: a market that feeds both keeps them in step.
 */
public final class VenueSimulator implements AutoCloseable {
    /** Injected ExecIDs and the venue's own share one counter, so no two reports share an ExecID by accident. */
    private final AtomicLong execIds = new AtomicLong(1);
    private final VenueCounters counters = new VenueCounters();
    private final VenueBehaviour behaviour;
    private final VenueApplication application;
    private final VenueAgent agent;
    private final AgentRunner runner;
    private final VenueMarketData marketData;
    private final AgentRunner marketDataRunner;
    private final SocketAcceptor acceptor;
    private final FaultInjector faults;

    /**
     * The venue with the behaviour of the settings' {@code Venue*} keys ({@link VenueBehaviour#fromSettings}),
     * partial fills as given.
     *
     * @param settings     the acceptor session(s)
     * @param stores       where QuickFIX/J keeps sequence numbers
     * @param quotes       the touch to fill at
     * @param universe     the instruments, by the ids of {@code quotes}: symbols to match orders, lots to split fills
     * @param partialFills fill each order of two lots or more in two parts (see {@link FillRules#firstPartial})
     */
    public VenueSimulator(final SessionSettings settings, final MessageStoreFactory stores, final LatestQuotes quotes,
        final InstrumentUniverse universe, final boolean partialFills) {
        this(settings, stores, quotes, universe,
            VenueBehaviour.fromSettings(settings).toBuilder().partialFills(partialFills).build());
    }

    /**
     * @param settings  the acceptor session(s); the {@code Venue*} keys are not read here, {@code behaviour} rules
     * @param behaviour latency, partial fills, rest limits and faults
     */
    public VenueSimulator(final SessionSettings settings, final MessageStoreFactory stores, final LatestQuotes quotes,
        final InstrumentUniverse universe, final VenueBehaviour behaviour) {
        this.behaviour = behaviour;
        final Map<String, Integer> instruments = new HashMap<>();
        final long[] lots = new long[universe.size()];
        for (int id = 0; id < universe.size(); id++) {
            instruments.put(universe.get(id).symbol(), id);
            lots[id] = universe.get(id).lotSize();
        }
        marketData = new VenueMarketData(universe);
        application = new VenueApplication(instruments, settings, counters, marketData);
        try {
            acceptor = new SocketAcceptor(application, stores, settings, new SLF4JLogFactory(settings),
                new DefaultMessageFactory());
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("venue FIX settings: " + ex.getMessage(), ex);
        }
        faults = new FaultInjector(acceptor::getSessions, execIds, counters);
        agent = new VenueAgent(application.inbox(), quotes, lots, behaviour, counters, execIds, faults::disconnect,
            application.possDups());
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, agent);
        marketDataRunner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null,
            marketData.agent());
    }

    /** Starts matching, market data and listening. */
    public void start() {
        AgentRunner.startOnThread(runner);
        AgentRunner.startOnThread(marketDataRunner);
        try {
            acceptor.start();
        } catch (final ConfigError ex) {
            runner.close();
            marketDataRunner.close();
            throw new IllegalArgumentException("venue FIX settings: " + ex.getMessage(), ex);
        }
    }

    /**
     * The venue's market-data publisher: give it to the market whose quotes the venue serves (a {@code TickSink},
     * called from the market's one thread), and ask it what was sent; any thread.
     */
    public VenueMarketData marketData() {
        return marketData;
    }

    /**
     * Tells {@code listener} the ClOrdID of every NewOrderSingle the moment QuickFIX/J hands it to the venue, before
     * the venue decodes, checks or books it, on QuickFIX/J's thread: the arrival the benchmarks' tick-to-venue
     * latency is measured to. Orders that arrived before the call are not told. The listener must not block.
     */
    public void onOrderArrival(final Consumer<String> listener) {
        application.onOrderArrival(listener);
    }

    /** The behaviour this venue was built with. */
    public VenueBehaviour behaviour() {
        return behaviour;
    }

    /**
     * Every NewOrderSingle taken as a new order so far, in arrival order, each ClOrdID once (duplicates are refused
     * or ignored, and counted: {@link VenueCounters#DUPLICATE_ORDERS}, {@link VenueCounters#POSS_DUPS_IGNORED});
     * any thread.
     */
    public List<VenueOrder> receivedOrders() {
        return new ArrayList<>(application.received());
    }

    /** Every fill the venue executed, once each however often its report went out; any thread. */
    public List<VenueFill> executedFills() {
        return agent.executed();
    }

    /** Orders received and matched at least once (see {@link VenueAgent#ordersProcessed()}); any thread. */
    public long ordersProcessed() {
        return agent.ordersProcessed();
    }

    /** Trade reports sent so far; any thread. */
    public long fills() {
        return counters.get(VenueCounters.FILLS);
    }

    /** Everything the venue counted; any thread. */
    public VenueCounters counters() {
        return counters;
    }

    /** The acceptor's sessions, logged on or not. */
    public List<SessionID> sessions() {
        return new ArrayList<>(acceptor.getSessions());
    }

    /** How many sessions are logged on now; any thread. */
    public int loggedOnSessions() {
        int count = 0;
        for (final SessionID id : acceptor.getSessions()) {
            final Session session = Session.lookupSession(id);
            if (session != null && session.isLoggedOn()) {
                count++;
            }
        }
        return count;
    }

    /** Drops the socket of every logged-on session without a Logout, as a crash would; returns how many. */
    public int disconnect() {
        return faults.disconnect();
    }

    /** Sends a Logout on every logged-on session; returns how many. */
    public int logout() {
        return faults.logout();
    }

    /** Sends a fill report for {@code clOrdId} without the field {@code tag}; returns the sessions it went to. */
    public int injectReportWithout(final String clOrdId, final int tag) {
        return faults.reportWithout(clOrdId, tag);
    }

    /** Sends a fill report for {@code clOrdId} whose LastPx (31) is not a number; returns the sessions. */
    public int injectNonNumericLastPx(final String clOrdId) {
        return faults.nonNumericLastPx(clOrdId);
    }

    /** Sends a valid fill report (1 unit at 1) for a ClOrdID the venue never saw; returns the sessions. */
    public int injectUnknownClOrdId(final String clOrdId) {
        return faults.unknownClOrdId(clOrdId);
    }

    /** Writes a fill report with a wrong CheckSum straight to the socket; returns the sessions. */
    public int injectBadChecksum(final String clOrdId) {
        return faults.badChecksum(clOrdId);
    }

    /** Writes a fill report with a wrong BodyLength straight to the socket; returns the sessions. */
    public int injectBadBodyLength(final String clOrdId) {
        return faults.badBodyLength(clOrdId);
    }

    /** Stops listening (logging every session out) and stops the matching and market-data threads. */
    @Override
    public void close() {
        acceptor.stop();
        runner.close();
        marketDataRunner.close();
    }
}
