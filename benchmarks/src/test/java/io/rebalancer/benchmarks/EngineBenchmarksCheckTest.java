package io.rebalancer.benchmarks;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.drift.DriftCalculator;
import io.rebalancer.engine.drift.DriftStatus;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.plan.RebalancePlanner;
import io.rebalancer.engine.plan.TradePlan;
import io.rebalancer.engine.risk.RiskGate;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.engine.trigger.TriggerReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baselines the engine benchmarks are judged against compute the same answer as the engine on the same data, so
 * a ratio between them compares two ways of doing one job, not two jobs: the naive and bare-array drift checks say
 * "out of bands" exactly when the engine's {@code DriftCalculator} does; the naive fan-out finds exactly the
 * portfolios the engine triggers on; the naive planner trades each symbol the engine trades, the same way; the naive
 * risk gate gives the engine's verdict for every order. Also that the per-tick benchmarks stay inside their bands
 * (no plan is measured by accident). Not a JMH run: each benchmark's code is called directly.
 */
class EngineBenchmarksCheckTest {
    private static final long NOW = EngineFixtures.T0;

    @Test
    void driftBaselinesSayOutOfBandsExactlyWhenTheDriftCalculatorDoes() {
        final SplittableRandom random = new SplittableRandom(11);
        final DriftCalculator drift = new DriftCalculator();
        int breaches = 0;
        int inside = 0;
        for (int round = 0; round < 300; round++) {
            final int assets = 2 + random.nextInt(40);
            final int[] ids = new int[assets];
            final long[] quantities = new long[assets];
            final int[] targets = new int[assets];
            final int[] absolute = new int[assets];
            final int[] relative = new int[assets];
            final long[] mids = new long[assets];
            int left = Ppm.ONE;
            // Holdings near their targets (a value of about 1,000,000.00), some off by up to 40%; some targets 0.
            for (int k = 0; k < assets; k++) {
                ids[k] = k;
                targets[k] = k == assets - 1 ? left
                    : random.nextInt(6) == 0 ? 0 : random.nextInt(left / (assets - k) * 2 + 1);
                left -= targets[k];
                absolute[k] = 1_000 + random.nextInt(60_000);
                relative[k] = random.nextInt(3) == 0 ? 100_000 + random.nextInt(400_000) : 0;
                mids[k] = (1 + random.nextInt(500)) * Fixed.SCALE + random.nextInt(100) * EngineFixtures.CENT;
                final double off = random.nextInt(4) == 0 ? 0.8 * random.nextDouble() - 0.4 : 0;
                quantities[k] = (long)(1e6 * Ppm.toFraction(targets[k]) * (1 + off) / Fixed.toDouble(mids[k]));
            }
            final long cash = random.nextInt(3) == 0 ? 0 : random.nextLong(20_000 * Fixed.SCALE);
            final PortfolioSpec spec = new PortfolioSpec(0, "random", cash, ids, quantities, targets, absolute,
                relative, 0, 200_000, 0, 0, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD,
                null);
            final String[] symbols = EngineFixtures.symbols(assets);
            final Portfolio portfolio = new Portfolio(spec);
            final PriceBoard board = new PriceBoard(assets);
            final Map<String, Double> prices = new HashMap<>();
            for (int k = 0; k < assets; k++) {
                board.update(k, mids[k], mids[k], mids[k], NOW);
                portfolio.mark(k, board.mark(k));
                prices.put(symbols[k], Fixed.toDouble(mids[k]));
            }
            final NaivePortfolio naive = new NaivePortfolio(spec, symbols);
            final ArrayDriftLoop loop = new ArrayDriftLoop(spec, mids);
            for (int tick = 0; tick < 20; tick++) {
                final int k = random.nextInt(assets);
                final long price = Math.max(EngineFixtures.CENT,
                    board.mark(k) / 100 * (70 + random.nextInt(61)) / EngineFixtures.CENT * EngineFixtures.CENT);
                board.update(k, price, price, price, NOW);
                portfolio.mark(k, board.mark(k));
                prices.put(symbols[k], Fixed.toDouble(price));
                final boolean arrayBreach = loop.tick(k, price);
                final boolean naiveBreach = naive.isOutOfBands(prices);
                if (drift.evaluate(portfolio, board, NOW, EngineFixtures.MAX_PRICE_AGE) != DriftStatus.OK) {
                    continue;
                }
                final double ratio = drift.ratio();
                if (Math.abs(ratio - 1) < 1e-9) {
                    continue;
                }
                final boolean engineBreach = ratio > 1;
                assertEquals(engineBreach, arrayBreach, "array loop, round " + round + " tick " + tick);
                assertEquals(engineBreach, naiveBreach, "naive maps, round " + round + " tick " + tick);
                if (engineBreach) {
                    breaches++;
                } else {
                    inside++;
                }
            }
        }
        assertTrue(breaches > 500 && inside > 500, breaches + " out of bands, " + inside + " inside");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 100, 1000})
    void driftBenchmarkWandersInsideTheBands(final int assets) {
        final DriftUpdateBenchmark benchmark = new DriftUpdateBenchmark();
        benchmark.assets = assets;
        benchmark.setUp();
        final long before = benchmark.engineTick();
        for (int i = 1; i < 3 * assets; i++) {
            // The engine's sink throws on any order: a tick that left the bands would fail here.
            assertEquals(before + i, benchmark.engineTick(), "one evaluation per tick");
        }
        for (int i = 0; i < 3 * assets; i++) {
            final double ratio = benchmark.driftCalculator();
            assertTrue(ratio >= 0 && ratio < 0.01, "ratio " + ratio);
            assertFalse(benchmark.naiveMapTick());
            assertFalse(benchmark.bareArrayLoop());
        }
    }

    @Test
    void edgeBenchmarkTicksAreAllGoodAndPublished() {
        final MarketDataEdgeBenchmark benchmark = new MarketDataEdgeBenchmark();
        benchmark.setUp();
        for (long published = 1; published <= 1_000; published++) {
            assertEquals(published, benchmark.edgeTick(), "the gate passed and the conflator published every tick");
        }
    }

    @Test
    void naiveFanOutFindsExactlyThePortfoliosTheEngineTriggersOn() {
        for (final int percent : new int[] {-30, -25, 8, 15}) {
            final int portfolios = 300;
            final int band = 20_000;
            final List<Integer> triggered = new ArrayList<>();
            final Engine engine = EngineFixtures.engine(BreachFanOutBenchmark.INSTRUMENTS,
                BreachFanOutBenchmark.specs(portfolios, band), TradingState.HALTED, EngineFixtures.NO_ORDERS,
                new NoOpEngineListener() {
                    @Override
                    public void onRebalanceTriggered(final long inputSequence, final long timeNanos,
                        final int portfolioId, final TriggerReason reason, final double ratio,
                        final double portfolioDrift) {
                        triggered.add(portfolioId);
                    }
                });
            final InboundEvent event = new InboundEvent();
            final long[] mids = new PriceWalk(BreachFanOutBenchmark.INSTRUMENTS, BreachFanOutBenchmark.START_MID)
                .mids();
            final long sequence = EngineFixtures.prime(engine, event, mids, NOW);
            assertTrue(triggered.isEmpty(), "no breach before the move");
            final long moved = mids[0] / 100 * (100 + percent);
            engine.onEvent(event.tick(NOW + 1, 0, moved - EngineFixtures.CENT, moved + EngineFixtures.CENT, moved),
                sequence, true);

            final String[] symbols = EngineFixtures.symbols(BreachFanOutBenchmark.INSTRUMENTS);
            final Map<String, Double> prices = new HashMap<>();
            for (int i = 0; i < symbols.length; i++) {
                prices.put(symbols[i], Fixed.toDouble(i == 0 ? moved : mids[i]));
            }
            final List<Integer> naive = new ArrayList<>();
            final List<PortfolioSpec> specs = BreachFanOutBenchmark.specs(portfolios, band);
            for (final PortfolioSpec spec : specs) {
                if (new NaivePortfolio(spec, symbols).isOutOfBands(prices)) {
                    naive.add(spec.id());
                }
            }
            assertEquals(triggered, naive, "a move of " + percent + "%");
            assertTrue(!naive.isEmpty() && naive.size() < portfolios, naive.size() + " of " + portfolios);
        }
    }

    @Test
    void fanOutBenchmarkWandersInsideTheBands() {
        final BreachFanOutBenchmark engineSide = new BreachFanOutBenchmark();
        engineSide.portfolios = 1000;
        engineSide.setUpEngine();
        final long before = engineSide.engineTick();
        for (int i = 1; i <= 10; i++) {
            assertEquals(before + i * 1000L, engineSide.engineTick(), "every holder judged once a tick");
        }
        final BreachFanOutBenchmark naiveSide = new BreachFanOutBenchmark();
        naiveSide.portfolios = 1000;
        naiveSide.setUpNaive();
        for (int i = 0; i < 10; i++) {
            assertEquals(0, naiveSide.naiveRevalue());
        }
    }

    @Test
    void naivePlannerTradesEverySymbolTheEngineTradesTheSameWay() {
        for (final int assets : new int[] {10, 100}) {
            final PlannerBenchmark.Drifted drifted = PlannerBenchmark.drifted(assets);
            final Map<String, String> engine = enginePlan(drifted);
            final Map<String, String> naive = naivePlan(drifted);
            assertEquals(engine, naive, assets + " assets");
            assertTrue(engine.containsValue(NaivePlanner.BUY) && engine.containsValue(NaivePlanner.SELL));
            assertEquals(NaivePlanner.SELL, engine.get(EngineFixtures.symbol(assets - 1)), "the exit sells");
        }
        final SplittableRandom random = new SplittableRandom(5);
        int compared = 0;
        for (int round = 0; round < 200; round++) {
            final int assets = 3 + random.nextInt(60);
            final double[] drift = new double[assets];
            for (int k = 0; k < assets; k++) {
                drift[k] = 0.4 + 1.2 * random.nextDouble();
            }
            final double cash = 0.05 * random.nextDouble();
            final PlannerBenchmark.Drifted drifted = PlannerBenchmark.drifted(assets, drift, cash);
            final Map<String, String> engine = enginePlan(drifted);
            final Map<String, String> naive = naivePlan(drifted);
            for (final Map.Entry<String, String> order : naive.entrySet()) {
                final String engineSide = engine.get(order.getKey());
                if (engineSide != null) {
                    assertEquals(engineSide, order.getValue(), order.getKey() + " in round " + round);
                    compared++;
                }
            }
            // Orders only one side sends sit at a margin (a lot or the minimum notional, or the last of the cash).
            assertTrue(symmetricDifference(engine, naive) <= 2 + assets / 10,
                "round " + round + ": engine " + engine + ", naive " + naive);
        }
        assertTrue(compared > 3_000, compared + " symbols compared");
    }

    @Test
    void enginePlanBenchmarkPlansFromTheSameStateEveryTime() {
        final PlannerBenchmark benchmark = new PlannerBenchmark();
        benchmark.assets = 100;
        benchmark.setUp();
        final int first = benchmark.enginePlan();
        assertTrue(first / 1000 > 0 && first % 1000 > 0, "sells and buys: " + first);
        for (int i = 0; i < 100; i++) {
            assertEquals(first, benchmark.enginePlan());
        }
        assertEquals(first / 1000 + first % 1000, benchmark.naivePlan().size(), "as many orders as the engine");
    }

    @Test
    void naiveRiskGateGivesTheEnginesVerdictForEveryOrder() {
        final RiskLimits limits = RiskGateBenchmark.limits(5, 5_000_000 * Fixed.SCALE);
        final RiskGate gate = RiskGateBenchmark.engineGate(limits);
        final NaiveRiskGate naive = RiskGateBenchmark.naiveGate(limits);
        final RiskGateBenchmark.Orders orders = RiskGateBenchmark.orders(20_000, 9);
        final SplittableRandom random = new SplittableRandom(3);
        // 23:30 in New York, so the trading day turns over half an hour in.
        long time = LocalDateTime.of(2026, 3, 2, 23, 30).atZone(RiskGateBenchmark.ZONE).toEpochSecond()
            * 1_000_000_000L;
        final Map<RiskVerdict, Integer> seen = new EnumMap<>(RiskVerdict.class);
        for (int i = 0; i < orders.size(); i++) {
            time += random.nextLong(400 * RiskGateBenchmark.MILLISECOND);
            final RiskVerdict verdict = gate.check(time, orders.instrument()[i], orders.side()[i],
                orders.quantity()[i], orders.limit()[i], orders.reference()[i]);
            final NaiveRiskGate.Verdict naiveVerdict = naive.check(orders.naive()[i], time);
            assertEquals(verdict.name(), naiveVerdict.reason, "order " + i);
            assertEquals(verdict == RiskVerdict.ACCEPTED, naiveVerdict.accepted);
            seen.merge(verdict, 1, Integer::sum);
        }
        for (final RiskVerdict verdict : new RiskVerdict[] {RiskVerdict.ACCEPTED, RiskVerdict.RESTRICTED,
            RiskVerdict.MAX_QUANTITY, RiskVerdict.MAX_NOTIONAL, RiskVerdict.PRICE_COLLAR, RiskVerdict.RATE_LIMIT,
            RiskVerdict.DAILY_NOTIONAL}) {
            assertTrue(seen.getOrDefault(verdict, 0) > 10, verdict + " seen " + seen);
        }
    }

    @Test
    void riskBenchmarkStreamIsMostlyAcceptedAndAgrees() {
        final RiskLimits limits = RiskGateBenchmark.limits(2_000, Long.MAX_VALUE / 4);
        final RiskGate gate = RiskGateBenchmark.engineGate(limits);
        final NaiveRiskGate naive = RiskGateBenchmark.naiveGate(limits);
        final RiskGateBenchmark.Orders orders = RiskGateBenchmark.orders(RiskGateBenchmark.ORDERS, 4);
        final Map<RiskVerdict, Integer> seen = new EnumMap<>(RiskVerdict.class);
        long time = EngineFixtures.T0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < orders.size(); i++) {
                time += RiskGateBenchmark.MILLISECOND;
                final RiskVerdict verdict = gate.check(time, orders.instrument()[i], orders.side()[i],
                    orders.quantity()[i], orders.limit()[i], orders.reference()[i]);
                assertEquals(verdict.name(), naive.check(orders.naive()[i], time).reason);
                seen.merge(verdict, 1, Integer::sum);
            }
        }
        final double accepted = seen.get(RiskVerdict.ACCEPTED) / (5.0 * orders.size());
        assertTrue(accepted > 0.85 && accepted < 0.95, "accepted " + accepted + ": " + seen);
        assertFalse(seen.containsKey(RiskVerdict.RATE_LIMIT) || seen.containsKey(RiskVerdict.DAILY_NOTIONAL));
    }

    /** Symbol to side of every order the engine plans, sells booked before the buys, as the desk does. */
    private static Map<String, String> enginePlan(final PlannerBenchmark.Drifted drifted) {
        final int assets = drifted.spec().assets();
        final Portfolio portfolio = drifted.portfolio();
        final PriceBoard board = drifted.board();
        final TradePlan sells = new TradePlan(assets);
        final TradePlan buys = new TradePlan(assets);
        PlannerBenchmark.plan(new RebalancePlanner(drifted.universe(), PlannerBenchmark.COLLAR_PPM, assets),
            portfolio, board, sells, buys);
        final Map<String, String> sides = new TreeMap<>();
        for (final TradePlan plan : new TradePlan[] {sells, buys}) {
            for (int i = 0; i < plan.size(); i++) {
                final String previous = sides.put(EngineFixtures.symbol(plan.slot(i)),
                    plan.side(i) == Side.BUY ? NaivePlanner.BUY : NaivePlanner.SELL);
                assertEquals(null, previous, "one order per slot");
            }
        }
        return sides;
    }

    private static Map<String, String> naivePlan(final PlannerBenchmark.Drifted drifted) {
        final Map<String, String> sides = new TreeMap<>();
        for (final NaivePlanner.Order order : drifted.naive().plan()) {
            assertEquals(null, sides.put(order.symbol, order.side), "one order per symbol");
        }
        return sides;
    }

    private static int symmetricDifference(final Map<String, String> a, final Map<String, String> b) {
        final TreeSet<String> union = new TreeSet<>(a.keySet());
        union.addAll(b.keySet());
        int different = 0;
        for (final String symbol : union) {
            if (a.containsKey(symbol) != b.containsKey(symbol)) {
                different++;
            }
        }
        return different;
    }
}
