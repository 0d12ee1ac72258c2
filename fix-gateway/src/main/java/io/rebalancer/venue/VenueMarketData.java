package io.rebalancer.venue;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.TickSink;
import org.agrona.concurrent.Agent;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The venue's market-data publisher: the {@link TickSink} the venue's market publishes into, and the server of
 * MarketDataRequests (35=V, FIX 4.4 or 4.2, whichever the session speaks).
 * <pre>
 *   market thread                 QFJ thread (35=V decoded)          market-data agent thread
 *   onTick -> VenueQuoteBoard      request() -> inbox -------------->  VenueMarketDataAgent -> Session.send(W, X, Y)
 *            (a slot per instrument, latest wins) ------------------>
 * </pre>
 * The market thread only writes the instrument's slot and returns: it never waits for a subscriber, however slow.
 * What the venue serves, and refuses with a MarketDataRequestReject (35=Y) with MDReqRejReason:
 * <ul>
 *   <li>SubscriptionRequestType 0 (a snapshot of each symbol), 1 (snapshots, then increments), 2 (unsubscribe by
 *   MDReqID; an MDReqID the session has no subscription for is refused with a Text and no reason code, which FIX
 *   lacks for this); anything else: reason 4.</li>
 *   <li>MarketDepth 1 (top of book), or 0 (full book, which here is the top); deeper: reason 5. MDUpdateType, if
 *   given, must be 1 (incremental): reason 6.</li>
 *   <li>MDEntryTypes 0 (bid), 1 (offer), 2 (trade), any subset; any other: reason 8.</li>
 *   <li>Every symbol known, else the whole request is refused with reason 0 (unknown symbol) and the symbol in
 *   the Text: a reject rather than an empty snapshot, because FIX defines one for exactly this and an empty 35=W
 *   reads as "no quotes yet". A client that wants the others served asks one symbol per request.</li>
 *   <li>An MDReqID already subscribed on the session: reason 1 (duplicate).</li>
 * </ul>
 * A session's subscriptions end when it logs out or drops; its next logon subscribes again and gets fresh snapshots.
 * See {@link VenueMarketDataMessages} for the fields, RptSeq and the event time, and {@link VenueMarketDataAgent} for
 * numbering and conflation.
 */
public final class VenueMarketData implements TickSink {
    private final Map<String, Integer> instruments = new HashMap<>();
    private final VenueQuoteBoard board;
    private final Queue<VenueMarketDataRequest> inbox = new ConcurrentLinkedQueue<>();
    private final VenueMarketDataCounters counters = new VenueMarketDataCounters();
    private final VenueMarketDataAgent agent;

    VenueMarketData(final InstrumentUniverse universe) {
        final String[] symbols = new String[universe.size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = universe.get(id).symbol();
            instruments.put(symbols[id], id);
        }
        board = new VenueQuoteBoard(symbols.length);
        agent = new VenueMarketDataAgent(inbox, board, symbols, counters);
    }

