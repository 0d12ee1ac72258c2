package io.rebalancer.venue;

import org.agrona.concurrent.Agent;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MDReqRejReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The venue's market-data sender, on its own thread: serves requests in arrival order (snapshots, subscriptions,
 * unsubscriptions, rejects), then takes each instrument's latest quote off the {@link VenueQuoteBoard} and sends an
 * increment to every subscription of that instrument. All market-data messages are built and sent here, so each
 * session sees its snapshot before any increment that continues it.
 * <p>
 * RptSeq counts what is sent, not what the market published: each quote taken that changes a side is the
 * instrument's next update, 1, 2, 3, ... Quotes the market published between two duty cycles are conflated on the
 * board (the latest wins, counted), and a quote that changes no side (only its time) is not an update, so every
 * subscriber sees consecutive numbers. A subscription that asked for some entry types only sees a gap where an
 * update touched none of them. {@code Session.send} hands the encoded message to the socket's write queue and
 * returns: a slow reader grows that queue, it never stalls this thread or the market.
 */
final class VenueMarketDataAgent implements Agent {
    /** MDEntryType bits of a subscription and of a change. */
    static final int BID = 1;
    static final int OFFER = 2;
    static final int TRADE = 4;

    private final Queue<VenueMarketDataRequest> inbox;
    private final VenueQuoteBoard board;
    private final String[] symbols;
    private final VenueMarketDataCounters counters;
    private final long[] taken;
    private final TopOfBook[] books;
    private final TopOfBook next = new TopOfBook();
    private final long[] quote = new long[VenueQuoteBoard.QUOTE_FIELDS];
    private final AtomicLongArray rptSeq;
    private final List<List<Subscription>> byInstrument;
    private final Map<Key, Subscription> active = new HashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();

    /** @param symbols the symbol of each instrument id, as sent */
    VenueMarketDataAgent(final Queue<VenueMarketDataRequest> inbox, final VenueQuoteBoard board,
        final String[] symbols, final VenueMarketDataCounters counters) {
        this.inbox = inbox;
        this.board = board;
        this.symbols = symbols.clone();
        this.counters = counters;
        final int instruments = board.instruments();
        taken = new long[instruments];
        books = new TopOfBook[instruments];
        rptSeq = new AtomicLongArray(instruments);
        byInstrument = new ArrayList<>(instruments);
        for (int id = 0; id < instruments; id++) {
            books[id] = new TopOfBook();
            byInstrument.add(new ArrayList<>());
        }
    }

    @Override
    public String roleName() {
        return "venue-market-data";
    }

    @Override
    public int doWork() {
        int work = 0;
        VenueMarketDataRequest request;
        while ((request = inbox.poll()) != null) {
            work++;
            handle(request);
        }
        for (int id = 0; id < taken.length; id++) {
            if (board.version(id) != taken[id]) {
                work++;
                take(id);
            }
        }
        return work;
    }

    /** The RptSeq of the instrument's latest update sent, 0 before the first; any thread. */
    long rptSeq(final int instrument) {
        return rptSeq.get(instrument);
    }

    /** Subscriptions (SubscriptionRequestType 1) live now, over all sessions; any thread. */
    int subscriptions() {
        return subscriptions.get();
    }

    private void handle(final VenueMarketDataRequest request) {
        if (request instanceof VenueMarketDataRequest.Subscribe subscribe) {
            subscribe(subscribe);
        } else if (request instanceof VenueMarketDataRequest.Unsubscribe unsubscribe) {
            unsubscribe(unsubscribe);
        } else if (request instanceof VenueMarketDataRequest.Refused refused) {
            reject(refused.session(), refused.requestId(), refused.reason(), refused.text());
        } else if (request instanceof VenueMarketDataRequest.SessionEnded ended) {
            end(ended.session());
        } else if (request instanceof VenueMarketDataRequest.MissingPrice missing) {
            injectMissingPrice(missing.instrument());
        }
    }

