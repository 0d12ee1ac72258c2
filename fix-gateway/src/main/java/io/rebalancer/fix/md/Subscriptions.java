package io.rebalancer.fix.md;

import io.rebalancer.engine.domain.InstrumentUniverse;
import quickfix.Group;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The symbols the client wants, and the MDReqID each is subscribed under on the current logon. One
 * MarketDataRequest per symbol (snapshot and updates, top of book, bid, offer and trade, incremental), so a symbol
 * the venue refuses costs only its own subscription. Each logon subscribes afresh under new MDReqIDs
 * ({@code SYMBOL.n}, n the logon's number): the venue ended the old subscriptions with the old connection.
 * <p>
 * The lock is held across deciding and sending, so an unsubscribe and a logon's subscriptions never cross. It is
 * never taken inside a QuickFIX/J callback that QuickFIX/J calls holding its own locks (onLogout), so holding it
 * while {@code Session.send} takes QuickFIX/J's locks cannot deadlock.
 */
final class Subscriptions {
    private static final char[] ENTRY_TYPES = {MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE};

    private final ReentrantLock lock = new ReentrantLock();
    private final InstrumentUniverse universe;
    private final MarketDataCounters counters;
    private final boolean[] wanted;
    private final String[] requestIds;
    private final Map<String, Integer> instrumentByRequest = new ConcurrentHashMap<>();
    private int logons;

    /** @throws IllegalArgumentException naming a symbol the universe does not know */
    Subscriptions(final InstrumentUniverse universe, final Collection<String> symbols,
        final MarketDataCounters counters) {
        this.universe = universe;
        this.counters = counters;
        wanted = new boolean[universe.size()];
        requestIds = new String[universe.size()];
        for (final String symbol : symbols) {
            final int id = universe.idOf(symbol);
            if (id < 0) {
                throw new IllegalArgumentException("market data: symbol " + symbol
                    + " is not in the configured instruments; subscribe only to symbols of instruments.csv");
            }
            wanted[id] = true;
        }
    }

    /** QFJ thread, at logon: subscribes every wanted symbol under a new MDReqID. */
    void subscribeAll(final Session session) {
        lock.lock();
        try {
            logons++;
            instrumentByRequest.clear();
            Arrays.fill(requestIds, null);
            for (int id = 0; id < wanted.length; id++) {
                if (wanted[id]) {
                    final String symbol = universe.get(id).symbol();
                    requestIds[id] = symbol + "." + logons;
                    instrumentByRequest.put(requestIds[id], id);
                    counters.increment(MarketDataCounters.SUBSCRIBE_REQUESTS);
                    session.send(request(requestIds[id], SubscriptionRequestType.SNAPSHOT_UPDATES, symbol));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Any thread: stop wanting the symbol and, when the session is up, end its subscription at the venue.
     *
     * @param session the logged-on session, or null
     * @return false when the symbol was not wanted (or is unknown)
     */
    boolean unsubscribe(final String symbol, final Session session) {
        final int id = universe.idOf(symbol);
        if (id < 0) {
            return false;
        }
        lock.lock();
        try {
            if (!wanted[id]) {
                return false;
            }
            wanted[id] = false;
            final String requestId = requestIds[id];
            requestIds[id] = null;
            if (requestId != null && session != null) {
                counters.increment(MarketDataCounters.UNSUBSCRIBE_REQUESTS);
                session.send(request(requestId, SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST,
                    symbol));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The instrument an MDReqID of this logon subscribed, or -1; any thread. An unsubscribed MDReqID still names its
     * instrument: increments the venue sent before it saw the unsubscribe are real updates.
     */
    int instrumentOf(final String requestId) {
        final Integer id = instrumentByRequest.get(requestId);
        return id == null ? -1 : id;
    }

    /** The symbol an MDReqID of this logon subscribed, or the MDReqID itself; any thread, for people. */
    String describe(final String requestId) {
        final int id = instrumentOf(requestId);
        return id < 0 ? requestId : universe.get(id).symbol() + " (MDReqID " + requestId + ")";
    }

    private static Message request(final String requestId, final char type, final String symbol) {
        final Message request = new Message();
        request.getHeader().setString(MsgType.FIELD, MsgType.MARKET_DATA_REQUEST);
        request.setString(MDReqID.FIELD, requestId);
        request.setChar(SubscriptionRequestType.FIELD, type);
        request.setInt(MarketDepth.FIELD, 1);
        request.setInt(MDUpdateType.FIELD, MDUpdateType.INCREMENTAL_REFRESH);
        for (final char entryType : ENTRY_TYPES) {
            final Group group = new Group(NoMDEntryTypes.FIELD, MDEntryType.FIELD);
            group.setChar(MDEntryType.FIELD, entryType);
            request.addGroup(group);
        }
        final Group related = new Group(NoRelatedSym.FIELD, Symbol.FIELD);
        related.setString(Symbol.FIELD, symbol);
        request.addGroup(related);
        return request;
    }
}
