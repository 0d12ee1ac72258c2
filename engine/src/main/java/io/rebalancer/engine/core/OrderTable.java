package io.rebalancer.engine.core;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getBytes;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBooleans;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putBytes;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInts;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * The engine's child orders, working and recently finished, in parallel arrays found by any of their client
 * order ids through one pre-sized primitive map: opening, finding, amending and closing allocate nothing.
 * <p>
 * An order is known by up to {@link #MAX_IDS} ids: its own, and those of the cancel and cancel/replace requests
 * sent for it (a venue reports against the request's id once it acts on it). A finished order stays findable
 * until its row is reused, oldest finished first, so a fill that crosses a cancel on the wire is still booked
 * against the order it belongs to rather than refused as unknown. The table has room for {@code capacity}
 * working orders and as many finished ones.
 * <p>
 * Each portfolio's working orders form a doubly linked list through the rows, oldest first, so a rebalance visits
 * only its own orders. This class stores and finds; the order lifecycle itself lives in {@link ExecutionBook},
 * {@link RebalanceDesk} and {@link OrderRequests}.
 */
final class OrderTable {
    /**
     * Ids one order can carry: its own and up to three requests. A replace needs two free: its own id and room for
     * a cancel after it, so an order can always be cancelled; after two replaces a changed plan cancels instead.
     */
    static final int MAX_IDS = 4;
    static final byte NO_REQUEST = 0;
    static final byte CANCEL_REQUEST = 1;
    static final byte REPLACE_REQUEST = 2;
    private static final long MISSING = -1;
    private static final int NONE = -1;
    private static final OrderState[] STATES = OrderState.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    private static final byte PENDING_NEW_CODE = (byte)OrderState.PENDING_NEW.ordinal();

    private final int capacity;
    private final Long2LongHashMap indexById;
    private final long[] ids;
    /** Per id slot: true for the id of a cancel the venue never answered, the only kind ever forgotten early. */
    private final boolean[] stale;
    private final byte[] idCount;
    private final long[] currentId;
    private final int[] portfolioId;
    private final int[] slot;
    private final int[] instrumentId;
    private final byte[] side;
    private final long[] orderQuantity;
    private final long[] cumulativeQuantity;
    private final long[] filledNotional;
    private final long[] leaves;
    private final long[] limitPrice;
    private final byte[] state;
    private final long[] released;
    private final byte[] requestKind;
    private final long[] requestId;
    private final long[] requestQuantity;
    private final long[] requestLimit;
    private final long[] requestSince;
    private final byte[] cancelReason;
    private final long[] ageDeadline;
    private final long[] abandonedId;
    private final long[] abandonedQuantity;
    private final long[] abandonedLimit;
    private final byte[] cancelAfterRequest;
    private final int[] next;
    private final int[] previous;
    private final int[] firstOfPortfolio;
    private final int[] lastOfPortfolio;
    /** Rows free or finished, oldest finished first: a FIFO ring of row indices. */
    private final int[] reusable;
    private int reusableHead;
    private int reusableCount;
    private int working;
    private int pendingNew;

    OrderTable(final int capacity, final int portfolios) {
        this.capacity = capacity;
        final int rows = capacity * 2;
        indexById = new Long2LongHashMap(rows * MAX_IDS * 2, 0.65f, MISSING);
        ids = new long[rows * MAX_IDS];
        stale = new boolean[rows * MAX_IDS];
        idCount = new byte[rows];
        currentId = new long[rows];
        portfolioId = new int[rows];
        slot = new int[rows];
        instrumentId = new int[rows];
        side = new byte[rows];
        orderQuantity = new long[rows];
        cumulativeQuantity = new long[rows];
        filledNotional = new long[rows];
        leaves = new long[rows];
        limitPrice = new long[rows];
        state = new byte[rows];
        released = new long[rows];
        requestKind = new byte[rows];
        requestId = new long[rows];
        requestQuantity = new long[rows];
        requestLimit = new long[rows];
        requestSince = new long[rows];
        cancelReason = new byte[rows];
        ageDeadline = new long[rows];
        abandonedId = new long[rows];
        abandonedQuantity = new long[rows];
        abandonedLimit = new long[rows];
        cancelAfterRequest = new byte[rows];
        next = new int[rows];
        previous = new int[rows];
        firstOfPortfolio = new int[portfolios];
        lastOfPortfolio = new int[portfolios];
        java.util.Arrays.fill(firstOfPortfolio, NONE);
        java.util.Arrays.fill(lastOfPortfolio, NONE);
        reusable = new int[rows];
        for (int i = 0; i < rows; i++) {
            reusable[i] = i;
        }
        reusableCount = rows;
    }

    /** True when {@code capacity} orders work: no new order may open. */
    boolean isFull() {
        return working == capacity;
    }

    /** Orders working now. */
    int size() {
        return working;
    }

    /** Orders sent that the venue has not acknowledged, filled or refused yet. */
    int pendingNew() {
        return pendingNew;
    }

    /** Books a new working order; the caller checked {@link #isFull()}. */
    int open(final long id, final int portfolio, final int assetSlot, final int instrument, final byte orderSide,
        final long quantity, final long limit) {
        final int index = reusable[reusableHead];
        reusableHead = (reusableHead + 1) % reusable.length;
        reusableCount--;
        forgetIds(index);
        working++;
        addId(index, id);
        currentId[index] = id;
        portfolioId[index] = portfolio;
        slot[index] = assetSlot;
        instrumentId[index] = instrument;
        side[index] = orderSide;
        orderQuantity[index] = quantity;
        cumulativeQuantity[index] = 0;
        filledNotional[index] = 0;
        leaves[index] = quantity;
        limitPrice[index] = limit;
        state[index] = (byte)OrderState.PENDING_NEW.ordinal();
        pendingNew++;
        released[index] = 0;
        ageDeadline[index] = Long.MAX_VALUE;
        abandonedId[index] = 0;
        clearRequest(index);
        link(index, portfolio);
        return index;
    }

    /** The row of the order (working or recently finished) known by this id, or -1. */
    int find(final long id) {
        return (int)indexById.get(id);
    }

    /** Adds a request's id to the order, so reports naming it find the order. False when the order has no room. */
    boolean addId(final int index, final long id) {
        final int count = idCount[index];
        if (count == MAX_IDS) {
            return false;
        }
        ids[index * MAX_IDS + count] = id;
        stale[index * MAX_IDS + count] = false;
        idCount[index] = (byte)(count + 1);
        indexById.put(id, index);
        return true;
    }

    /**
     * Forgets a request id whose answer was final (a refused cancel or replace): no report will name it again, and
     * its slot is free for the next request. The order's own id is never removed.
     */
    void removeId(final int index, final long id) {
        final int base = index * MAX_IDS;
        for (int k = 1, count = idCount[index]; k < count; k++) {
            if (ids[base + k] == id) {
                System.arraycopy(ids, base + k + 1, ids, base + k, count - k - 1);
                System.arraycopy(stale, base + k + 1, stale, base + k, count - k - 1);
                idCount[index] = (byte)(count - 1);
                indexById.remove(id);
                return;
            }
        }
    }

    /** Marks the id of a cancel the venue never answered: it may be forgotten to make room for the next cancel. */
    void markStale(final int index, final long id) {
        final int base = index * MAX_IDS;
        for (int k = 1, count = idCount[index]; k < count; k++) {
            if (ids[base + k] == id) {
                stale[base + k] = true;
            }
        }
    }

    /**
     * Frees id slots until {@code needed} are free, by forgetting the oldest ids of cancels the venue never answered,
     * then an abandoned replace's. Ids a fill may still name (the order's own, its accepted replaces', a request out)
     * are never forgotten: a fill refused as unknown would be money lost from the books. A late answer naming a
     * forgotten cancel is refused as unknown, and counted: the price of an order that can always be cancelled.
     */
    void makeRoom(final int index, final int needed) {
        while (MAX_IDS - idCount[index] < needed && forgetOneId(index)) {
            // Forget the oldest id that nothing waits for, one at a time.
        }
    }

    private boolean forgetOneId(final int index) {
        final int base = index * MAX_IDS;
        for (int k = 1, count = idCount[index]; k < count; k++) {
            final long id = ids[base + k];
            if (stale[base + k] && id != requestId[index]) {
                removeId(index, id);
                return true;
            }
        }
        if (abandonedId[index] != 0) {
            removeId(index, abandonedId[index]);
            abandonedId[index] = 0;
            return true;
        }
        return false;
    }

    /** When the order is next due to be cancelled for age, event time; {@link Long#MAX_VALUE} for never. */
    long ageDeadline(final int index) {
        return ageDeadline[index];
    }

    void ageDeadline(final int index, final long deadline) {
        ageDeadline[index] = deadline;
    }

    /** A replace the engine gave up waiting for (0 when none): the venue may still accept it late. */
    long abandonedId(final int index) {
        return abandonedId[index];
    }

    long abandonedQuantity(final int index) {
        return abandonedQuantity[index];
    }

    long abandonedLimit(final int index) {
        return abandonedLimit[index];
    }

    void abandonReplace(final int index) {
        abandonedId[index] = requestId[index];
        abandonedQuantity[index] = requestQuantity[index];
        abandonedLimit[index] = requestLimit[index];
    }

    void clearAbandoned(final int index) {
        abandonedId[index] = 0;
    }

    /** True while the order can take one more request id. */
    boolean hasRoomForCancel(final int index) {
        return idCount[index] < MAX_IDS;
    }

    /** True while the order can take a replace and still a cancel after it. */
    boolean hasRoomForReplace(final int index) {
        return idCount[index] < MAX_IDS - 1;
    }

    /**
     * Finishes an order: it stops working, leaves its portfolio's list and joins the reusable queue behind every
     * row finished before it, still findable by its ids until its row is reused.
     */
    void close(final int index, final OrderState finalState) {
        state(index, finalState);
        unlink(index);
        working--;
        reusable[(reusableHead + reusableCount) % reusable.length] = index;
        reusableCount++;
    }

    private void forgetIds(final int index) {
        for (int k = 0, count = idCount[index]; k < count; k++) {
            indexById.remove(ids[index * MAX_IDS + k]);
        }
        idCount[index] = 0;
    }

    /** Appends at the tail, so a portfolio's orders are visited oldest first. */
    private void link(final int index, final int portfolio) {
        final int tail = lastOfPortfolio[portfolio];
        next[index] = NONE;
        previous[index] = tail;
        if (tail == NONE) {
            firstOfPortfolio[portfolio] = index;
        } else {
            next[tail] = index;
        }
        lastOfPortfolio[portfolio] = index;
    }

    private void unlink(final int index) {
        final int before = previous[index];
        final int after = next[index];
        if (before == NONE) {
            firstOfPortfolio[portfolioId[index]] = after;
        } else {
            next[before] = after;
        }
        if (after == NONE) {
            lastOfPortfolio[portfolioId[index]] = before;
        } else {
            previous[after] = before;
        }
    }

    /** The first working order of a portfolio, or -1; follow with {@link #nextOfPortfolio}. */
    int firstOfPortfolio(final int portfolio) {
        return firstOfPortfolio[portfolio];
    }

    /** The portfolio's next working order after this one, or -1. */
    int nextOfPortfolio(final int index) {
        return next[index];
    }

    /** The order's own (first) id, the one the engine reported when it sent it. */
    long clientOrderId(final int index) {
        return ids[index * MAX_IDS];
    }

    /** The id the venue knows the order by now: its own, or its last accepted replace's (FIX OrigClOrdID). */
    long currentId(final int index) {
        return currentId[index];
    }

    void currentId(final int index, final long id) {
        currentId[index] = id;
    }

    int portfolioId(final int index) {
        return portfolioId[index];
    }

    int slot(final int index) {
        return slot[index];
    }

    int instrumentId(final int index) {
        return instrumentId[index];
    }

    byte side(final int index) {
        return side[index];
    }

    /** Total quantity on the current accepted terms (FIX OrderQty). */
    long orderQuantity(final int index) {
        return orderQuantity[index];
    }

    void orderQuantity(final int index, final long quantity) {
        orderQuantity[index] = quantity;
    }

    long cumulativeQuantity(final int index) {
        return cumulativeQuantity[index];
    }

    long filledNotional(final int index) {
        return filledNotional[index];
    }

    /** Records a fill in the order's cumulative quantity and notional (saturating on overflow). */
    void addFill(final int index, final long quantity, final long notional) {
        cumulativeQuantity[index] += quantity;
        filledNotional[index] = io.rebalancer.engine.domain.Fixed.add(filledNotional[index], notional);
    }

    /** The quantity booked as working in the portfolio. */
    long leaves(final int index) {
        return leaves[index];
    }

    /** The limit price the working quantity is booked at. */
    long limitPrice(final int index) {
        return limitPrice[index];
    }

    void book(final int index, final long quantity, final long limit) {
        leaves[index] = quantity;
        limitPrice[index] = limit;
    }

    OrderState state(final int index) {
        return STATES[state[index]];
    }

    void state(final int index, final OrderState orderState) {
        if (state[index] == PENDING_NEW_CODE && orderState != OrderState.PENDING_NEW) {
            pendingNew--;
        }
        state[index] = (byte)orderState.ordinal();
    }

    boolean isFinished(final int index) {
        return STATES[state[index]].isTerminal();
    }

    /** Quantity released unfilled when the order finished: the most a late fill may bring without an overfill. */
    long released(final int index) {
        return released[index];
    }

    void released(final int index, final long quantity) {
        released[index] = quantity;
    }

    /** {@link #NO_REQUEST}, {@link #CANCEL_REQUEST} or {@link #REPLACE_REQUEST}: what is out at the venue. */
    byte requestKind(final int index) {
        return requestKind[index];
    }

    long requestId(final int index) {
        return requestId[index];
    }

    /** For a replace out: the new total quantity asked for. */
    long requestQuantity(final int index) {
        return requestQuantity[index];
    }

    /** For a replace out: the new limit asked for. */
    long requestLimit(final int index) {
        return requestLimit[index];
    }

    void request(final int index, final byte kind, final long id, final long quantity, final long limit,
        final long now) {
        requestKind[index] = kind;
        requestId[index] = id;
        requestQuantity[index] = quantity;
        requestLimit[index] = limit;
        requestSince[index] = now;
    }

    /** When the request now out was sent, event time. */
    long requestSince(final int index) {
        return requestSince[index];
    }

    /** Why the order's last cancel was sent, for sending it once more if the venue never answers. */
    CancelReason cancelReason(final int index) {
        return CANCEL_REASONS[cancelReason[index]];
    }

    void cancelReason(final int index, final CancelReason reason) {
        cancelReason[index] = (byte)reason.ordinal();
    }

    void clearRequest(final int index) {
        requestKind[index] = NO_REQUEST;
        requestId[index] = 0;
        requestQuantity[index] = 0;
        requestLimit[index] = 0;
        cancelAfterRequest[index] = -1;
    }

    /** A cancel wanted while another request was out: sent when the venue answers that one. -1 when none. */
    int cancelAfterRequest(final int index) {
        return cancelAfterRequest[index];
    }

    void cancelAfterRequest(final int index, final CancelReason reason) {
        cancelAfterRequest[index] = (byte)reason.ordinal();
    }

    /** Bytes {@link #writeTo} writes: every row, used or not, so every snapshot of a table has one size. */
    int snapshotBytes() {
        final int rows = state.length;
        final int longsPerRow = 15;
        final int intsPerRow = 6;
        final int bytesPerRow = 6;
        return longs(ids.length) + stale.length + rows * (longs(longsPerRow) + ints(intsPerRow) + bytesPerRow)
            + ints(2 * firstOfPortfolio.length) + ints(4);
    }

    /**
     * Writes every row (working, finished and still findable, free) with its ids, the forgotten-id marks, the
     * portfolio lists and the reusable queue, for an engine snapshot. The id index is not written: it is exactly
     * each row's ids, rebuilt on reading. A field added to the table is added here and to {@link #readFrom}; the
     * per-row counts in {@link #snapshotBytes} follow.
     *
     * @return the offset just past what was written
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putLongs(buffer, offset, ids);
        at = putBooleans(buffer, at, stale);
        at = putBytes(buffer, at, idCount);
        at = putLongs(buffer, at, currentId);
        at = putInts(buffer, at, portfolioId);
        at = putInts(buffer, at, slot);
        at = putInts(buffer, at, instrumentId);
        at = putBytes(buffer, at, side);
        at = putLongs(buffer, at, orderQuantity);
        at = putLongs(buffer, at, cumulativeQuantity);
        at = putLongs(buffer, at, filledNotional);
        at = putLongs(buffer, at, leaves);
        at = putLongs(buffer, at, limitPrice);
        at = putBytes(buffer, at, state);
        at = putLongs(buffer, at, released);
        at = putBytes(buffer, at, requestKind);
        at = putLongs(buffer, at, requestId);
        at = putLongs(buffer, at, requestQuantity);
        at = putLongs(buffer, at, requestLimit);
        at = putLongs(buffer, at, requestSince);
        at = putBytes(buffer, at, cancelReason);
        at = putLongs(buffer, at, ageDeadline);
        at = putLongs(buffer, at, abandonedId);
        at = putLongs(buffer, at, abandonedQuantity);
        at = putLongs(buffer, at, abandonedLimit);
        at = putBytes(buffer, at, cancelAfterRequest);
        at = putInts(buffer, at, next);
        at = putInts(buffer, at, previous);
        at = putInts(buffer, at, firstOfPortfolio);
        at = putInts(buffer, at, lastOfPortfolio);
        at = putInts(buffer, at, reusable);
        at = putInt(buffer, at, reusableHead);
        at = putInt(buffer, at, reusableCount);
        at = putInt(buffer, at, working);
        return putInt(buffer, at, pendingNew);
    }

    /**
     * Reads back what {@link #writeTo} wrote into a table of the same capacity and rebuilds the id index;
     * allocates nothing.
     *
     * @return the offset just past what was read
     */
    int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getLongs(buffer, offset, ids);
        at = getBooleans(buffer, at, stale);
        at = getBytes(buffer, at, idCount);
        at = getLongs(buffer, at, currentId);
        at = getInts(buffer, at, portfolioId);
        at = getInts(buffer, at, slot);
        at = getInts(buffer, at, instrumentId);
        at = getBytes(buffer, at, side);
        at = getLongs(buffer, at, orderQuantity);
        at = getLongs(buffer, at, cumulativeQuantity);
        at = getLongs(buffer, at, filledNotional);
        at = getLongs(buffer, at, leaves);
        at = getLongs(buffer, at, limitPrice);
        at = getBytes(buffer, at, state);
        at = getLongs(buffer, at, released);
        at = getBytes(buffer, at, requestKind);
        at = getLongs(buffer, at, requestId);
        at = getLongs(buffer, at, requestQuantity);
        at = getLongs(buffer, at, requestLimit);
        at = getLongs(buffer, at, requestSince);
        at = getBytes(buffer, at, cancelReason);
        at = getLongs(buffer, at, ageDeadline);
        at = getLongs(buffer, at, abandonedId);
        at = getLongs(buffer, at, abandonedQuantity);
        at = getLongs(buffer, at, abandonedLimit);
        at = getBytes(buffer, at, cancelAfterRequest);
        at = getInts(buffer, at, next);
        at = getInts(buffer, at, previous);
        at = getInts(buffer, at, firstOfPortfolio);
        at = getInts(buffer, at, lastOfPortfolio);
        at = getInts(buffer, at, reusable);
        reusableHead = getInt(buffer, at);
        reusableCount = getInt(buffer, at + Integer.BYTES);
        working = getInt(buffer, at + 2 * Integer.BYTES);
        pendingNew = getInt(buffer, at + 3 * Integer.BYTES);
        rebuildIndex();
        return at + 4 * Integer.BYTES;
    }

    /** Every id a row still carries finds that row, and no other id finds anything: what open/addId/removeId keep. */
    private void rebuildIndex() {
        indexById.clear();
        for (int index = 0; index < idCount.length; index++) {
            for (int k = 0, count = idCount[index]; k < count; k++) {
                indexById.put(ids[index * MAX_IDS + k], index);
            }
        }
    }
}
