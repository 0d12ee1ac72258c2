package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * The end-to-end scenarios' market and books: eight portfolios of ten equally weighted instruments at 100.00, and a
 * tick stream in which one tick in {@code ticksPerCause} starts a causing moment: a pair of one portfolio's
 * "movers" jumps out of their bands, one up and one down, and causes orders, while all the other ticks wander a cent
 * inside the bands.
 * <pre>
 *   instruments 0..15  movers, 2p and 2p+1 of portfolio p; they tick only when they jump, both at once (two ring
 *                      slots made visible together, so one batch): 2p to 100.70 as 2p+1 goes to 99.30, then both
 *                      back to 100.00; the eight pairs take turns
 *   instruments 16..79 wanderers, eight per portfolio, one tick each in turn, mid 100.00 +/- 0.01, spread 0.02
 *   portfolio p        its two movers and eight wanderers, 10,000 units each (10%, band +/- 0.05 points), cash
 *                      equal to its 5% buffer, rebalanced to target
 * </pre>
 * Every tick revalues exactly one portfolio of ten assets, so the engine's work per tick is that of one such book.
 * <p>
 * Why these numbers. A 0.7% jump of a 10% holding moves its weight by 0.07 points: over the 0.05-point band (drift
 * ratio 1.4), both ways, so every jump is a breach. The planner ({@link PlannerMode#TO_TARGET}) sells the mover that
 * rose and buys the one that fell, back to target: two orders per causing moment, the buy paid by the sale planned
 * just before it. The two moves cancel in the portfolio's value, so the other slots do not move. (Why a pair: a lone
 * mover's sale leaves its cash spare until its buy back, a rebalance in between may spend that cash on the other
 * slots, and then the buy back can never be paid and the book stalls.) Each round earns a little (selling high,
 * buying back low, about 0.0006% of the book), which leaves the other slots slowly underweight: every few hundred
 * rounds a rebalance also buys them back, a handful of orders more, long before they could breach a band, as the
 * minimum trade (3,000, 0.03 points) is inside the re-arm edge (band x (1 - 20% hysteresis) = 0.04 points); so every
 * rebalance also leaves the trigger armed. The books grow by those earnings, about 8% per 100,000 causing moments:
 * the risk limits below hold for hours at the harness's rates.
 * <p>
 * The pairs take turns, so a pair's orders have eight causing moments' time to be filled before it jumps again; a
 * pair whose portfolio still has an order working (a slow venue, a stalled thread) is passed over for the next one
 * settled, and a moment with no pair settled is skipped, counted, with a wanderer's tick in its place (see
 * {@link #settledPair}). The offered tick rate never changes.
 * <p>
 * The engine's settings are the shipped {@code config/engine.conf} (ring, price age, order capacity, collar) with
 * two changes: the risk gate's rate and notional limits are raised so that the harness's order rate (a thousand
 * orders a second, against the shipped 50) is never refused, and working orders are kept rather than replaced, so a
 * late fill never turns into a cancel/replace exchange (the shipped file says replace).
 * <p>
 * The injector's thread only: {@link #publish} keeps which way each instrument moves next. The engine's ring is
 * multi-producer (see {@link #jumpPair}).
 */
final class RebalancingLoad {
    static final int PORTFOLIOS = 8;
    static final int ASSETS = 10;
    static final int INSTRUMENTS = PORTFOLIOS * ASSETS;
    /** Instruments 0 to {@code MOVERS - 1}: rising mover 2p and falling mover 2p + 1 of each portfolio p. */
    static final int MOVERS = 2 * PORTFOLIOS;
    private static final int WANDERERS = INSTRUMENTS - MOVERS;
    /** At least this many ticks per causing moment: most ticks only wander. */
    static final int MIN_TICKS_PER_CAUSE = 10;
    static final long UNITS = 10_000;
    static final long BASE_MID = 100 * Fixed.SCALE;
    static final long HALF_SPREAD = Fixed.SCALE / 100;
    static final long WANDER = Fixed.SCALE / 100;
    static final long JUMP = 7 * Fixed.SCALE / 10;
    private static final int BAND_PPM = 500;
    private static final int HYSTERESIS_PPM = 200_000;
    private static final int CASH_BUFFER_PPM = 50_000;
    private static final long MIN_TRADE = 3_000 * Fixed.SCALE;
    private static final int RING_SIZE = 65_536;
    private static final int ORDER_CAPACITY = 4_096;
    private static final int LIMIT_COLLAR_PPM = 1_000;
    private static final int PRICE_COLLAR_PPM = 10_000;
    private static final int MAX_ORDERS_PER_SECOND = 20_000;
    private static final long MAX_ORDER_QUANTITY = 100_000_000;
    private static final long MAX_ORDER_NOTIONAL = 10_000_000_000L * Fixed.SCALE;

    private final InboundPublisher publisher;
    private final RingBuffer<InboundEvent> ring;
    private final IntPredicate noOrderWorking;
    /** Per portfolio: the ring sequence of its pair's last jump. */
    private final long[] lastJump = new long[PORTFOLIOS];
    /** Moments whose turn came while no pair was settled: a wanderer ticked instead. */
    private long skippedMoments;
    /** Whether the last moment's pair went out, taking the next index's tick with it. */
    private boolean pairSent;
    /** Per portfolio: whether its pair is apart (rising mover above 100, falling below) or both at 100. */
    private final boolean[] apart = new boolean[PORTFOLIOS];
    private final boolean[] wanderUp = new boolean[INSTRUMENTS];
    private int nextPair;
    private int nextWanderer;

    /**
     * @param publisher      the engine's way in, for the wanderers' ticks
     * @param ring           the same ring, for the movers' pairs (see {@link #jumpPair})
     * @param noOrderWorking whether a portfolio has no order working, as of the last event the engine finished
     */
    RebalancingLoad(final InboundPublisher publisher, final RingBuffer<InboundEvent> ring,
        final IntPredicate noOrderWorking) {
        this.publisher = publisher;
        this.ring = ring;
        this.noOrderWorking = noOrderWorking;
        Arrays.fill(lastJump, -1);
    }

    /** The configuration both scenarios run: the shipped engine settings, the books above, generous risk limits. */
    static EngineConfig config(final WaitStrategyKind waitStrategy) {
        final List<Instrument> instruments = new ArrayList<>();
        for (int id = 0; id < INSTRUMENTS; id++) {
            instruments.add(new Instrument(id, (id < MOVERS ? "MOVER" : "WANDER") + id, Fixed.SCALE / 100, 1,
                1_000_000 * Fixed.SCALE));
        }
        final List<PortfolioSpec> books = new ArrayList<>();
        for (int p = 0; p < PORTFOLIOS; p++) {
            books.add(book(p));
        }
        final EngineSettings settings = new EngineSettings(RING_SIZE, waitStrategy, TimeUnit.MINUTES.toNanos(1),
            ORDER_CAPACITY, 1, LIMIT_COLLAR_PPM, ZoneId.of("America/New_York"));
        final RiskLimits risk = new RiskLimits(MAX_ORDER_QUANTITY, MAX_ORDER_NOTIONAL, PRICE_COLLAR_PPM,
            MAX_ORDERS_PER_SECOND, Long.MAX_VALUE / 4, new boolean[INSTRUMENTS], TradingState.ACTIVE);
        final OrderPolicy orders = new OrderPolicy(TimeUnit.MINUTES.toNanos(15), OrderPolicy.WorkingOrderPolicy.KEEP,
            OrderPolicy.ShutdownOrders.CANCEL, TimeUnit.SECONDS.toNanos(1), TimeUnit.MINUTES.toNanos(5),
            TimeUnit.MINUTES.toNanos(2));
        return new EngineConfig(settings, new InstrumentUniverse(instruments), risk, books, orders);
    }

    /** Portfolio {@code p}: its two movers in slots 0 and 1, its eight wanderers after them. */
    private static PortfolioSpec book(final int p) {
        final int[] ids = new int[ASSETS];
        final long[] quantities = new long[ASSETS];
        final int[] targets = new int[ASSETS];
        final int[] bands = new int[ASSETS];
        for (int k = 0; k < ASSETS; k++) {
            ids[k] = k < 2 ? 2 * p + k : MOVERS + p * (ASSETS - 2) + k - 2;
            quantities[k] = UNITS;
            targets[k] = Ppm.ONE / ASSETS;
            bands[k] = BAND_PPM;
        }
        final long invested = ASSETS * UNITS * BASE_MID;
        // Cash equal to its buffer: buffer = 5% of (invested + cash), so cash = invested x 5 / 95.
        final long cash = invested / (Ppm.ONE - CASH_BUFFER_PPM) * CASH_BUFFER_PPM;
        return new PortfolioSpec(p, "harness-" + p, cash, ids, quantities, targets, bands, new int[ASSETS], 0,
            HYSTERESIS_PPM, CASH_BUFFER_PPM, MIN_TRADE, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
    }

    /** Ticks per causing moment at an offered rate: at least {@link #MIN_TICKS_PER_CAUSE}, at most the cause rate. */
    static int ticksPerCause(final double ticksPerSecond, final double maxCausesPerSecond) {
        return (int)Math.max(MIN_TICKS_PER_CAUSE, Math.ceil(ticksPerSecond / maxCausesPerSecond));
    }

    /** Whether a ring event is a causing tick: a mover's jump. */
    static boolean isCause(final InboundEvent event) {
        return event.type() == InboundEvent.TICK && event.instrumentId() < MOVERS;
    }

    /** The portfolio a mover belongs to. */
    static int portfolioOf(final int mover) {
        return mover / 2;
    }

    /** One tick of every instrument at its current level, so every slot has a price before the load starts. */
    void seed(final long eventTime) {
        for (int id = 0; id < INSTRUMENTS; id++) {
            final long mid = id < MOVERS ? moverMid(id) : BASE_MID;
            publisher.tick(eventTime, id, mid - HALF_SPREAD, mid + HALF_SPREAD, mid);
        }
    }

    /**
     * Publishes tick {@code index} of a run: a causing moment when the index is a multiple of {@code ticksPerCause}
     * (ticks {@code index} and {@code index + 1}, both at this moment), nothing at the index after it (its tick went
     * with the pair), else the next wanderer's step; a skipped moment's two ticks are wanderers'. So the offered rate
     * is the rate of ticks, moments or not. Waits while the ring is full (the engine is behind: the tick is late, and
     * its latency from the intended time says so).
     */
    void publish(final long index, final long eventTime, final int ticksPerCause) {
        final long phase = index % ticksPerCause;
        if (phase == 0) {
            final int p = settledPair();
            pairSent = p >= 0;
            if (pairSent) {
                jumpPair(p, eventTime);
                return;
            }
            skippedMoments++;
        } else if (phase == 1 && pairSent) {
            return;
        }
        wander(eventTime);
    }

    /** Moments skipped so far because no pair was settled; the injector's thread. */
    long skippedMoments() {
        return skippedMoments;
    }

    /**
     * The next pair in turn whose last jump the engine has handled and whose portfolio has no order working, or -1.
     * A pair that jumped back while its own orders still work could trade only half its moment (a slot with a sale
     * working is not bought): its book would stay outside its band both ways and its trigger disarmed for good. So a
     * slow venue (or a stalled thread) thins the causing moments, counted, instead of stalling books.
     */
    private int settledPair() {
        final long handled = ring.getMinimumGatingSequence();
        for (int k = 0; k < PORTFOLIOS; k++) {
            final int p = nextPair + k < PORTFOLIOS ? nextPair + k : nextPair + k - PORTFOLIOS;
            if (lastJump[p] <= handled && noOrderWorking.test(p)) {
                nextPair = p + 1 == PORTFOLIOS ? 0 : p + 1;
                return p;
            }
        }
        return -1;
    }

    private void wander(final long eventTime) {
        final int id = MOVERS + nextWanderer;
        nextWanderer = nextWanderer + 1 == WANDERERS ? 0 : nextWanderer + 1;
        wanderUp[id] = !wanderUp[id];
        final long mid = wanderUp[id] ? BASE_MID + WANDER : BASE_MID - WANDER;
        publisher.tick(eventTime, id, mid - HALF_SPREAD, mid + HALF_SPREAD, mid);
    }

    /**
     * Both movers of the next pair in two adjacent ring slots, the one that rises (and will be sold) first, made
     * visible together: the later slot is published first, so a consumer that finds the earlier one finds both, and
     * the engine judges the pair in one batch. ({@link InboundPublisher#publish(long, long)} marks the earlier slot
     * first, and a consumer polling at that moment takes it alone; the pair's sale would then be judged before its
     * buy, and a rebalance in between could spend the sale's cash.)
     */
    private void jumpPair(final int p, final long eventTime) {
        apart[p] = !apart[p];
        final int seller = apart[p] ? 2 * p : 2 * p + 1;
        final int buyer = apart[p] ? 2 * p + 1 : 2 * p;
        final long last = ring.next(2);
        final long up = moverMid(seller);
        final long down = moverMid(buyer);
        ring.get(last - 1).tick(eventTime, seller, up - HALF_SPREAD, up + HALF_SPREAD, up);
        ring.get(last).tick(eventTime, buyer, down - HALF_SPREAD, down + HALF_SPREAD, down);
        ring.publish(last);
        ring.publish(last - 1);
        lastJump[p] = last;
    }

    private long moverMid(final int id) {
        if (!apart[id / 2]) {
            return BASE_MID;
        }
        return (id & 1) == 0 ? BASE_MID + JUMP : BASE_MID - JUMP;
    }
}
