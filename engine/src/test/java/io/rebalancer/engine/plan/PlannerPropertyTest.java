package io.rebalancer.engine.plan;

import io.rebalancer.engine.TestSeeds;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.plan.PlanFixture.Built;
import io.rebalancer.engine.plan.PlanFixture.Order;
import io.rebalancer.engine.plan.RandomPortfolios.Scenario;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static io.rebalancer.engine.plan.PlanFixture.bookAll;
import static io.rebalancer.engine.plan.PlanFixture.orders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of random portfolios and quotes: every plan must hold every invariant, and match the slow reference.
 * The seed comes from {@code -Dplanner.seed} or the clock and is printed in every failure message, so a failure
 * replays with {@code ./mvnw -pl engine verify -Dtest=PlannerPropertyTest -Dplanner.seed=...}; {@code -Dplanner.runs}
 * sets how many portfolios each test tries (default 20,000).
 */
final class PlannerPropertyTest {
    private static final int RUNS = Integer.getInteger("planner.runs", 20_000);

    private final long seed = TestSeeds.seed("planner.seed", 20_261_124L);
    private final TradePlan plan = new TradePlan(RandomPortfolios.MAX_ASSETS);

    @Test
    void shouldHoldEveryInvariantOverRandomPortfoliosAndPrices() {
        final Random random = new Random(seed);
        int runsWithSells = 0;
        int runsWithBuys = 0;
        for (int run = 0; run < RUNS; run++) {
            final Scenario scenario = RandomPortfolios.next(random, run % 10 == 9);
            final String where = "seed=" + seed + " run=" + run;
            final Built b = scenario.built();
            final RebalancePlanner planner = new RebalancePlanner(b.universe(), scenario.collarPpm(),
                RandomPortfolios.MAX_ASSETS);

            planner.planBuys(b.portfolio(), b.prices(), plan);
            checkBuys(b, scenario.collarPpm(), where + " (buys before sells)");

            planner.planSells(b.portfolio(), b.prices(), plan);
            final List<Order> sells = orders(plan);
            checkSells(b, scenario.collarPpm(), where);
            planner.planSells(b.portfolio(), b.prices(), plan);
            assertEquals(sells, orders(plan), () -> where + ": planning twice gave different sells");

            runsWithSells += plan.size() > 0 ? 1 : 0;

            bookAll(b.portfolio(), plan);
            planner.planBuys(b.portfolio(), b.prices(), plan);
            checkBuys(b, scenario.collarPpm(), where);
            runsWithBuys += plan.size() > 0 ? 1 : 0;
        }
        final String counts = "seed=" + seed + " sells in " + runsWithSells + ", buys in " + runsWithBuys + " runs";
        assertTrue(runsWithSells > RUNS / 5 && runsWithBuys > RUNS / 5, counts + ": too few runs planned orders");
    }

    @Test
    void shouldMatchTheSlowReferencePlanner() {
        final Random random = new Random(seed);
        for (int run = 0; run < RUNS; run++) {
            final Scenario scenario = RandomPortfolios.next(random, false);
            final String where = "seed=" + seed + " run=" + run;
            final Built b = scenario.built();
            final RebalancePlanner planner = new RebalancePlanner(b.universe(), scenario.collarPpm(),
                RandomPortfolios.MAX_ASSETS);
            final ReferencePlanner reference = new ReferencePlanner(b.universe(), scenario.collarPpm());

            planner.planSells(b.portfolio(), b.prices(), plan);
            assertEquals(reference.sells(b.portfolio(), b.prices()), orders(plan), () -> where + ": sells");
            bookAll(b.portfolio(), plan);
            planner.planBuys(b.portfolio(), b.prices(), plan);
            assertEquals(reference.buys(b.portfolio(), b.prices()), orders(plan), () -> where + ": buys");
        }
    }

    private void checkSells(final Built b, final int collarPpm, final String where) {
        final Portfolio p = b.portfolio();
        final PriceBoard prices = b.prices();
        long seen = 0;
        for (int i = 0; i < plan.size(); i++) {
            final int k = plan.slot(i);
            final int id = p.instrumentId(k);
            final Instrument instrument = b.universe().get(id);
            final long quantity = plan.quantity(i);
            final long touch = prices.sellTouch(id);
            final long limit = plan.limitPrice(i);
            check(plan.side(i) == Side.SELL, where, "a sell phase planned a buy", i);
            check((seen & (1L << k)) == 0, where, "slot planned twice", i);
            seen |= 1L << k;
            checkPriced(prices, id, touch, where, i);
            check(quantity > 0 && quantity <= p.sellableQuantity(k), where, "sells more than settled less open", i);
            check(quantity % instrument.lotSize() == 0 || quantity == p.sellableQuantity(k), where, "odd lot", i);
            check(limit > 0 && limit % instrument.tickSize() == 0, where, "limit off tick", i);
            check(limit <= touch, where, "sell limit does not cross the touch", i);
            check(limit >= touch - Fixed.applyPpm(touch, collarPpm)
                || limit == touch - touch % instrument.tickSize(), where, "sell limit beyond the collar", i);
            check(Fixed.multiply(quantity, touch) >= p.spec().minTradeNotional(), where, "below minimum", i);
        }
    }

    private void checkBuys(final Built b, final int collarPpm, final String where) {
        final Portfolio p = b.portfolio();
        final PriceBoard prices = b.prices();
        BigInteger spent = BigInteger.ZERO;
        long seen = 0;
        for (int i = 0; i < plan.size(); i++) {
            final int k = plan.slot(i);
            final int id = p.instrumentId(k);
            final Instrument instrument = b.universe().get(id);
            final long touch = prices.buyTouch(id);
            final long limit = plan.limitPrice(i);
            final long tick = instrument.tickSize();
            check(plan.side(i) == Side.BUY, where, "a buy phase planned a sell", i);
            check((seen & (1L << k)) == 0, where, "slot planned twice", i);
            seen |= 1L << k;
            checkPriced(prices, id, touch, where, i);
            check(plan.quantity(i) > 0 && plan.quantity(i) % instrument.lotSize() == 0, where, "not whole lots", i);
            check(limit % tick == 0, where, "limit off tick", i);
            check(limit >= touch, where, "buy limit does not cross the touch", i);
            check(limit <= touch + Fixed.applyPpm(touch, collarPpm) || limit - tick < touch, where,
                "buy limit beyond the collar", i);
            final BigInteger notional = BigInteger.valueOf(plan.quantity(i)).multiply(BigInteger.valueOf(limit));
            check(notional.compareTo(BigInteger.valueOf(p.spec().minTradeNotional())) >= 0, where, "below minimum", i);
            spent = spent.add(notional);
        }
        if (plan.size() > 0) {
            final BigInteger spare = BigInteger.valueOf(p.effectiveCash())
                .subtract(BigInteger.valueOf(Fixed.applyPpm(p.totalValue(), p.spec().cashBufferPpm())));
            check(spent.compareTo(spare) <= 0, where, "spends " + spent + " of spare cash " + spare, 0);
        }
    }

    private void checkPriced(final PriceBoard prices, final int id, final long touch, final String where,
        final int i) {
        check(prices.hasPrice(id) && touch > 0 && prices.mark(id) > 0, where, "order from a missing price", i);
        check(plan.referencePrice(i) == prices.mark(id), where, "reference is not the mark", i);
    }

    private void check(final boolean condition, final String where, final String what, final int index) {
        if (!condition) {
            fail(where + ": " + what + " in order " + index + " of " + orders(plan));
        }
    }
}
