package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.plan.RebalancePlanner;
import io.rebalancer.engine.plan.TradePlan;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One full rebalance plan of a drifted portfolio of {@code assets} assets, beside a naive planner:
 * <ul>
 *     <li>{@code enginePlan}: {@code RebalancePlanner} as the engine's desk uses it: {@code planSells}, the sells
 *     booked into the portfolio as open orders (their proceeds count as cash), then {@code planBuys}; then the sells
 *     are released again ({@code remainderReleased}, {@code orderClosed}) so every operation plans from the same
 *     state. The release is O(sells) and is measured too; the risk gate is not (see {@code RiskGateBenchmark}).</li>
 *     <li>{@code naivePlan}: {@link NaivePlanner}: maps, doubles and a new list of new order objects.</li>
 * </ul>
 * The portfolio: equal targets except the last slot (target 0: a full exit), even slots 30% over target and odd slots
 * 30% under, 2% cash, a 1% cash buffer, a minimum notional of 100.00, lots of 1, 10 and 100 in turn, prices from 50
 * to 149, a one-cent spread either side, a 0.1% limit collar. Everything trades: sells on the overweight slots and the
 * exit, buys on the underweight ones. {@code EngineBenchmarksCheckTest} checks the naive planner trades every symbol in
 * the same direction as the engine. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
public class PlannerBenchmark extends JmhDefaults {
    static final long[] LOTS = {1, 10, 100};
    static final int COLLAR_PPM = 1_000;
    static final int CASH_BUFFER_PPM = 10_000;
    static final long MIN_NOTIONAL = 100 * Fixed.SCALE;
    /** Total value before the drift: 10,000,000.00. */
    static final long VALUE = 10_000_000 * Fixed.SCALE;

    @Param({"10", "100"})
    public int assets;

    private RebalancePlanner planner;
    private Portfolio portfolio;
    private PriceBoard board;
    private TradePlan sells;
    private TradePlan buys;
    private NaivePlanner naive;

    /** The drifted portfolio, its instruments and their quotes, in micros. */
    record Drifted(InstrumentUniverse universe, PortfolioSpec spec, long[] bids, long[] asks) {
        Portfolio portfolio() {
            final Portfolio portfolio = new Portfolio(spec);
            final PriceBoard board = board();
            for (int k = 0; k < spec.assets(); k++) {
                portfolio.mark(k, board.mark(k));
            }
            return portfolio;
        }

        PriceBoard board() {
            final PriceBoard board = new PriceBoard(bids.length);
            for (int i = 0; i < bids.length; i++) {
                board.update(i, bids[i], asks[i], 0, EngineFixtures.T0);
            }
            return board;
        }

        NaivePlanner naive() {
            final Map<String, Double> holdings = new HashMap<>();
            final Map<String, Double> targets = new HashMap<>();
            final Map<String, Double> bidMap = new HashMap<>();
            final Map<String, Double> askMap = new HashMap<>();
            final Map<String, Double> lots = new HashMap<>();
            for (int k = 0; k < spec.assets(); k++) {
                final Instrument instrument = universe.get(spec.instrumentIds()[k]);
                final String symbol = instrument.symbol();
                holdings.put(symbol, (double)spec.quantities()[k]);
                targets.put(symbol, Ppm.toFraction(spec.targetPpm()[k]));
                bidMap.put(symbol, Fixed.toDouble(bids[instrument.id()]));
                askMap.put(symbol, Fixed.toDouble(asks[instrument.id()]));
                lots.put(symbol, (double)instrument.lotSize());
            }
            return new NaivePlanner(holdings, targets, bidMap, askMap, lots, Fixed.toDouble(spec.cash()),
                Ppm.toFraction(spec.cashBufferPpm()), Fixed.toDouble(spec.minTradeNotional()),
                Ppm.toFraction(COLLAR_PPM), Fixed.toDouble(EngineFixtures.CENT));
        }
    }

