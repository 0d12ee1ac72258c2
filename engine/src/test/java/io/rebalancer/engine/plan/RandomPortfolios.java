package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.plan.PlanFixture.Built;
import io.rebalancer.engine.state.Portfolio;

import java.util.Random;

import static io.rebalancer.engine.plan.PlanFixture.UNIT;

/**
 * Random portfolios and quotes for property and differential tests, including the awkward cases: unquoted and
 * one-sided instruments, stale portfolio marks, prices below a tick, odd lots, open orders in both directions,
 * zero targets and, when {@code extreme}, quantities and prices large enough to overflow a long.
 */
final class RandomPortfolios {
    static final int MAX_ASSETS = 8;
    private static final long[] TICKS = {1L, 100L, 5_000L, 10_000L, 50_000L, 1_000_000L};
    private static final long[] LOTS = {1L, 1L, 10L, 100L, 1_000L};
    private static final PlannerMode[] MODES = PlannerMode.values();

    private RandomPortfolios() {
    }

    /** A portfolio with the collar the planner should use. */
    record Scenario(Built built, int collarPpm) {
    }

    static Scenario next(final Random random, final boolean extreme) {
        final int assets = 1 + random.nextInt(MAX_ASSETS);
        final boolean nearTarget = !extreme && random.nextInt(3) == 0;
        final long size = (1 + random.nextInt(1_000_000)) * UNIT;
        final long cash = nearTarget ? size / 1_000 * random.nextInt(30)
            : random.nextInt(4) == 0 ? 0 : Math.floorMod(random.nextLong(), 1_000_000 * UNIT);
        final PlanFixture fixture = new PlanFixture().mode(MODES[random.nextInt(MODES.length)]).cash(cash)
            .cashBuffer(random.nextInt(3) == 0 ? 0 : random.nextInt(50_000))
            .minTradeNotional(random.nextInt(3) == 0 ? 0 : random.nextInt(2_000) * UNIT)
            .portfolioBand(random.nextBoolean() ? 0 : 1 + random.nextInt(100_000))
            .hysteresis(random.nextInt(500_000));
        final int[] weights = weights(random, assets);
        for (int k = 0; k < assets; k++) {
            final long mark = extreme ? 1 + Math.floorMod(random.nextLong(), 1_000_000_000 * UNIT)
                : (1 + random.nextInt(500_000)) * 10_000L + random.nextInt(10_000);
            final long quantity;
            if (nearTarget) {
                quantity = (long)(size * (weights[k] / 1e6) / mark * (0.9 + 0.2 * random.nextDouble()));
            } else if (random.nextInt(3) == 0) {
                quantity = 0;
            } else {
                quantity = extreme ? Math.floorMod(random.nextLong(), Long.MAX_VALUE / 1_000) : random.nextInt(100_000);
            }
            fixture.asset(TICKS[random.nextInt(TICKS.length)], LOTS[random.nextInt(LOTS.length)], quantity, weights[k],
                1 + random.nextInt(200_000));
            final long spread = random.nextInt(3) == 0 ? 0 : mark / 10_000 * random.nextInt(50);
            quote(random, fixture, k, quantity, mark, spread);
        }
        final Built built = fixture.build();
        openOrders(random, built.portfolio());
        return new Scenario(built, random.nextInt(20_000));
    }

    private static void quote(final Random random, final PlanFixture fixture, final int slot, final long quantity,
        final long mark, final long spread) {
        switch (random.nextInt(20)) {
            case 0, 1 -> {
                if (quantity != 0 && random.nextInt(4) != 0) {
                    fixture.staleMark(slot, mark);
                }
            }
            case 2 -> fixture.quote(slot, 0, 0, mark);
            case 3 -> fixture.quote(slot, 0, mark + spread, mark);
            case 4 -> fixture.quote(slot, 0, mark + spread, 0);
            case 5 -> fixture.quote(slot, Math.max(1, mark - spread), 0, 0);
            default -> fixture.quote(slot, Math.max(1, mark - spread), mark + spread, mark);
        }
    }

    /** Sometimes books open orders, as if earlier child orders were still working. */
    private static void openOrders(final Random random, final Portfolio portfolio) {
        for (int k = 0; k < portfolio.assets(); k++) {
            final long price = Math.max(1, portfolio.markPrice(k));
            if (random.nextInt(5) == 0 && portfolio.sellableQuantity(k) > 0) {
                portfolio.orderOpened(k, Side.SELL, 1 + random.nextLong(portfolio.sellableQuantity(k)), price);
            }
            if (random.nextInt(5) == 0) {
                portfolio.orderOpened(k, Side.BUY, 1 + random.nextInt(1_000), price);
            }
        }
    }

    /** Target weights summing to exactly 100%, some of them zero, at least one positive. */
    private static int[] weights(final Random random, final int assets) {
        final int[] raw = new int[assets];
        long sum = 0;
        for (int k = 0; k < assets; k++) {
            raw[k] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(1_000);
            sum += raw[k];
        }
        if (sum == 0) {
            raw[random.nextInt(assets)] = 1;
            sum = 1;
        }
        final int[] ppm = new int[assets];
        int given = 0;
        int last = -1;
        for (int k = 0; k < assets; k++) {
            ppm[k] = (int)(raw[k] * 1_000_000L / sum);
            given += ppm[k];
            last = raw[k] > 0 ? k : last;
        }
        ppm[last] += 1_000_000 - given;
        return ppm;
    }
}