    private void subscribe(final VenueMarketDataRequest.Subscribe request) {
        final Key key = new Key(request.session(), request.requestId());
        if (request.updates()) {
            if (active.containsKey(key)) {
                reject(request.session(), request.requestId(), MDReqRejReason.DUPLICATE_MDREQID,
                    "MDReqID " + request.requestId() + " is already subscribed on this session");
                return;
            }
            final Subscription subscription = new Subscription(key, request.instruments(), request.entryTypes());
            active.put(key, subscription);
            for (final int id : subscription.instruments) {
                byInstrument.get(id).add(subscription);
            }
            subscriptions.set(active.size());
        }
        for (final int id : request.instruments()) {
            counters.increment(VenueMarketDataCounters.SNAPSHOTS);
            send(request.session(), VenueMarketDataMessages.snapshot(request.requestId(), symbols[id],
                rptSeq.get(id), books[id], request.entryTypes()));
        }
    }

    private void unsubscribe(final VenueMarketDataRequest.Unsubscribe request) {
        final Subscription subscription = active.remove(new Key(request.session(), request.requestId()));
        if (subscription == null) {
            // FIX has no reason code for this: the Text says it.
            reject(request.session(), request.requestId(), (char)0,
                "no subscription with MDReqID " + request.requestId() + " on this session");
            return;
        }
        drop(subscription);
        counters.increment(VenueMarketDataCounters.UNSUBSCRIBES);
    }

    private void end(final SessionID session) {
        for (final Iterator<Subscription> it = active.values().iterator(); it.hasNext();) {
            final Subscription subscription = it.next();
            if (subscription.key.session().equals(session)) {
                it.remove();
                drop(subscription);
            }
        }
    }

    private void drop(final Subscription subscription) {
        for (final int id : subscription.instruments) {
            byInstrument.get(id).remove(subscription);
        }
        subscriptions.set(active.size());
    }

    private void reject(final SessionID session, final String requestId, final char reason, final String text) {
        counters.increment(VenueMarketDataCounters.REJECTS);
        send(session, VenueMarketDataMessages.reject(requestId, reason, text));
    }

    /** Takes the instrument's latest quote; when a side changed, numbers the update and sends it to subscribers. */
    private void take(final int id) {
        final long version = board.read(id, quote);
        final long missed = (version - taken[id]) / 2 - 1;
        if (missed > 0) {
            counters.add(VenueMarketDataCounters.CONFLATED, missed);
        }
        taken[id] = version;
        final TopOfBook book = books[id];
        next.time = quote[VenueQuoteBoard.TIME];
        next.bid = quote[VenueQuoteBoard.BID];
        next.ask = quote[VenueQuoteBoard.ASK];
        next.last = quote[VenueQuoteBoard.LAST];
        next.size = quote[VenueQuoteBoard.SIZE];
        final int changed = next.changedFrom(book);
        if (changed == 0) {
            book.time = next.time;
            return;
        }
        final long sequence = rptSeq.get(id) + 1;
        rptSeq.lazySet(id, sequence);
        counters.increment(VenueMarketDataCounters.UPDATES);
        for (final Subscription subscription : byInstrument.get(id)) {
            final int sides = changed & subscription.entryTypes;
            if (sides != 0) {
                counters.increment(VenueMarketDataCounters.INCREMENTS);
                send(subscription.key.session(), VenueMarketDataMessages.increment(subscription.key.requestId(),
                    symbols[id], sequence, book, next, sides));
            }
        }
        book.set(next);
    }

    private void injectMissingPrice(final int id) {
        final long sequence = rptSeq.get(id) + 1;
        rptSeq.lazySet(id, sequence);
        counters.increment(VenueMarketDataCounters.INJECTED);
        for (final Subscription subscription : byInstrument.get(id)) {
            send(subscription.key.session(), VenueMarketDataMessages.withoutPrice(subscription.key.requestId(),
                symbols[id], sequence, books[id].time));
        }
    }

    /** Sends when the session exists; QuickFIX/J drops it while logged out, and the session's subscriptions end. */
    private static void send(final SessionID sessionId, final Message message) {
        final Session session = Session.lookupSession(sessionId);
        if (session != null) {
            session.send(message);
        }
    }

    /** A subscription is named by its session and MDReqID. */
    private record Key(SessionID session, String requestId) {
    }

    private static final class Subscription {
        final Key key;
        final int[] instruments;
        final int entryTypes;

        Subscription(final Key key, final int[] instruments, final int entryTypes) {
            this.key = key;
            this.instruments = instruments;
            this.entryTypes = entryTypes;
        }
    }
}
