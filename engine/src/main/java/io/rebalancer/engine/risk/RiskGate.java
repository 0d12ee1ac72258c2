package io.rebalancer.engine.risk;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.time.ZoneOffsetTable;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLongs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.longs;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLongs;

/**
 * The pre-trade risk gate every child order passes on the engine thread before it may leave.
 * <p>
 * {@link #check} applies the rules in this order and returns the first that fails:
 * <ol>
 *     <li>{@link RiskVerdict#INVALID_ORDER}: malformed input is reported as such whatever the kill switch says,
 *     so a bug upstream shows up as a bug and not as a halt;</li>
 *     <li>{@link RiskVerdict#HALTED}, {@link RiskVerdict#REDUCING_ONLY}: the kill switch;</li>
 *     <li>{@link RiskVerdict#RESTRICTED};</li>
 *     <li>{@link RiskVerdict#MAX_QUANTITY}, {@link RiskVerdict#MAX_NOTIONAL}: per-order size;</li>
 *     <li>{@link RiskVerdict#PRICE_COLLAR}: the limit may be at most {@code priceCollarPpm} of the reference
 *     price away from it (the boundary itself passes);</li>
 *     <li>{@link RiskVerdict#RATE_LIMIT}: at most {@code maxOrdersPerSecond} accepted orders in any one second
 *     of event time;</li>
 *     <li>{@link RiskVerdict#DAILY_NOTIONAL}: accepted notional per trading day at most the daily limit.</li>
 * </ol>
 * The stateful rules come last so that only an order that passes everything is recorded: a rejected order
 * changes nothing but its verdict's counter, and an order the venue never sees does not use up the rate or
 * the daily budget. Notional is quantity x limit price in micros, the most the order can trade for; a product
 * that does not fit in a long (or is exactly {@link Fixed#OVERFLOW}) is an invalid order.
 * <p>
 * <b>Time.</b> Time is the event time passed in, never the wall clock, so a replay gives the same verdicts.
 * Event time can step backwards (a late event, clock adjustment on a feed). The gate then treats the order
 * as sent at the latest accepted time, i.e. in the same second and trading day as the newest order: the rate
 * window stays sorted, its oldest entry stays its earliest, and a step back can neither free rate budget nor
 * reopen a trading day whose notional was already reset: it is judged exactly as an order at the newest
 * accepted time would be. Rejected orders do not move this time, as they change no state.
 * <p>
 * {@link #check} allocates nothing and never throws, whatever the arguments. Not thread-safe: the engine thread
 * owns the gate, and the kill switch is flipped through an engine event, not from another thread.
 */
public final class RiskGate {
    /** The rate window's width in nanoseconds of event time. */
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;
    private static final TradingState[] TRADING_STATES = TradingState.values();

    private final ZoneOffsetTable zone;
    private final int instruments;
    private final boolean[] restricted;
    private final long maxOrderQuantity;
    private final long maxOrderNotional;
    private final int priceCollarPpm;
    private final long maxNotionalPerDay;
    /** Send times of the last {@code maxOrdersPerSecond} accepted orders, oldest at {@link #next} once full. */
    private final long[] sendTimes;
    private final long[] verdictCounts = new long[RiskVerdict.values().length];
    private int next;
    private int recorded;
    private long latestAcceptedNanos = Long.MIN_VALUE;
    private long tradingDay;
    private long dailyNotional;
    private TradingState state;

    /**
     * Builds a gate; all sizing happens here so that {@link #check} never allocates.
     *
     * @param limits      the limits, copied: later changes to {@code limits.restricted()} have no effect
     * @param instruments how many instruments the engine knows; valid ids are {@code 0..instruments-1}
     * @param zone        the daily notional is counted per local date in this zone
     * @throws IllegalArgumentException when the restricted flags do not cover exactly {@code instruments} ids
     */
    public RiskGate(final RiskLimits limits, final int instruments, final ZoneOffsetTable zone) {
        Objects.requireNonNull(limits, "limits");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (instruments < 0 || limits.restricted().length != instruments) {
            throw new IllegalArgumentException("risk limits have " + limits.restricted().length
                + " restricted flags but the engine has " + instruments + " instruments: give one flag per id");
        }
        this.instruments = instruments;
        restricted = limits.restricted().clone();
        maxOrderQuantity = limits.maxOrderQuantity();
        maxOrderNotional = limits.maxOrderNotional();
        priceCollarPpm = limits.priceCollarPpm();
        maxNotionalPerDay = limits.maxNotionalPerDay();
        sendTimes = new long[limits.maxOrdersPerSecond()];
        state = limits.initialState();
    }