    /** The benchmark's portfolio: see the class comment. */
    static Drifted drifted(final int assets) {
        final double[] drift = new double[assets];
        for (int k = 0; k < assets; k++) {
            drift[k] = k % 2 == 0 ? 1.3 : 0.7;
        }
        drift[assets - 1] = 0;
        return drifted(assets, drift, 0.02);
    }

    /**
     * A portfolio whose slot k holds {@code drift[k]} times its target value in whole lots (the last slot, target 0,
     * holds 1% of the value whatever {@code drift} says), plus {@code cashFraction} of the value in cash.
     */
    static Drifted drifted(final int assets, final double[] drift, final double cashFraction) {
        final List<Instrument> instruments = new ArrayList<>();
        final long[] bids = new long[assets];
        final long[] asks = new long[assets];
        final int[] ids = new int[assets];
        final long[] quantities = new long[assets];
        final int[] targets = new int[assets];
        final int[] bands = new int[assets];
        for (int k = 0; k < assets; k++) {
            final long lot = LOTS[k % LOTS.length];
            instruments.add(new Instrument(k, EngineFixtures.symbol(k), EngineFixtures.CENT, lot, Long.MAX_VALUE / 4));
            final long mid = (50 + (k * 37) % 100) * Fixed.SCALE + (k % 100) * EngineFixtures.CENT;
            bids[k] = mid - EngineFixtures.CENT;
            asks[k] = mid + EngineFixtures.CENT;
            ids[k] = k;
            targets[k] = k == assets - 1 ? 0 : Ppm.ONE / (assets - 1);
            final double value = k == assets - 1 ? VALUE * 0.01 : VALUE * Ppm.toFraction(targets[k]) * drift[k];
            quantities[k] = (long)(value / mid / lot) * lot;
            bands[k] = Math.max(targets[k] / 4, 1_000);
        }
        targets[0] += Ppm.ONE - targets[0] * (assets - 1);
        final PortfolioSpec spec = new PortfolioSpec(0, "drifted", (long)(VALUE * cashFraction), ids, quantities,
            targets, bands, new int[assets], 0, 200_000, CASH_BUFFER_PPM, MIN_NOTIONAL, PlannerMode.TO_TARGET,
            TriggerKind.THRESHOLD, null);
        return new Drifted(new InstrumentUniverse(instruments), spec, bids, asks);
    }

    @Setup(Level.Trial)
    public void setUp() {
        final Drifted drifted = drifted(assets);
        planner = new RebalancePlanner(drifted.universe(), COLLAR_PPM, assets);
        portfolio = drifted.portfolio();
        board = drifted.board();
        sells = new TradePlan(assets);
        buys = new TradePlan(assets);
        naive = drifted.naive();
    }

    /** Plans sells, books them, plans buys; then releases the sells again. Returns sells x 1000 + buys. */
    @Benchmark
    public int enginePlan() {
        plan(planner, portfolio, board, sells, buys);
        unbook(portfolio, sells);
        return sells.size() * 1000 + buys.size();
    }

    /** The naive planner: a new list of new orders. */
    @Benchmark
    public List<NaivePlanner.Order> naivePlan() {
        return naive.plan();
    }

    /** Both phases as the engine's desk runs them (every sell accepted), leaving the sells booked. */
    static void plan(final RebalancePlanner planner, final Portfolio portfolio, final PriceBoard board,
        final TradePlan sells, final TradePlan buys) {
        planner.planSells(portfolio, board, sells);
        for (int i = 0; i < sells.size(); i++) {
            portfolio.orderOpened(sells.slot(i), Side.SELL, sells.quantity(i), sells.limitPrice(i));
        }
        planner.planBuys(portfolio, board, buys);
    }

    /** Takes the booked sells out again: the portfolio is exactly as before {@link #plan}. */
    static void unbook(final Portfolio portfolio, final TradePlan sells) {
        for (int i = 0; i < sells.size(); i++) {
            portfolio.remainderReleased(sells.slot(i), Side.SELL, sells.quantity(i), sells.limitPrice(i));
            portfolio.orderClosed();
        }
    }
}
