package io.rebalancer.fix.md;

import io.rebalancer.marketdata.edge.MarketDataEdge;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MsgType;
import quickfix.field.Text;

import java.util.concurrent.locks.Lock;
import java.util.function.ToIntFunction;

/**
 * QuickFIX/J's callbacks for the market-data session, on its message-processor thread: subscribes at each logon,
 * counts each logout or drop (QuickFIX/J reconnects by itself, and the next logon subscribes again), and decodes
 * snapshots and increments into the edge under the edge lock, draining the edge after each message so ticks that
 * waited for ring room go on. A MarketDataRequestReject (35=Y) is counted and kept for the operator; so is a session
 * or business reject of one of our requests.
 */
final class MarketDataSessionAdapter implements Application {
    private final RefreshDecoder decoder;
    private final Subscriptions subscriptions;
    private final MarketDataCounters counters;
    private final MarketDataEdge edge;
    private final Lock edgeLock;
    /** Made once: a method reference made per message would allocate. */
    private final ToIntFunction<String> subscribed;
    private volatile SessionID loggedOn;
    private volatile String lastReject;

    MarketDataSessionAdapter(final RefreshDecoder decoder, final Subscriptions subscriptions,
        final MarketDataCounters counters, final MarketDataEdge edge, final Lock edgeLock) {
        this.decoder = decoder;
        this.subscriptions = subscriptions;
        this.counters = counters;
        this.edge = edge;
        this.edgeLock = edgeLock;
        subscribed = subscriptions::instrumentOf;
    }

    /** The session while it is logged on, else null; any thread. */
    SessionID loggedOn() {
        return loggedOn;
    }

    /** Why the venue last refused a request of ours, for people, or null; any thread. */
    String lastReject() {
        return lastReject;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        // Nothing per session: subscriptions are made at logon.
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        loggedOn = sessionId;
        counters.increment(MarketDataCounters.LOGONS);
        final Session session = Session.lookupSession(sessionId);
        if (session != null) {
            subscriptions.subscribeAll(session);
        }
    }

    /** Also called when a logon was refused; only the end of a logged-on session counts as a disconnect. */
    @Override
    public void onLogout(final SessionID sessionId) {
        if (loggedOn != null) {
            loggedOn = null;
            counters.increment(MarketDataCounters.DISCONNECTS);
        }
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        // Nothing to add to admin messages.
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound {
        if (MsgType.REJECT.equals(message.getHeader().getString(MsgType.FIELD))) {
            refused(message, "session reject");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        // Sent as built.
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType {
        final String type = message.getHeader().getString(MsgType.FIELD);
        switch (type) {
            case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH:
            case MsgType.MARKET_DATA_INCREMENTAL_REFRESH:
                decode(message, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH.equals(type));
                break;
            case MsgType.MARKET_DATA_REQUEST_REJECT:
                rejected(message);
                break;
            case MsgType.BUSINESS_MESSAGE_REJECT:
                refused(message, "business reject");
                break;
            default:
                throw new UnsupportedMessageType();
        }
    }

    private void decode(final Message message, final boolean snapshot) throws FieldNotFound {
        edgeLock.lock();
        try {
            if (snapshot) {
                decoder.snapshot(message);
            } else {
                decoder.increment(message, subscribed);
            }
            edge.drain();
        } finally {
            decoder.discard();
            edgeLock.unlock();
        }
    }

    /** The text first: whoever sees the count sees why. */
    private void rejected(final Message message) throws FieldNotFound {
        lastReject = "market data request for " + subscriptions.describe(message.getString(MDReqID.FIELD))
            + " refused" + (message.isSetField(MDReqRejReason.FIELD)
            ? ", MDReqRejReason " + message.getString(MDReqRejReason.FIELD) : "")
            + (message.isSetField(Text.FIELD) ? ": " + message.getString(Text.FIELD) : "");
        counters.increment(MarketDataCounters.REJECTS);
    }

    private void refused(final Message message, final String what) throws FieldNotFound {
        lastReject = what + (message.isSetField(Text.FIELD) ? ": " + message.getString(Text.FIELD) : "");
        counters.increment(MarketDataCounters.SESSION_REJECTS);
    }
}
