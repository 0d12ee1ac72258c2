package io.rebalancer.venue;

import io.rebalancer.fix.FixDecimal;
import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The simulator's QuickFIX/J callbacks, on the acceptor's message-processor thread: decodes each NewOrderSingle
 * exactly (text to micros) and hands it to the venue agent's inbox; everything else application-level is
 * answered with QuickFIX/J's BusinessMessageReject for an unsupported message type.
 */
final class VenueApplication implements Application {
    private final Queue<RestingOrder> inbox = new ConcurrentLinkedQueue<>();
    private final Queue<VenueOrder> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> instruments;
    private long nextOrderId = 1;

    /** @param instruments instrument id (index into the quotes) per symbol */
    VenueApplication(final Map<String, Integer> instruments) {
        this.instruments = Map.copyOf(instruments);
    }

    Queue<RestingOrder> inbox() {
        return inbox;
    }

    Queue<VenueOrder> received() {
        return received;
    }

    @Override
    public void onCreate(final SessionID sessionId) {
        // Nothing per session.
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        // Orders arrive with their session; nothing to track.
    }

    @Override
    public void onLogout(final SessionID sessionId) {
        // Resting orders of a session that left stay on the book, as at a real venue for DAY orders.
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId) {
        // Nothing to add to admin messages.
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) {
        // Logons are accepted as configured.
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId) {
        // Nothing to add to outgoing reports.
    }

    @Override
    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType {
        if (!MsgType.ORDER_SINGLE.equals(message.getHeader().getString(MsgType.FIELD))) {
            throw new UnsupportedMessageType();
        }
        final String priceText = message.isSetField(Price.FIELD) ? message.getString(Price.FIELD) : null;
        final VenueOrder order = new VenueOrder(message.getString(ClOrdID.FIELD), message.getChar(Side.FIELD),
            message.getString(Symbol.FIELD), FixDecimal.parseQuantity(message.getString(OrderQty.FIELD)),
            FixDecimal.parsePrice(priceText), priceText);
        received.add(order);
        final int instrument = instruments.getOrDefault(order.symbol(), -1);
        inbox.add(new RestingOrder(sessionId, "V" + nextOrderId++, order, instrument));
    }
}
