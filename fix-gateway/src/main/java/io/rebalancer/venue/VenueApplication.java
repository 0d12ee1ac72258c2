package io.rebalancer.venue;

import io.rebalancer.fix.FixDecimal;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.UnsupportedMessageType;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.PossDupFlag;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.Username;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The simulator's QuickFIX/J callbacks, on the acceptor's message-processor thread: decodes each NewOrderSingle,
 * OrderCancelRequest, OrderCancelReplaceRequest and OrderStatusRequest exactly (text to micros) and hands it to
 * the venue agent's inbox, in arrival order; a MarketDataRequest goes to the venue's {@link VenueMarketData}, which
 * also learns when a session ends (its subscriptions end with it); anything else application-level is answered with
 * QuickFIX/J's BusinessMessageReject for an unsupported message type. A session configured with
 * {@code VenueUsername}/{@code VenuePassword} refuses a Logon whose Username (553) or Password (554) differ.
 * <p>
 * A ClOrdID names one thing for the life of the venue within its session: every ClOrdID of a NewOrderSingle,
 * OrderCancelRequest or OrderCancelReplaceRequest received is remembered, whatever became of it. A NewOrderSingle
 * whose ClOrdID was seen before is never a second order: plainly sent, it is refused as a duplicate (the agent
 * sends an ExecutionReport rejected with OrdRejReason 6, and books nothing); marked PossDupFlag=Y, it is a resend
 * of what the venue already has and is ignored without an answer. A PossDup cancel or replace whose ClOrdID was
 * seen is ignored the same way. A PossDup message with a ClOrdID never seen is taken as new: its first copy never
 * arrived. A status request takes no id of its own (its ClOrdID is the order's).
 */
final class VenueApplication implements Application {
    /** Custom per-session settings keys: the credentials a Logon must carry (none required when unset). */
    static final String KEY_USERNAME = "VenueUsername";
    static final String KEY_PASSWORD = "VenuePassword";

    private final Queue<VenueRequest> inbox = new ConcurrentLinkedQueue<>();
    private final Queue<VenueOrder> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> instruments;
    private final SessionSettings settings;
    private final VenueCounters counters;
    private final VenueMarketData marketData;
    private final PossDupMarker possDups = new PossDupMarker();
    /** Every ClOrdID of an order, cancel or replace received, per session; QuickFIX/J's thread only. */
    private final Set<OrderKey> seen = new HashSet<>();
    /** Told each NewOrderSingle's ClOrdID as it arrives (latency measurement); null when nobody asked. */
    private volatile Consumer<String> arrivals;
    private long nextOrderId = 1;

    /**
     * @param instruments instrument id (index into the quotes) per symbol
     * @param settings    the acceptor's settings, for the credentials per session
     * @param marketData  serves MarketDataRequests
     */
    VenueApplication(final Map<String, Integer> instruments, final SessionSettings settings,
        final VenueCounters counters, final VenueMarketData marketData) {
        this.instruments = Map.copyOf(instruments);
        this.settings = settings;
        this.counters = counters;
        this.marketData = marketData;
    }

    Queue<VenueRequest> inbox() {
        return inbox;
    }

    Queue<VenueOrder> received() {
        return received;
    }

    PossDupMarker possDups() {
        return possDups;
    }

    void onOrderArrival(final Consumer<String> listener) {
        arrivals = listener;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        // Nothing per session.
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        counters.increment(VenueCounters.LOGONS);
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        // Resting orders of a session that left stay on the book, as at a real venue for DAY orders; its market-data
        // subscriptions end, as a new logon subscribes again.
        marketData.sessionEnded(sessionId);
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        // Nothing to add to admin messages.
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon {
        if (!MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD))) {
            return;
        }
        final String username = setting(sessionId, KEY_USERNAME);
        final String password = setting(sessionId, KEY_PASSWORD);
        if (!matches(username, message, Username.FIELD) || !matches(password, message, Password.FIELD)) {
            counters.increment(VenueCounters.LOGONS_REJECTED);
            throw new RejectLogon("wrong or missing Username/Password");
        }
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        possDups.apply(message);
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType {
        final String type = message.getHeader().getString(MsgType.FIELD);
        switch (type) {
            case MsgType.ORDER_SINGLE:
                announceArrival(message);
                newOrder(message, sessionId);
                break;
            case MsgType.ORDER_CANCEL_REQUEST:
                if (firstTime(message, sessionId)) {
                    inbox.add(new VenueRequest.Cancel(sessionId, message.getString(ClOrdID.FIELD),
                        message.getString(OrigClOrdID.FIELD)));
                }
                break;
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
                if (firstTime(message, sessionId)) {
                    final String priceText = optional(message, Price.FIELD);
                    inbox.add(new VenueRequest.Replace(sessionId, message.getString(ClOrdID.FIELD),
                        message.getString(OrigClOrdID.FIELD),
                        FixDecimal.parseQuantity(optional(message, OrderQty.FIELD)), FixDecimal.parsePrice(priceText),
                        priceText));
                }
                break;
            case MsgType.ORDER_STATUS_REQUEST:
                inbox.add(new VenueRequest.Status(sessionId, message.getString(ClOrdID.FIELD),
                    message.getChar(Side.FIELD), message.getString(Symbol.FIELD),
                    optional(message, OrdStatusReqID.FIELD)));
                break;
            case MsgType.MARKET_DATA_REQUEST:
                marketData.request(message, sessionId);
                break;
            default:
                throw new UnsupportedMessageType();
        }
    }

    /**
     * Remembers the message's ClOrdID; false for a PossDup resend of one already seen, which is counted and must
     * be ignored. A plain message with a ClOrdID already seen is true: what to do with it is the caller's.
     */
    private boolean firstTime(final Message message, final SessionID sessionId) throws FieldNotFound {
        final boolean fresh = seen.add(new OrderKey(sessionId, message.getString(ClOrdID.FIELD)));
        if (!fresh && isPossDup(message)) {
            counters.increment(VenueCounters.POSS_DUPS_IGNORED);
            return false;
        }
        return true;
    }

    private static boolean isPossDup(final Message message) throws FieldNotFound {
        final Message.Header header = message.getHeader();
        return header.isSetField(PossDupFlag.FIELD) && header.getBoolean(PossDupFlag.FIELD);
    }

    private void announceArrival(final Message message) throws FieldNotFound {
        final Consumer<String> listener = arrivals;
        if (listener != null) {
            listener.accept(message.getString(ClOrdID.FIELD));
        }
    }

    private void newOrder(final Message message, final SessionID sessionId) throws FieldNotFound {
        final String priceText = optional(message, Price.FIELD);
        final VenueOrder order = new VenueOrder(message.getString(ClOrdID.FIELD), message.getChar(Side.FIELD),
            message.getString(Symbol.FIELD), FixDecimal.parseQuantity(message.getString(OrderQty.FIELD)),
            FixDecimal.parsePrice(priceText), priceText);
        if (!seen.add(new OrderKey(sessionId, order.clOrdId()))) {
            if (isPossDup(message)) {
                counters.increment(VenueCounters.POSS_DUPS_IGNORED);
            } else {
                counters.increment(VenueCounters.DUPLICATE_ORDERS);
                inbox.add(new VenueRequest.Duplicate(sessionId, order));
            }
            return;
        }
        received.add(order);
        counters.increment(VenueCounters.ORDERS_RECEIVED);
        final int instrument = instruments.getOrDefault(order.symbol(), -1);
        final boolean day = !message.isSetField(TimeInForce.FIELD)
            || message.getChar(TimeInForce.FIELD) == TimeInForce.DAY;
        inbox.add(new VenueRequest.NewOrder(new RestingOrder(sessionId, "V" + nextOrderId++, order, instrument,
            day)));
    }

    private static String optional(final Message message, final int tag) throws FieldNotFound {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }

    /** An unset expected value accepts anything; a set one must equal the Logon's field exactly. */
    private static boolean matches(final String expected, final Message logon, final int tag) throws FieldNotFound {
        return expected == null || Objects.equals(expected, optional(logon, tag));
    }

    private String setting(final SessionID sessionId, final String key) {
        try {
            return settings.isSetting(sessionId, key) ? settings.getString(sessionId, key) : null;
        } catch (final ConfigError ex) {
            throw new IllegalStateException("venue settings: " + key + ": " + ex.getMessage(), ex);
        }
    }
}