    /**
     * Checks one child order and, only if it passes every rule, records it against the rate window and the
     * trading day's notional.
     *
     * @param timeNanos      event time of the decision, epoch nanoseconds
     * @param instrumentId   dense instrument id
     * @param side           {@link Side#BUY} or {@link Side#SELL}
     * @param quantity       units, positive
     * @param limitPrice     micros, positive
     * @param referencePrice micros, positive: the price the collar is centred on (typically the mid)
     * @return {@link RiskVerdict#ACCEPTED} or the first rule broken, in the order documented on the class
     */
    public RiskVerdict check(final long timeNanos, final int instrumentId, final byte side, final long quantity,
        final long limitPrice, final long referencePrice) {
        final RiskVerdict verdict = evaluate(timeNanos, instrumentId, side, quantity, limitPrice, referencePrice);
        verdictCounts[verdict.ordinal()]++;
        return verdict;
    }

    /** Flips the kill switch; {@code null} fails closed to {@link TradingState#HALTED} rather than throwing. */
    public void tradingState(final TradingState newState) {
        state = newState == null ? TradingState.HALTED : newState;
    }

    /** The kill switch as it stands; initially {@link RiskLimits#initialState()}. */
    public TradingState tradingState() {
        return state;
    }

    /** How many checks ended with this verdict since the gate was built; 0 for {@code null}. */
    public long count(final RiskVerdict verdict) {
        return verdict == null ? 0 : verdictCounts[verdict.ordinal()];
    }

    /**
     * Notional accepted on the trading day of the latest accepted order, in micros. It drops to zero with
     * the first accepted order of a new day: until then it still shows the previous day's total.
     */
    public long dailyNotional() {
        return dailyNotional;
    }

    private RiskVerdict evaluate(final long timeNanos, final int instrumentId, final byte side, final long quantity,
        final long limitPrice, final long referencePrice) {
        if (!isWellFormed(instrumentId, side, quantity, limitPrice, referencePrice)) {
            return RiskVerdict.INVALID_ORDER;
        }
        final long notional = Fixed.multiply(quantity, limitPrice);
        if (notional == Fixed.OVERFLOW) {
            return RiskVerdict.INVALID_ORDER;
        }
        if (state == TradingState.HALTED) {
            return RiskVerdict.HALTED;
        }
        if (state == TradingState.REDUCING && side == Side.BUY) {
            return RiskVerdict.REDUCING_ONLY;
        }
        if (restricted[instrumentId]) {
            return RiskVerdict.RESTRICTED;
        }
        if (quantity > maxOrderQuantity) {
            return RiskVerdict.MAX_QUANTITY;
        }
        if (notional > maxOrderNotional) {
            return RiskVerdict.MAX_NOTIONAL;
        }
        if (isOutsideCollar(limitPrice, referencePrice)) {
            return RiskVerdict.PRICE_COLLAR;
        }
        final long now = Math.max(timeNanos, latestAcceptedNanos);
        if (isRateWindowFull(now)) {
            return RiskVerdict.RATE_LIMIT;
        }
        final long day = zone.localEpochDay(now);
        final long usedToday = day == tradingDay ? dailyNotional : 0;
        if (notional > maxNotionalPerDay - usedToday) {
            return RiskVerdict.DAILY_NOTIONAL;
        }
        record(now, day, usedToday + notional);
        return RiskVerdict.ACCEPTED;
    }

    private boolean isWellFormed(final int instrumentId, final byte side, final long quantity,
        final long limitPrice, final long referencePrice) {
        return quantity > 0 && limitPrice > 0 && referencePrice > 0
            && instrumentId >= 0 && instrumentId < instruments
            && (side == Side.BUY || side == Side.SELL);
    }

