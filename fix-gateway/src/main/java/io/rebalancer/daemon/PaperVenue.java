package io.rebalancer.daemon;

import io.rebalancer.venue.FillRules;
import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An in-process stand-in for a broker, until the FIX gateway exists: an agent on its own thread that takes the
 * engine's child orders from a ring, acknowledges each ({@link ExecType#NEW}) and fills it at the current touch
 * of the synthetic market, reporting back through the engine's inbound ring like a gateway would.
 * <p>
 * Fill rules: a buy fills at the ask and a sell at the bid, only while that touch is at or better than the
 * order's limit, so a fill is never worse than the limit. An order of two lots or more fills in two parts: half
 * (in whole lots) at once, the rest on a later duty cycle at the touch of that moment. An order whose limit is
 * not marketable rests and is retried every cycle; it is cancelled ({@link ExecType#CANCELED}) once it has
 * rested longer than {@code maxRestNanos} of simulated market time, or at once after {@link #closeMarket()}
 * when the final touch cannot fill it. Execution reports carry the latest simulated market time, so event
 * time stays consistent with the ticks. Execution ids are unique and increasing.
 */
final class PaperVenue implements Agent, MessageHandler {
    static final int ORDERS_RECEIVED = 0;
    static final int FILLS = 1;
    static final int ORDERS_FILLED = 2;
    static final int ORDERS_CANCELLED = 3;
    static final int ORDERS_REFUSED = 4;
    private static final int COUNTERS = 5;
    private static final int ORDERS_PER_CYCLE = 64;

    private final OneToOneRingBuffer orders;
    private final OrderHandOff proxy;
    private final LatestQuotes quotes;
    private final InboundPublisher publisher;
    private final long[] lotSizes;
    private final long maxRestNanos;
    private final long[] clientOrderId;
    private final int[] instrumentId;
    private final byte[] side;
    private final long[] leaves;
    private final long[] limitPrice;
    private final long[] restingSince;
    private final boolean[] split;
    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);
    private final AtomicLong processed = new AtomicLong();
    private int resting;
    private long nextExecutionId = 1;
    private volatile boolean marketClosed;

    /**
     * @param proxy         the engine's order sink, whose ring this venue drains
     * @param orderCapacity the engine's order capacity: the resting book holds that many orders
     * @param quotes        the touch to fill at
     * @param publisher     where execution reports go (the engine's inbound ring)
     * @param lotSizes      lot size per instrument id, to split fills in whole lots
     * @param maxRestNanos  simulated time an unmarketable order may rest before it is cancelled
     */
    PaperVenue(final OrderHandOff proxy, final int orderCapacity, final LatestQuotes quotes,
        final InboundPublisher publisher, final long[] lotSizes, final long maxRestNanos) {
        this.proxy = proxy;
        orders = proxy.ring();
        this.quotes = quotes;
        this.publisher = publisher;
        this.lotSizes = lotSizes.clone();
        this.maxRestNanos = maxRestNanos;
        clientOrderId = new long[orderCapacity];
        instrumentId = new int[orderCapacity];
        side = new byte[orderCapacity];
        leaves = new long[orderCapacity];
        limitPrice = new long[orderCapacity];
        restingSince = new long[orderCapacity];
        split = new boolean[orderCapacity];
    }

    @Override
    public String roleName() {
        return "paper-venue";
    }

    @Override
    public int doWork() {
        int work = orders.read(this, ORDERS_PER_CYCLE);
        if (resting > 0) {
            work += matchResting();
        }
        if (work > 0) {
            processed.lazySet(counters.get(ORDERS_RECEIVED));
        }
        return work;
    }

    /**
     * Orders received and given a first chance to fill, i.e. a full duty cycle has run since they arrived.
     * The market waits for this to catch up with {@link OrderHandOff#handedOver()}, so an order meets the market
     * of its own moment rather than one that raced ahead while the venue's thread was parked. Any thread.
     */
    long ordersProcessed() {
        return processed.get();
    }

    /** From now on, an order the latest touch cannot fill is cancelled instead of resting. Any thread. */
    void closeMarket() {
        marketClosed = true;
    }

    /** Orders handed over by the engine and not yet filled or cancelled; any thread. */
    long pendingOrders() {
        return proxy.handedOver() - counters.get(ORDERS_FILLED) - counters.get(ORDERS_CANCELLED)
            - counters.get(ORDERS_REFUSED);
    }

    /** One of the counter constants of this class; any thread. */
    long count(final int counter) {
        return counters.get(counter);
    }

    /** Orders that found the hand-off ring full; never expected. */
    long lostOrders() {
        return proxy.lost();
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        if (msgTypeId != OrderHandOff.NEW_ORDER) {
            return;
        }
        increment(ORDERS_RECEIVED);
        final long id = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        final long quantity = buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET);
        final long orderTime = buffer.getLong(index + OrderHandOff.TIME_OFFSET);
        final long now = Math.max(orderTime, quotes.timeNanos());
        if (resting == clientOrderId.length) {
            publisher.execution(now, id, nextExecutionId++, ExecType.REJECTED, 0, 0, 0);
            increment(ORDERS_REFUSED);
            return;
        }
        final int at = resting++;
        clientOrderId[at] = id;
        instrumentId[at] = buffer.getInt(index + OrderHandOff.INSTRUMENT_OFFSET);
        side[at] = buffer.getByte(index + OrderHandOff.SIDE_OFFSET);
        leaves[at] = quantity;
        limitPrice[at] = buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET);
        restingSince[at] = now;
        split[at] = false;
        publisher.execution(now, id, nextExecutionId++, ExecType.NEW, 0, 0, quantity);
    }

    private int matchResting() {
        int work = 0;
        final long now = quotes.timeNanos();
        final boolean closed = marketClosed;
        for (int i = resting - 1; i >= 0; i--) {
            final int instrument = instrumentId[i];
            final boolean buy = side[i] == Side.BUY;
            final long touch = buy ? quotes.ask(instrument) : quotes.bid(instrument);
            if (FillRules.marketable(touch, buy, limitPrice[i])) {
                fill(i, touch, Math.max(now, restingSince[i]));
                work++;
            } else if (closed || now - restingSince[i] > maxRestNanos) {
                publisher.execution(Math.max(now, restingSince[i]), clientOrderId[i], nextExecutionId++,
                    ExecType.CANCELED, 0, 0, 0);
                increment(ORDERS_CANCELLED);
                remove(i);
                work++;
            }
        }
        return work;
    }

    private void fill(final int i, final long price, final long time) {
        final long lot = lotSizes[instrumentId[i]];
        long quantity = leaves[i];
        if (!split[i]) {
            split[i] = true;
            quantity = FillRules.firstPartial(quantity, lot);
        }
        leaves[i] -= quantity;
        publisher.execution(time, clientOrderId[i], nextExecutionId++, ExecType.TRADE, quantity, price, leaves[i]);
        increment(FILLS);
        if (leaves[i] == 0) {
            increment(ORDERS_FILLED);
            remove(i);
        }
    }

    /** Swap-remove: order of the resting book does not matter, each order is retried every cycle. */
    private void remove(final int i) {
        final int last = --resting;
        clientOrderId[i] = clientOrderId[last];
        instrumentId[i] = instrumentId[last];
        side[i] = side[last];
        leaves[i] = leaves[last];
        limitPrice[i] = limitPrice[last];
        restingSince[i] = restingSince[last];
        split[i] = split[last];
    }

    private void increment(final int counter) {
        counters.lazySet(counter, counters.get(counter) + 1);
    }
}
