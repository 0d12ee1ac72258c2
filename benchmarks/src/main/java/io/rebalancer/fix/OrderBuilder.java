package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import quickfix.Message;

/**
 * The gateway's building of a NewOrderSingle alone, without a session, for benchmarks: a hand-off record laid out
 * as {@link OrderHandOff} writes it, built by {@link OrderMessages} as the gateway agent builds it (FIX 4.4,
 * TransactTime from the system clock).
 */
public final class OrderBuilder {
    private final OrderMessages messages;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[OrderHandOff.LENGTH]);
    private final EpochNanoClock clock = new SystemEpochNanoClock();

    /** @param symbols the wire symbol of each engine instrument id */
    public OrderBuilder(final String[] symbols) {
        messages = new OrderMessages(symbols);
    }

    /** The NewOrderSingle the gateway sends for the engine's new limit order. */
    public Message newOrder(final long timeNanos, final long clientOrderId, final int instrumentId, final byte side,
        final long quantity, final long limitPriceMicros) {
        record.putLong(OrderHandOff.TIME_OFFSET, timeNanos);
        record.putLong(OrderHandOff.CLIENT_ORDER_ID_OFFSET, clientOrderId);
        record.putLong(OrderHandOff.QUANTITY_OFFSET, quantity);
        record.putLong(OrderHandOff.LIMIT_PRICE_OFFSET, limitPriceMicros);
        record.putLong(OrderHandOff.ORIGINAL_CLIENT_ORDER_ID_OFFSET, 0);
        record.putInt(OrderHandOff.PORTFOLIO_OFFSET, 0);
        record.putInt(OrderHandOff.INSTRUMENT_OFFSET, instrumentId);
        record.putByte(OrderHandOff.SIDE_OFFSET, side);
        return messages.build(OrderHandOff.NEW_ORDER, OrderWire.FIX44, record, 0, clock.nanoTime());
    }
}