    /**
     * True when {@code |limit - reference| * 1e6 > collarPpm * reference}. Both prices are positive, so the
     * difference cannot overflow; the right-hand side is taken as {@code floor(reference * ppm / 1e6)}, which
     * gives the same answer for an integer distance and never needs a 128-bit product.
     */
    private boolean isOutsideCollar(final long limitPrice, final long referencePrice) {
        final long distance = Math.abs(limitPrice - referencePrice);
        return distance > allowedDistance(referencePrice, priceCollarPpm);
    }

    /**
     * {@code floor(reference * ppm / 1e6)} for a positive reference, saturating at {@link Long#MAX_VALUE}:
     * {@link Fixed#applyPpm} is exact up to 100%, and a collar wider than that may not fit in a long.
     */
    static long allowedDistance(final long referencePrice, final int ppm) {
        if (ppm <= Ppm.ONE) {
            return Fixed.applyPpm(referencePrice, ppm);
        }
        final long whole = Fixed.multiply(referencePrice / Ppm.ONE, ppm);
        final long rest = referencePrice % Ppm.ONE * ppm / Ppm.ONE;
        if (whole == Fixed.OVERFLOW || whole > Long.MAX_VALUE - rest) {
            return Long.MAX_VALUE;
        }
        return whole + rest;
    }

    /**
     * True when the last {@code maxOrdersPerSecond} accepted orders all fall within one second before
     * {@code now}. {@code now} is never before the newest entry, so the distance to the oldest is in
     * {@code [0, 2^64)}; comparing it unsigned stays right even across the whole range of {@code long}.
     */
    private boolean isRateWindowFull(final long now) {
        return recorded == sendTimes.length && Long.compareUnsigned(now - sendTimes[next], ONE_SECOND_NANOS) < 0;
    }

    private void record(final long now, final long day, final long notionalToday) {
        sendTimes[next] = now;
        next = next + 1 == sendTimes.length ? 0 : next + 1;
        if (recorded < sendTimes.length) {
            recorded++;
        }
        latestAcceptedNanos = now;
        tradingDay = day;
        dailyNotional = notionalToday;
    }

    /** How many accepted orders the rate window holds: a snapshot's rate window only fits a gate of this size. */
    public int rateWindow() {
        return sendTimes.length;
    }

    /** Bytes {@link #writeTo} writes. */
    public int snapshotBytes() {
        return longs(sendTimes.length + verdictCounts.length + 3) + ints(3);
    }

    /**
     * Writes the gate's state for an engine snapshot: the rate window, the trading day's notional, the kill switch
     * and the verdict counts; the limits come from the configuration. A field added here is added to
     * {@link #readFrom} too. The kill switch is written as its ordinal: reordering {@link TradingState} changes the
     * snapshot layout.
     *
     * @return the offset just past what was written
     */
    public int writeTo(final MutableDirectBuffer buffer, final int offset) {
        int at = putLongs(buffer, offset, sendTimes);
        at = putLongs(buffer, at, verdictCounts);
        at = putInt(buffer, at, next);
        at = putInt(buffer, at, recorded);
        at = putLong(buffer, at, latestAcceptedNanos);
        at = putLong(buffer, at, tradingDay);
        at = putLong(buffer, at, dailyNotional);
        return putInt(buffer, at, state.ordinal());
    }

    /**
     * Reads back what {@link #writeTo} wrote into a gate built with the same rate window.
     *
     * @return the offset just past what was read
     */
    public int readFrom(final DirectBuffer buffer, final int offset) {
        int at = getLongs(buffer, offset, sendTimes);
        at = getLongs(buffer, at, verdictCounts);
        next = getInt(buffer, at);
        at += Integer.BYTES;
        recorded = getInt(buffer, at);
        at += Integer.BYTES;
        latestAcceptedNanos = getLong(buffer, at);
        at += Long.BYTES;
        tradingDay = getLong(buffer, at);
        at += Long.BYTES;
        dailyNotional = getLong(buffer, at);
        at += Long.BYTES;
        state = TRADING_STATES[getInt(buffer, at)];
        return at + Integer.BYTES;
    }
}