    /**
     * Market thread only (one thread): the instrument's new quote. The market's own sequence is not used: the venue
     * numbers the updates it sends ({@link #rptSeq}).
     */
    @Override
    public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        if (instrumentId < 0 || instrumentId >= board.instruments()) {
            counters.increment(VenueMarketDataCounters.UNKNOWN_TICKS);
            return;
        }
        board.publish(instrumentId, timeNanos, bid, ask, last, size);
    }

    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        counters.increment(VenueMarketDataCounters.UNKNOWN_TICKS);
    }

    /** The RptSeq of the instrument's latest update sent, 0 before the first; any thread. */
    public long rptSeq(final int instrumentId) {
        return agent.rptSeq(instrumentId);
    }

    /** Subscriptions with updates live now, over all sessions; any thread. */
    public int subscriptions() {
        return agent.subscriptions();
    }

    public VenueMarketDataCounters counters() {
        return counters;
    }

    /**
     * Fault for tests, any thread: the instrument's next update, to every subscriber, is a bid entry without
     * MDEntryPx (optional in the dictionaries, so the session layer lets it through). It takes the next RptSeq.
     */
    public void injectEntryWithoutPrice(final int instrumentId) {
        inbox.add(new VenueMarketDataRequest.MissingPrice(instrumentId));
    }

    Agent agent() {
        return agent;
    }

    /** QFJ thread: the session logged out or dropped. */
    void sessionEnded(final SessionID session) {
        inbox.add(new VenueMarketDataRequest.SessionEnded(session));
    }

    /** QFJ thread: decodes a MarketDataRequest, already validated against the session's dictionary. */
    void request(final Message message, final SessionID session) throws FieldNotFound {
        counters.increment(VenueMarketDataCounters.REQUESTS);
        inbox.add(decode(message, session, message.getString(MDReqID.FIELD)));
    }

    private VenueMarketDataRequest decode(final Message message, final SessionID session, final String requestId)
        throws FieldNotFound {
        final char type = message.getChar(SubscriptionRequestType.FIELD);
        if (type == SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST) {
            return new VenueMarketDataRequest.Unsubscribe(session, requestId);
        }
        if (type != SubscriptionRequestType.SNAPSHOT && type != SubscriptionRequestType.SNAPSHOT_UPDATES) {
            return refused(session, requestId, MDReqRejReason.UNSUPPORTED_SUBSCRIPTIONREQUESTTYPE,
                "SubscriptionRequestType " + type + ": 0, 1 or 2");
        }
        final int depth = message.getInt(MarketDepth.FIELD);
        if (depth != 0 && depth != 1) {
            return refused(session, requestId, MDReqRejReason.UNSUPPORTED_MARKETDEPTH, "MarketDepth " + depth
                + ": top of book only (1, or 0 for the full book, which is the top here)");
        }
        if (message.isSetField(MDUpdateType.FIELD)
            && message.getInt(MDUpdateType.FIELD) != MDUpdateType.INCREMENTAL_REFRESH) {
            return refused(session, requestId, MDReqRejReason.UNSUPPORTED_MDUPDATETYPE,
                "MDUpdateType " + message.getInt(MDUpdateType.FIELD) + ": increments (1) only");
        }
        final int entryTypes = entryTypes(message.getGroups(NoMDEntryTypes.FIELD));
        if (entryTypes <= 0) {
            return refused(session, requestId, MDReqRejReason.UNSUPPORTED_MDENTRYTYPE,
                "MDEntryType: 0 (bid), 1 (offer) and 2 (trade) only");
        }
        final List<Group> related = message.getGroups(NoRelatedSym.FIELD);
        final int[] ids = new int[related.size()];
        int count = 0;
        for (final Group group : related) {
            final String symbol = group.getString(Symbol.FIELD);
            final Integer id = instruments.get(symbol);
            if (id == null) {
                return refused(session, requestId, MDReqRejReason.UNKNOWN_SYMBOL, "unknown symbol " + symbol);
            }
            if (!contains(ids, count, id)) {
                ids[count++] = id;
            }
        }
        if (count == 0) {
            return refused(session, requestId, MDReqRejReason.UNKNOWN_SYMBOL, "no symbol");
        }
        return new VenueMarketDataRequest.Subscribe(session, requestId,
            type == SubscriptionRequestType.SNAPSHOT_UPDATES, Arrays.copyOf(ids, count), entryTypes);
    }

    private static VenueMarketDataRequest refused(final SessionID session, final String requestId,
        final char reason, final String text) {
        return new VenueMarketDataRequest.Refused(session, requestId, reason, text);
    }

    /** The bits of the entry types asked for; -1 if one is not served, 0 if none was asked. */
    private static int entryTypes(final List<Group> groups) throws FieldNotFound {
        int bits = 0;
        for (final Group group : groups) {
            switch (group.getChar(MDEntryType.FIELD)) {
                case MDEntryType.BID:
                    bits |= VenueMarketDataAgent.BID;
                    break;
                case MDEntryType.OFFER:
                    bits |= VenueMarketDataAgent.OFFER;
                    break;
                case MDEntryType.TRADE:
                    bits |= VenueMarketDataAgent.TRADE;
                    break;
                default:
                    return -1;
            }
        }
        return bits;
    }

    private static boolean contains(final int[] ids, final int count, final int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return true;
            }
        }
        return false;
    }
}
