package io.rebalancer.daemon;

import io.rebalancer.venue.FillRules;
import io.rebalancer.engine.core.OrderHandOff;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

/**
 * An in-process stand-in for a broker ({@code --venue paper}): an agent on its own thread that takes the engine's
 * child orders, cancels and replaces from its {@link OrderHandOff}, acknowledges each order ({@link ExecType#NEW})
 * and fills it at the current touch of the synthetic market, reporting back through the engine's inbound ring
 * like a gateway would.
 * <p>
 * Fill rules: a buy fills at the ask and a sell at the bid, only while that touch is at or better than the
 * order's limit, so a fill is never worse than the limit. An order of two lots or more fills in two parts: half
 * (in whole lots) at once, the rest on a later duty cycle at the touch of that moment. An order whose limit is
 * not marketable rests and is retried every cycle; it is cancelled ({@link ExecType#CANCELED}) once it has
 * rested longer than {@code maxRestNanos} of simulated market time, or at once after {@link #closeMarket()}
 * when the final touch cannot fill it: the paper venue's orders cannot outlive the process.
 * <p>
 * Requests: a cancel of a resting order is confirmed ({@link ExecType#CANCELED}, leaves 0); a replace gives the
 * order a new total quantity and limit ({@link ExecType#REPLACED}, leaves = new total minus what filled), after
 * which the order is known by the request's id, as a FIX venue would report it. A request for an order that is
 * unknown or finished, or a replace down to what already filled or less, is refused
 * ({@link ExecType#CANCEL_REJECTED}, the request's id). Every report carries the latest simulated market time and
 * its own execution id, unique and increasing. Nothing here allocates once running.
 * <p>
 * Status requests are answered ({@link ExecType#ORDER_STATUS}, under the id asked about) from what this paper venue
 * knows, and only that: a resting order, by its current id or its first one, is WORKING with what filled, its
 * average price (micros, rounded down) and its leaves; one of the last {@code orderCapacity} orders that finished
 * here, by the same ids, is FILLED, CANCELED or REJECTED with what filled and leaves 0; any other id is UNKNOWN,
 * which for a paper venue is the whole truth: it never had the order, or finished it so long ago that the engine
 * cannot still be waiting on it. The paper venue lives and dies with the process, so after a restart every order is
 * UNKNOWN to it: none of them can still fill. (A fill it reported just before a crash, which the journal never
 * kept, is gone with it: paper money.)
 */
final class PaperVenue implements Venue, Agent, MessageHandler {
    static final int ORDERS_RECEIVED = 0;
    static final int FILLS = 1;
    static final int ORDERS_FILLED = 2;
    /** Orders cancelled: on request, for resting too long, or at the close. */
    static final int ORDERS_CANCELLED = 3;
    static final int ORDERS_REFUSED = 4;
    static final int CANCELS_RECEIVED = 5;
    static final int REPLACES_RECEIVED = 6;
    static final int ORDERS_REPLACED = 7;
    /** Cancel and replace requests refused (unknown or finished order, or a replace below what filled). */
    static final int REQUESTS_REFUSED = 8;
    /** Status requests answered, whatever the answer. */
    static final int STATUS_REQUESTS = 9;
    private static final int COUNTERS = 10;
    private static final int RECORDS_PER_CYCLE = 64;
    /** The daemon's {@code maxRestNanos}: simulated time an unmarketable order rests before it is cancelled. */
    static final long MAX_REST_NANOS = TimeUnit.MINUTES.toNanos(5);

