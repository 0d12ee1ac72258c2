package io.rebalancer.engine.state;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * One portfolio's live state, owned by the engine thread. Per-asset arrays are indexed by slot.
 * <p>
 * Positions are "effective": settled holdings plus open buys minus open sells, so an order in flight
 * already counts and the engine never orders the same shares twice. Cash is effective too: settled cash
 * minus what open buys may spend (at their limits) plus what open sells will raise (at their limits).
 * Market values are kept exactly in micros and updated incrementally, one slot per tick.
 */
public final class Portfolio {
    private final PortfolioSpec spec;
    private final int assets;
    private final int[] instrumentIds;
    private final int[] targetPpm;
    private final int[] bandPpm;
    private final double[] targetFraction;
    private final double[] inverseBandFraction;
    private final long[] settled;
    private final long[] openBuy;
    private final long[] openSell;
    private final long[] markPrice;
    private final long[] marketValue;
    private long cash;
    private long reservedForBuys;
    private long pendingSellProceeds;
    private long proceedsHeldBack;
    private long investedValue;
    private int openOrders;

    public Portfolio(final PortfolioSpec spec) {
        this.spec = spec;
        assets = spec.assets();
        instrumentIds = spec.instrumentIds().clone();
        targetPpm = spec.targetPpm().clone();
        bandPpm = new int[assets];
        targetFraction = new double[assets];
        inverseBandFraction = new double[assets];
        for (int i = 0; i < assets; i++) {
            bandPpm[i] = PortfolioSpec.effectiveBandPpm(
                spec.absoluteBandPpm()[i], spec.relativeBandPpm()[i], spec.targetPpm()[i]);
            targetFraction[i] = Ppm.toFraction(targetPpm[i]);
            inverseBandFraction[i] = bandPpm[i] > 0 ? Ppm.ONE / (double)bandPpm[i] : 0;
        }
        settled = spec.quantities().clone();
        openBuy = new long[assets];
        openSell = new long[assets];
        markPrice = new long[assets];
        marketValue = new long[assets];
        cash = spec.cash();
    }

    public PortfolioSpec spec() {
        return spec;
    }

    public int id() {
        return spec.id();
    }

    public int assets() {
        return assets;
    }

    public int instrumentId(final int slot) {
        return instrumentIds[slot];
    }

    public int targetPpm(final int slot) {
        return targetPpm[slot];
    }

    /** The effective band of the slot: the tighter of its absolute and relative bands, in ppm of value. */
    public int bandPpm(final int slot) {
        return bandPpm[slot];
    }

    /** The target weight as a fraction, precomputed so drift checks multiply instead of divide. */
    public double targetFraction(final int slot) {
        return targetFraction[slot];
    }

    /** One over the band as a fraction, or 0 without a band: a deviation times this is the slot's band ratio. */
    public double inverseBandFraction(final int slot) {
        return inverseBandFraction[slot];
    }

    public long settledQuantity(final int slot) {
        return settled[slot];
    }

    public long openBuyQuantity(final int slot) {
        return openBuy[slot];
    }

    public long openSellQuantity(final int slot) {
        return openSell[slot];
    }

    /** Settled plus open buys minus open sells. */
    public long effectiveQuantity(final int slot) {
        return settled[slot] + openBuy[slot] - openSell[slot];
    }

    /** What may still be sold without going short: settled minus what open sells already sell. */
    public long sellableQuantity(final int slot) {
        return settled[slot] - openSell[slot];
    }

    /** The price the slot is valued at, or 0 before the first tick. */
    public long markPrice(final int slot) {
        return markPrice[slot];
    }

    /** Effective quantity x mark price, in micros. */
    public long marketValue(final int slot) {
        return marketValue[slot];
    }

    public long settledCash() {
        return cash;
    }

    /** Settled cash less what open buys may spend plus what open sells will raise; {@link Fixed#OVERFLOW} if absurd. */
    public long effectiveCash() {
        return Fixed.subtract(Fixed.add(Fixed.subtract(cash, reservedForBuys), pendingSellProceeds), proceedsHeldBack);
    }

