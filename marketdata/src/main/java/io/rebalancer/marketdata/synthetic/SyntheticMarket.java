package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.marketdata.TickSink;

import java.util.List;

/**
 * A seeded market of N instruments whose mids follow correlated geometric Brownian motion, publishing
 * two-sided quotes to a {@link TickSink} (the market-data edge, or a venue's market-data publisher) in simulated
 * event time. Each instrument's ticks are numbered 1, 2, 3, ... (its sequence), as a real feed numbers them.
 * <p>
 * Ticks are numbered 0, 1, 2, ... and tick {@code j} has event time {@code start + j * tickInterval}. They come
 * in steps of one tick per instrument, in model order: at the start of each step but the first, every log
 * price moves once by {@code (mu - sigma^2 / 2) dt + sigma sqrt(dt) z}, where {@code dt} is the step's length
 * ({@code instruments * tickInterval}) and {@code z = L e} makes the independent normals {@code e} correlated
 * through the Cholesky factor {@code L}. So the first step publishes the starting prices.
 * <p>
 * A published price is exact fixed point: the mid leaves {@code double} once through {@link Fixed#fromDouble};
 * bid, ask and last are then derived with integer arithmetic and put on the instrument's tick (bid rounded down,
 * ask up, last to nearest, at least one tick apart and never below one tick). The log price itself is never
 * clamped, so the model's statistics hold; only the published mid is clamped to [one tick, 10^9].
 * <p>
 * Single-threaded: call {@link #run(long)} from one thread. It allocates nothing per tick: the state is a few
 * pre-allocated arrays and the random source draws without allocating.
 */
public final class SyntheticMarket {
    /** The synthetic market never closes, so a year is 365.25 days of simulated time. */
    static final double NANOS_PER_YEAR = 365.25 * 86_400 * 1e9;
    /** The largest published mid, in currency units: far above any real price, far below {@link Fixed}'s range. */
    static final double MAX_MID = 1e9;

    private final TickSink sink;
    private final LatestQuotes quotes;
    private final int count;
    private final long startEpochNanos;
    private final long tickIntervalNanos;
    private final int[] instrumentIds;
    private final long[] tickSize;
    private final long[] halfSpreadPpm;
    private final double[] driftPerStep;
    private final double[] volatilityPerStep;
    private final double[] lower;
    private final double[] logPrice;
    private final double[] normals;
    private final GaussianSource gaussians;
    private long published;

    /**
     * @param model     the instruments, correlation, seed and clock
     * @param sink      where {@link #run(long)} and {@link #publishNext()} send the ticks
     * @param quotes    updated with each tick before it is published, for a venue; sized for the instrument ids;
     *                  null when the ticks' receiver keeps its own board
     */
    public SyntheticMarket(final MarketModel model, final TickSink sink, final LatestQuotes quotes) {
        this.sink = sink;
        this.quotes = quotes;
        final List<InstrumentModel> instruments = model.instruments();
        count = instruments.size();
        startEpochNanos = model.startEpochNanos();
        tickIntervalNanos = model.tickIntervalNanos();
        instrumentIds = new int[count];
        tickSize = new long[count];
        halfSpreadPpm = new long[count];
        driftPerStep = new double[count];
        volatilityPerStep = new double[count];
        logPrice = new double[count];
        normals = new double[count];
        lower = Cholesky.decompose(model.correlation());
        gaussians = new GaussianSource(model.seed());
        final double dt = (double)tickIntervalNanos * count / NANOS_PER_YEAR;
        for (int i = 0; i < count; i++) {
            final InstrumentModel m = instruments.get(i);
            if (quotes != null && m.instrumentId() >= quotes.instruments()) {
                throw new IllegalArgumentException("instrument id " + m.instrumentId() + " beyond the quote board");
            }
            instrumentIds[i] = m.instrumentId();
            tickSize[i] = m.tickSize();
            halfSpreadPpm[i] = Math.round(m.halfSpreadBps() * 100);
            final double sigma = m.annualVolatility();
            driftPerStep[i] = (m.annualDrift() - 0.5 * sigma * sigma) * dt;
            volatilityPerStep[i] = sigma * Math.sqrt(dt);
            logPrice[i] = Math.log(Fixed.toDouble(m.startPrice()));
        }
    }

    /** Publishes the next {@code ticks} ticks on the caller's thread, as fast as the sink takes them. */
    public void run(final long ticks) {
        for (long i = 0; i < ticks; i++) {
            publishNext();
        }
    }

    /** Publishes one tick to the market's own sink. */
    public void publishNext() {
        publishNext(sink);
    }

    /** Publishes one tick to {@code sink}: moves the model first when a new step begins. */
    public void publishNext(final TickSink sink) {
        final int index = (int)(published % count);
        if (index == 0 && published > 0) {
            step();
        }
        final long time = nextTickTime();
        final long tick = tickSize[index];
        final double model = Math.exp(logPrice[index]);
        final long mid = Fixed.fromDouble(Math.min(MAX_MID, Math.max(Fixed.toDouble(tick), model)));
        final long half = Fixed.applyPpm(mid, halfSpreadPpm[index]);
        final long bid = Math.max(tick, Math.floorDiv(mid - half, tick) * tick);
        final long ask = Math.max(bid + tick, -Math.floorDiv(-(mid + half), tick) * tick);
        final long last = Math.min(ask, Math.max(bid, Math.floorDiv(mid + tick / 2, tick) * tick));
        final int instrument = instrumentIds[index];
        if (quotes != null) {
            quotes.update(instrument, bid, ask, time);
        }
        final long sequence = published / count + 1;
        published++;
        sink.onTick(time, instrument, bid, ask, last, 0, sequence);
    }

    /** Moves every log price one step; package-private so tests can check the model's statistics directly. */
    void step() {
        for (int i = 0; i < count; i++) {
            normals[i] = gaussians.next();
        }
        for (int i = 0; i < count; i++) {
            double z = 0;
            final int row = i * count;
            for (int j = 0; j <= i; j++) {
                z += lower[row + j] * normals[j];
            }
            logPrice[i] += driftPerStep[i] + volatilityPerStep[i] * z;
        }
    }

    /** The model's natural log of the mid (currency units) of the instrument at model position {@code index}. */
    double logPrice(final int index) {
        return logPrice[index];
    }

    /** The model's length of one step (every instrument once) in years. */
    double stepYears() {
        return (double)tickIntervalNanos * count / NANOS_PER_YEAR;
    }

    /** How many instruments move together in one step. */
    public int instruments() {
        return count;
    }

    /** Ticks published so far. */
    public long ticksPublished() {
        return published;
    }

    /** Event time the next tick will carry. */
    public long nextTickTime() {
        return startEpochNanos + published * tickIntervalNanos;
    }

    /** Event time of the latest published tick, or {@link Long#MIN_VALUE} before the first. */
    public long lastTickTime() {
        return published == 0 ? Long.MIN_VALUE : startEpochNanos + (published - 1) * tickIntervalNanos;
    }

    /** How many ticks can still be published with an event time strictly before {@code timeNanos}. */
    public long ticksBefore(final long timeNanos) {
        final long next = nextTickTime();
        if (timeNanos <= next) {
            return 0;
        }
        return (timeNanos - next + tickIntervalNanos - 1) / tickIntervalNanos;
    }
}