    private final OrderHandOff handOff;
    private final OneToOneRingBuffer orders;
    private final LatestQuotes quotes;
    private final long[] lotSizes;
    private final long maxRestNanos;
    private final long[] clientOrderId;
    /** The id the order arrived with, before any replace. */
    private final long[] firstId;
    private final int[] instrumentId;
    private final byte[] side;
    private final long[] leaves;
    private final long[] filled;
    /** Micros filled in total (quantity times price, summed), for the average price; {@link Fixed#OVERFLOW} past it. */
    private final long[] notional;
    private final long[] limitPrice;
    private final long[] restingSince;
    private final boolean[] split;
    /** The last orders that finished here, a ring of the book's size: enough to answer a status request late. */
    private final long[] finishedId;
    private final long[] finishedFirstId;
    private final int[] finishedStatus;
    private final long[] finishedFilled;
    private final long[] finishedNotional;
    private int finishedCount;
    private int finishedNext;
    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong restingCount = new AtomicLong();
    private long recordsRead;
    private int resting;
    private long nextExecutionId = 1;
    private volatile boolean marketClosed;
    /** Set once by {@link #connect} before the agent thread starts (or by a test that drives the agent itself). */
    private InboundPublisher publisher;
    private AgentRunner runner;

    /**
     * @param orderCapacity the engine's order capacity: the hand-off ring and the resting book hold that many
     * @param quotes        the touch to fill at
     * @param lotSizes      lot size per instrument id, to split fills in whole lots
     * @param maxRestNanos  simulated time an unmarketable order may rest before it is cancelled
     */
    PaperVenue(final int orderCapacity, final LatestQuotes quotes, final long[] lotSizes, final long maxRestNanos) {
        handOff = new OrderHandOff(orderCapacity);
        orders = handOff.ring();
        this.quotes = quotes;
        this.lotSizes = lotSizes.clone();
        this.maxRestNanos = maxRestNanos;
        clientOrderId = new long[orderCapacity];
        firstId = new long[orderCapacity];
        instrumentId = new int[orderCapacity];
        side = new byte[orderCapacity];
        leaves = new long[orderCapacity];
        filled = new long[orderCapacity];
        notional = new long[orderCapacity];
        limitPrice = new long[orderCapacity];
        restingSince = new long[orderCapacity];
        split = new boolean[orderCapacity];
        finishedId = new long[orderCapacity];
        finishedFirstId = new long[orderCapacity];
        finishedStatus = new int[orderCapacity];
        finishedFilled = new long[orderCapacity];
        finishedNotional = new long[orderCapacity];
    }

    /** The paper venue dies with the process: nothing of a past run is left to resend. */
    @Override
    public void resumeAfter(final long lastSourceSequence) {
    }

    @Override
    public OrderSink orderSink() {
        return handOff;
    }

    /** Where execution reports go (the engine's inbound ring); before the agent first runs. */
    void connect(final InboundPublisher executions) {
        publisher = executions;
    }

    @Override
    public boolean start(final InboundPublisher executions, final ErrorHandler errors, final BooleanSupplier stop) {
        connect(executions);
        runner = new AgentRunner(new BackoffIdleStrategy(10, 10, 1_000, 1_000_000), errors, null, this);
        // Woken by each order, as the FIX gateway's agent is: the market waits for this venue (caughtUp), so an
        // order that sat out a park of up to a millisecond would hold the whole run back that long.
        handOff.wakeOnHandOff(AgentRunner.startOnThread(runner));
        return true;
    }

    @Override
    public String roleName() {
        return "paper-venue";
    }

    @Override
    public int doWork() {
        int work = orders.read(this, RECORDS_PER_CYCLE);
        if (resting > 0) {
            work += matchResting();
        }
        if (work > 0) {
            processed.lazySet(recordsRead);
            restingCount.lazySet(resting);
        }
        return work;
    }

    /**
     * Whether every record the engine handed over was read and given a full duty cycle. The market waits for
     * this, so an order meets the market of its own moment rather than one that raced ahead while the venue's
     * thread was parked. Any thread.
     */
    @Override
    public boolean caughtUp(final long ordersSent) {
        return processed.get() >= handOff.handedOver();
    }

    @Override
    public boolean idle(final long ordersSent) {
        return caughtUp(ordersSent) && restingCount.get() == 0;
    }