    /**
     * Counts {@code amount} of the open sells' expected proceeds as not coming, while a rebalance plans its buys:
     * the proceeds of sells being cancelled, or replaced by smaller ones, must not be spent twice. Set back to 0
     * when the planning is done; the books themselves follow the venue's answers.
     */
    public void holdBackProceeds(final long amount) {
        proceedsHeldBack = amount;
    }

    /** Sum of the slots' market values. */
    public long investedValue() {
        return investedValue;
    }

    /** Effective cash plus invested value: what the portfolio is worth with every open order done. */
    public long totalValue() {
        return Fixed.add(effectiveCash(), investedValue);
    }

    /**
     * The cash kept back and never invested: {@code cash-buffer} of the total value (0 while the total is not
     * positive). Drift weights and the planner's targets are both fractions of total value less this.
     */
    public long cashBuffer() {
        final long total = totalValue();
        return total > 0 ? Fixed.applyPpm(total, spec.cashBufferPpm()) : 0;
    }

    /**
     * True when a slot's value, the sum of them or the total does not fit in a long: the portfolio cannot be valued
     * or traded (only absurd holdings or prices get here; it is reported, never wrapped around).
     */
    public boolean hasOverflow() {
        return investedValue == Fixed.OVERFLOW || totalValue() == Fixed.OVERFLOW;
    }

    public int openOrders() {
        return openOrders;
    }

    /** Revalues one slot at a new mark price; O(1). */
    public void mark(final int slot, final long price) {
        markPrice[slot] = price;
        revalue(slot);
    }

    /** Books a new child order as open: the position and cash it will move count from now on. */
    public void orderOpened(final int slot, final byte side, final long quantity, final long limitPrice) {
        addWorking(slot, side, quantity, limitPrice);
        openOrders++;
        revalue(slot);
    }

    /**
     * Re-books a working order on new terms (a replace the venue accepted), or takes it out of the books and back
     * while a rebalance plans around it: the open quantity and the cash it reserves or expects follow; the count of
     * open orders does not change.
     */
    public void workingChanged(final int slot, final byte side, final long oldQuantity, final long oldLimitPrice,
        final long newQuantity, final long newLimitPrice) {
        removeWorking(slot, side, oldQuantity, oldLimitPrice);
        addWorking(slot, side, newQuantity, newLimitPrice);
        revalue(slot);
    }

    private void addWorking(final int slot, final byte side, final long quantity, final long limitPrice) {
        final long notional = Fixed.multiply(quantity, limitPrice);
        if (side == Side.BUY) {
            openBuy[slot] += quantity;
            reservedForBuys = Fixed.add(reservedForBuys, notional);
        } else {
            openSell[slot] += quantity;
            pendingSellProceeds = Fixed.add(pendingSellProceeds, notional);
        }
    }

    private void removeWorking(final int slot, final byte side, final long quantity, final long limitPrice) {
        final long atLimit = Fixed.multiply(quantity, limitPrice);
        if (side == Side.BUY) {
            openBuy[slot] -= quantity;
            reservedForBuys = Fixed.subtract(reservedForBuys, atLimit);
        } else {
            openSell[slot] -= quantity;
            pendingSellProceeds = Fixed.subtract(pendingSellProceeds, atLimit);
        }
    }

    /**
     * Books an execution: {@code quantity} moves from open to settled at {@code price}, and the cash the
     * order had reserved or expected at {@code limitPrice} is replaced by what it really cost or raised.
     */
    public void filled(final int slot, final byte side, final long quantity, final long price, final long limitPrice) {
        final long atLimit = Fixed.multiply(quantity, limitPrice);
        final long atPrice = Fixed.multiply(quantity, price);
        if (side == Side.BUY) {
            openBuy[slot] -= quantity;
            settled[slot] += quantity;
            reservedForBuys = Fixed.subtract(reservedForBuys, atLimit);
            cash = Fixed.subtract(cash, atPrice);
        } else {
            openSell[slot] -= quantity;
            settled[slot] -= quantity;
            pendingSellProceeds = Fixed.subtract(pendingSellProceeds, atLimit);
            cash = Fixed.add(cash, atPrice);
        }
        revalue(slot);
    }

