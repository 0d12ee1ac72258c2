package io.rebalancer.fix.md;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.FieldConvertError;
import quickfix.MessageStoreFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * FIX market data into the daemon: a QuickFIX/J initiator session (its own, e.g. SenderCompID REBAL-MD, see
 * {@code config/fix/marketdata-initiator.cfg}) that subscribes at every logon to top-of-book snapshots and
 * increments of the given symbols, one MarketDataRequest per symbol, and delivers each instrument update as one
 * whole tick to a {@link MarketDataEdge}, which judges it before the engine sees it.
 * <pre>
 *   venue --35=W/X--> QFJ message-processor thread: MarketDataSessionAdapter -> RefreshDecoder
 *                                                     --(edge lock)--> edge.onTick, then edge.drain
 *   daemon's quiet loop --------------------------------(edge lock, only if free)--> drainEdge -> edge.drain
 * </pre>
 * Decisions:
 * <ul>
 *   <li>The client takes the {@link MarketDataEdge} itself, not a bare {@code TickSink}: after a snapshot it must
 *   reset the instrument's sequence (a reconnected or restarted venue numbers afresh, and the old number would make
 *   every new update look like a duplicate), and only the edge can.</li>
 *   <li>The edge is single-threaded. While the client runs, QuickFIX/J's thread is its feed thread: it delivers and
 *   drains under a lock the client owns. Another thread (the daemon's main loop when the market is quiet, so ticks
 *   that waited for ring room still reach the engine) calls {@link #drainEdge()}, which takes the lock only if it
 *   is free and never waits for QuickFIX/J. Nothing else may call the edge's feed-thread methods until
 *   {@link #close()} returns; {@code requestRelease} and the edge's counters are safe from any thread as always.</li>
 *   <li>QuickFIX/J reconnects by itself; each logout or drop is counted, and each logon subscribes again.</li>
 *   <li>What arrives is decoded by {@link RefreshDecoder}: prices straight from text to micros, RptSeq as the tick's
 *   sequence, the venue's event time from MDEntryDate/MDEntryTime; a malformed entry is delivered invalid and
 *   counted, never dropped silently.</li>
 * </ul>
 * Sessions should reset sequence numbers at each logon ({@code ResetOnLogon=Y}): after a reconnect the snapshots
 * are the truth, and a replay of old increments would only be refused as duplicates.
 */
public final class FixMarketDataClient implements AutoCloseable {
    /** QuickFIX/J's own bound on its queue between the socket and the message-processor thread (its default). */
    private static final int QUEUE_CAPACITY = 10_000;

    private final MarketDataCounters counters = new MarketDataCounters();
    private final ReentrantLock edgeLock = new ReentrantLock();
    private final MarketDataEdge edge;
    private final RefreshDecoder decoder;
    private final Subscriptions subscriptions;
    private final MarketDataSessionAdapter session;
    private final SocketInitiator initiator;
    private boolean started;

    /**
     * Builds the session; nothing connects until {@link #start()}. A bad setting or symbol fails here, naming it.
     *
     * @param settings  exactly one FIX 4.4 or 4.2 initiator session, with a data dictionary (UseDataDictionary=Y)
     * @param stores    where QuickFIX/J keeps sequence numbers ({@code FixGateway.stores(settings)})
     * @param universe  the engine's instruments: symbol to instrument id
     * @param symbols   the symbols to subscribe, each in {@code universe}; every symbol of it for all
     * @param edge      where ticks go; owned by the client's QuickFIX/J thread while the client runs
     */
    public FixMarketDataClient(final SessionSettings settings, final MessageStoreFactory stores,
        final InstrumentUniverse universe, final Collection<String> symbols, final MarketDataEdge edge) {
        this(settings, stores, universe, symbols, edge, edge);
    }

    /**
     * As the other constructor, ticks and sequence resets going to {@code front}, a stage in front of the edge that
     * passes every call on to it on the same thread (the daemon's market clock, a recorder); the edge is drained.
     */
    public FixMarketDataClient(final SessionSettings settings, final MessageStoreFactory stores,
        final InstrumentUniverse universe, final Collection<String> symbols, final MarketDataEdge edge,
        final TickSink front) {
        checkSettings(settings);
        this.edge = edge;
        decoder = new RefreshDecoder(universe, front, counters);
        subscriptions = new Subscriptions(universe, symbols, counters);
        session = new MarketDataSessionAdapter(decoder, subscriptions, counters, edge, edgeLock);
        final SessionFactory sessions = new OwnDictionarySessionFactory(new DefaultSessionFactory(session, stores,
            new SLF4JLogFactory(settings), new DefaultMessageFactory()));
        try {
            initiator = new SocketInitiator(sessions, settings, QUEUE_CAPACITY);
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("market data FIX settings: " + ex.getMessage(), ex);
        }
    }

    /** Connects; QuickFIX/J logs on, subscribes, and reconnects after any drop on its own. */
    public void start() {
        if (started) {
            throw new IllegalStateException("market data client already started");
        }
        started = true;
        try {
            initiator.start();
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("market data FIX settings: " + ex.getMessage(), ex);
        }
    }

    /** Whether the session is logged on now; any thread. */
    public boolean isLoggedOn() {
        return session.loggedOn() != null;
    }

    /**
     * Any thread, typically the daemon's main loop while the market is quiet: sends ticks that waited for ring room
     * on, as {@link MarketDataEdge#drain()} does, if QuickFIX/J's thread is not using the edge right now (then that
     * thread drains itself when its message is done).
     *
     * @return ticks put into the ring, 0 when the edge was busy; for an idle strategy
     */
    public int drainEdge() {
        if (!edgeLock.tryLock()) {
            return 0;
        }
        try {
            return edge.drain();
        } finally {
            edgeLock.unlock();
        }
    }

    /**
     * Any thread: stop receiving the symbol, now (when logged on) and after every reconnect.
     *
     * @return false when the symbol was not subscribed
     */
    public boolean unsubscribe(final String symbol) {
        final SessionID id = session.loggedOn();
        return subscriptions.unsubscribe(symbol, id == null ? null : Session.lookupSession(id));
    }

    /** The RptSeq of the instrument's latest update delivered to the edge, 0 before the first; any thread. */
    public long lastSequence(final int instrumentId) {
        return decoder.sequence(instrumentId);
    }

    public MarketDataCounters counters() {
        return counters;
    }

    /** Why the venue last refused a request of ours (35=Y, or a session or business reject), or null; any thread. */
    public String lastReject() {
        return session.lastReject();
    }

    /**
     * Logs out and stops QuickFIX/J's thread; afterwards the caller may use the edge as its feed thread (e.g. flush
     * it). Safe to call more than once.
     */
    @Override
    public void close() {
        initiator.stop();
    }

    private static void checkSettings(final SessionSettings settings) {
        final Iterator<SessionID> sessions = settings.sectionIterator();
        if (!sessions.hasNext()) {
            throw new IllegalArgumentException("market data FIX settings: no [SESSION]; the client needs exactly one");
        }
        final SessionID id = sessions.next();
        if (sessions.hasNext()) {
            throw new IllegalArgumentException(
                "market data FIX settings: more than one [SESSION]; the client runs one");
        }
        if (!"FIX.4.4".equals(id.getBeginString()) && !"FIX.4.2".equals(id.getBeginString())) {
            throw new IllegalArgumentException("market data FIX settings: BeginString " + id.getBeginString()
                + ": use FIX.4.4 or FIX.4.2");
        }
        try {
            if (!"initiator".equals(settings.getString(id, SessionFactory.SETTING_CONNECTION_TYPE))) {
                throw new IllegalArgumentException("market data FIX settings: ConnectionType must be initiator");
            }
            if (settings.isSetting(id, Session.SETTING_USE_DATA_DICTIONARY)
                && !settings.getBool(id, Session.SETTING_USE_DATA_DICTIONARY)) {
                throw new IllegalArgumentException("market data FIX settings: UseDataDictionary=N: set it to Y, "
                    + "snapshots and increments are repeating groups that only a dictionary can read");
            }
        } catch (final ConfigError | FieldConvertError ex) {
            throw new IllegalArgumentException("market data FIX settings: " + ex.getMessage(), ex);
        }
    }
}