    /** From now on, an order the latest touch cannot fill is cancelled instead of resting. Any thread. */
    @Override
    public void closeMarket() {
        marketClosed = true;
    }

    /** Orders resting in the book as of the last duty cycle that did something; any thread. */
    long restingOrders() {
        return restingCount.get();
    }

    @Override
    public String connection() {
        return "paper venue";
    }

    @Override
    public RunReport.VenueTotals totals(final boolean started) {
        final String line = String.format(Locale.ROOT, "paper: %s orders, %s fills, %s cancelled (on request, "
            + "unmarketable for %d min of market time, or at the close), %s of %s replaces done, %s cancel/replace "
            + "requests refused, %s orders refused", Text.count(count(ORDERS_RECEIVED)), Text.count(count(FILLS)),
            Text.count(count(ORDERS_CANCELLED)), maxRestNanos / 60_000_000_000L, Text.count(count(ORDERS_REPLACED)),
            Text.count(count(REPLACES_RECEIVED)), Text.count(count(REQUESTS_REFUSED)),
            Text.count(count(ORDERS_REFUSED)));
        return new RunReport.VenueTotals("venue", line, count(ORDERS_RECEIVED), count(FILLS),
            count(ORDERS_REFUSED), handOff.lost());
    }

    /** One of the counter constants of this class; any thread. */
    long count(final int counter) {
        return counters.get(counter);
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        recordsRead++;
        final long id = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        final long now = Math.max(buffer.getLong(index + OrderHandOff.TIME_OFFSET), quotes.timeNanos());
        switch (msgTypeId) {
            case OrderHandOff.NEW_ORDER:
                newOrder(buffer, index, id, now);
                break;
            case OrderHandOff.CANCEL:
                increment(CANCELS_RECEIVED);
                cancel(id, buffer.getLong(index + OrderHandOff.ORIGINAL_CLIENT_ORDER_ID_OFFSET), now);
                break;
            case OrderHandOff.REPLACE:
                increment(REPLACES_RECEIVED);
                replace(id, buffer.getLong(index + OrderHandOff.ORIGINAL_CLIENT_ORDER_ID_OFFSET),
                    buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET),
                    buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET), now);
                break;
            case OrderHandOff.STATUS:
                increment(STATUS_REQUESTS);
                status(id, now);
                break;
            default:
                break;
        }
    }

    private void newOrder(final MutableDirectBuffer buffer, final int index, final long id, final long now) {
        increment(ORDERS_RECEIVED);
        final long quantity = buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET);
        if (resting == clientOrderId.length) {
            publisher.execution(now, id, nextExecutionId++, ExecType.REJECTED, 0, 0, 0);
            increment(ORDERS_REFUSED);
            rememberFinished(id, id, VenueOrderStatus.REJECTED, 0, 0);
            return;
        }
        final int at = resting++;
        clientOrderId[at] = id;
        firstId[at] = id;
        instrumentId[at] = buffer.getInt(index + OrderHandOff.INSTRUMENT_OFFSET);
        side[at] = buffer.getByte(index + OrderHandOff.SIDE_OFFSET);
        leaves[at] = quantity;
        filled[at] = 0;
        notional[at] = 0;
        limitPrice[at] = buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET);
        restingSince[at] = now;
        split[at] = false;
        publisher.execution(now, id, nextExecutionId++, ExecType.NEW, 0, 0, quantity);
    }

    private void cancel(final long requestId, final long originalId, final long now) {
        final int at = find(originalId);
        if (at < 0) {
            refuse(requestId, now);
            return;
        }
        publisher.execution(now, requestId, nextExecutionId++, ExecType.CANCELED, 0, 0, 0);
        increment(ORDERS_CANCELLED);
        finish(at, VenueOrderStatus.CANCELED);
    }

    private void replace(final long requestId, final long originalId, final long newTotal, final long newLimit,
        final long now) {
        final int at = find(originalId);
        if (at < 0 || newTotal <= filled[at]) {
            refuse(requestId, now);
            return;
        }
        clientOrderId[at] = requestId;
        leaves[at] = newTotal - filled[at];
        limitPrice[at] = newLimit;
        publisher.execution(now, requestId, nextExecutionId++, ExecType.REPLACED, 0, 0, leaves[at]);
        increment(ORDERS_REPLACED);
    }

    /** The order is unknown here (never seen, or already filled or cancelled): it keeps whatever state it has. */
    private void refuse(final long requestId, final long now) {
        publisher.execution(now, requestId, nextExecutionId++, ExecType.CANCEL_REJECTED, 0, 0, 0);
        increment(REQUESTS_REFUSED);
    }

    /** The resting index of the order now known by {@code id}, or -1; a linear scan, as the book is small. */
    private int find(final long id) {
        for (int i = 0; i < resting; i++) {
            if (clientOrderId[i] == id) {
                return i;
            }
        }
        return -1;
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
                finish(i, VenueOrderStatus.CANCELED);
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
        filled[i] += quantity;
        notional[i] = Fixed.add(notional[i], Fixed.multiply(quantity, price));
        publisher.execution(time, clientOrderId[i], nextExecutionId++, ExecType.TRADE, quantity, price, leaves[i]);
        increment(FILLS);
        if (leaves[i] == 0) {
            increment(ORDERS_FILLED);
            finish(i, VenueOrderStatus.FILLED);
        }
    }

    /**
     * Answers a status request from the book, then from the orders that finished lately; otherwise UNKNOWN. Under
     * the id asked about, with an execution id of its own.
     */
    private void status(final long id, final long now) {
        for (int i = 0; i < resting; i++) {
            if (clientOrderId[i] == id || firstId[i] == id) {
                publisher.orderStatus(now, id, nextExecutionId++, VenueOrderStatus.WORKING, filled[i],
                    average(filled[i], notional[i]), leaves[i], 0);
                return;
            }
        }
        for (int f = 0; f < finishedCount; f++) {
            if (finishedId[f] == id || finishedFirstId[f] == id) {
                publisher.orderStatus(now, id, nextExecutionId++, finishedStatus[f], finishedFilled[f],
                    average(finishedFilled[f], finishedNotional[f]), 0, 0);
                return;
            }
        }
        publisher.orderStatus(now, id, nextExecutionId++, VenueOrderStatus.UNKNOWN, 0, 0, 0, 0);
    }

    /** Micros per unit, rounded down; 0 when nothing filled, {@link Fixed#INVALID} past overflow. */
    private static long average(final long quantity, final long total) {
        return quantity == 0 ? 0 : total == Fixed.OVERFLOW ? Fixed.INVALID : total / quantity;
    }

    /** The order at {@code i} leaves the book; remembered for status requests. */
    private void finish(final int i, final int status) {
        rememberFinished(clientOrderId[i], firstId[i], status, filled[i], notional[i]);
        remove(i);
    }

    private void rememberFinished(final long id, final long first, final int status, final long quantity,
        final long total) {
        final int at = finishedNext;
        finishedId[at] = id;
        finishedFirstId[at] = first;
        finishedStatus[at] = status;
        finishedFilled[at] = quantity;
        finishedNotional[at] = total;
        finishedNext = (at + 1) % finishedId.length;
        finishedCount = Math.min(finishedCount + 1, finishedId.length);
    }

    /** Swap-remove: order of the resting book does not matter, each order is retried every cycle. */
    private void remove(final int i) {
        final int last = --resting;
        clientOrderId[i] = clientOrderId[last];
        firstId[i] = firstId[last];
        instrumentId[i] = instrumentId[last];
        side[i] = side[last];
        leaves[i] = leaves[last];
        filled[i] = filled[last];
        notional[i] = notional[last];
        limitPrice[i] = limitPrice[last];
        restingSince[i] = restingSince[last];
        split[i] = split[last];
    }

    private void increment(final int counter) {
        counters.lazySet(counter, counters.get(counter) + 1);
    }
}