    /**
     * Books quantity the venue says traded beyond what the order had open (an overfill): the venue is the
     * record of what was bought or sold, so holdings and cash follow it even though no order asked for it.
     */
    public void filledBeyondOrder(final int slot, final byte side, final long quantity, final long price) {
        final long atPrice = Fixed.multiply(quantity, price);
        if (side == Side.BUY) {
            settled[slot] += quantity;
            cash = Fixed.subtract(cash, atPrice);
        } else {
            settled[slot] -= quantity;
            cash = Fixed.add(cash, atPrice);
        }
        revalue(slot);
    }

    /** Releases the unfilled remainder of an order that will not fill any more (done, cancelled, rejected). */
    public void remainderReleased(final int slot, final byte side, final long quantity, final long limitPrice) {
        removeWorking(slot, side, quantity, limitPrice);
        revalue(slot);
    }

    /** One open order of this portfolio reached a final state. */
    public void orderClosed() {
        openOrders--;
    }

    private void revalue(final int slot) {
        final long old = marketValue[slot];
        final long value = Fixed.multiply(effectiveQuantity(slot), markPrice[slot]);
        marketValue[slot] = value;
        final long next = Fixed.add(Fixed.subtract(investedValue, old), value);
        // Exact and O(1) in every sane case; once a value or the sum does not fit, re-add from scratch (O(assets))
        // until it fits again, so the sum is never a wrapped-around number.
        investedValue = next != Fixed.OVERFLOW ? next : sumOfValues();
    }

    private long sumOfValues() {
        long sum = 0;
        for (int i = 0; i < assets; i++) {
            sum = Fixed.add(sum, marketValue[i]);
        }
        return sum;
    }

    /** Bytes {@link #writeTo} writes. */
    public int snapshotBytes() {
        return longs(5 * assets + 5) + ints(1);
    }

    /**
     * Writes what changes after construction, for an engine snapshot; what the spec gives (ids, targets, bands) is
     * not written. The values and their sum are written, not recomputed on reading: a sum that once overflowed, or
     * a reservation that saturated, must come back exactly as it was. A field added here is added to
     * {@link #readFrom} too.
     *
     * @return the offset just past what was written
     */
    public int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putLongs(buffer, offset, settled);
        at = putLongs(buffer, at, openBuy);
        at = putLongs(buffer, at, openSell);
        at = putLongs(buffer, at, markPrice);
        at = putLongs(buffer, at, marketValue);
        at = putLong(buffer, at, cash);
        at = putLong(buffer, at, reservedForBuys);
        at = putLong(buffer, at, pendingSellProceeds);
        // 0 between rebalances; written anyway, so even a snapshot after a fault inside a rebalance is exact.
        at = putLong(buffer, at, proceedsHeldBack);
        at = putLong(buffer, at, investedValue);
        return putInt(buffer, at, openOrders);
    }

    /**
     * Reads back what {@link #writeTo} wrote into a portfolio built from the same spec.
     *
     * @return the offset just past what was read
     */
    public int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getLongs(buffer, offset, settled);
        at = getLongs(buffer, at, openBuy);
        at = getLongs(buffer, at, openSell);
        at = getLongs(buffer, at, markPrice);
        at = getLongs(buffer, at, marketValue);
        cash = getLong(buffer, at);
        at += Long.BYTES;
        reservedForBuys = getLong(buffer, at);
        at += Long.BYTES;
        pendingSellProceeds = getLong(buffer, at);
        at += Long.BYTES;
        proceedsHeldBack = getLong(buffer, at);
        at += Long.BYTES;
        investedValue = getLong(buffer, at);
        at += Long.BYTES;
        openOrders = getInt(buffer, at);
        return at + Integer.BYTES;
    }
}
