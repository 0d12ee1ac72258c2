package io.rebalancer.engine.reference;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
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

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random engine configurations that reach every rule: 3 to 6 instruments (some with lots above one and coarse
 * ticks), 2 to 5 portfolios with every trigger kind and planner mode, absolute, relative and portfolio bands, cash
 * buffers and minimum notionals (some portfolios with wide asset bands, so their portfolio band is what fires), and,
 * in some scenarios, restricted instruments, a small order table and tight risk
 * limits so that every risk verdict comes up; and an order policy per scenario (maximum order age, reject back-off,
 * request timeout).
 */
final class RandomConfig {
    static final long SECOND = 1_000_000_000L;
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId UTC = ZoneId.of("UTC");
    private static final long[] TICKS = {10_000, 10_000, 5_000, 50_000, 1_000, 1, 1_000_000};
    private static final long[] LOTS = {1, 1, 1, 10, 100, 1_000};
    /** Local times of day of reviews, with 02:30 (in the New York spring-forward gap) and 01:30 (its overlap). */
    private static final int[] REVIEW_SECONDS = {0, 5_400, 9_000, 34_200, 57_600, 72_000, 86_399};
    private static final long MAX_PRICE = 100_000 * Fixed.SCALE;

    private RandomConfig() {
    }

    /**
     * A configuration and the starting mid price of each instrument, in micros, on its tick.
     */
    record Scenario(EngineConfig config, long[] startMids) {
    }

    static Scenario scenario(final Random random) {
        final int instruments = 3 + random.nextInt(4);
        final List<Instrument> list = new ArrayList<>();
        final long[] mids = new long[instruments];
        for (int id = 0; id < instruments; id++) {
            final long tick = TICKS[random.nextInt(TICKS.length)];
            final long lot = LOTS[random.nextInt(LOTS.length)];
            final long price = (5 + random.nextInt(400)) * Fixed.SCALE + random.nextInt(100) * 10_000L;
            mids[id] = price - price % tick;
            list.add(new Instrument(id, "I" + id, tick, lot, MAX_PRICE));
        }
        final InstrumentUniverse universe = new InstrumentUniverse(list);
        final List<PortfolioSpec> portfolios = new ArrayList<>();
        final int count = 2 + random.nextInt(4);
        for (int id = 0; id < count; id++) {
            portfolios.add(portfolio(random, id, universe, mids));
        }
        final EngineSettings settings = settings(random);
        final RiskLimits risk = risk(random, instruments, settings.limitCollarPpm());
        return new Scenario(new EngineConfig(settings, universe, risk, portfolios, orderPolicy(random)), mids);
    }

    /**
     * Now and then no age limit and no back-off (the engine left to its plan), otherwise an age limit, a back-off
     * with a cap from the base time to many doublings of it, and a request timeout from seconds to minutes.
     */
    private static OrderPolicy orderPolicy(final Random random) {
        final long[] ages = {0, 0, 5 * SECOND, 30 * SECOND, 120 * SECOND, 600 * SECOND};
        final long[] backoffs = {0, 0, SECOND, 10 * SECOND, 60 * SECOND};
        final long[] timeouts = {2 * SECOND, 10 * SECOND, 30 * SECOND, 120 * SECOND};
        final long backoff = backoffs[random.nextInt(backoffs.length)];
        return new OrderPolicy(ages[random.nextInt(ages.length)], random.nextBoolean()
            ? OrderPolicy.WorkingOrderPolicy.KEEP : OrderPolicy.WorkingOrderPolicy.REPLACE,
            random.nextBoolean() ? OrderPolicy.ShutdownOrders.CANCEL : OrderPolicy.ShutdownOrders.LEAVE, backoff,
            backoff * (1 + random.nextInt(3) * 7), timeouts[random.nextInt(timeouts.length)]);
    }

    /** Now and then a tiny order table, or a limit collar of 20% or 100% (a sell limit of zero: no sells). */
    private static EngineSettings settings(final Random random) {
        final long[] ages = {30 * SECOND, 120 * SECOND, 600 * SECOND};
        final int[] capacities = {3, 8, 256, 256, 256, 256};
        final int[] collars = {0, 5 * Ppm.BASIS_POINT, 10 * Ppm.BASIS_POINT, 10 * Ppm.BASIS_POINT,
            50 * Ppm.BASIS_POINT};
        final int collar = random.nextInt(10) == 0 ? (random.nextBoolean() ? 20 * Ppm.PERCENT : Ppm.ONE)
            : collars[random.nextInt(collars.length)];
        return new EngineSettings(1024, WaitStrategyKind.SLEEPING, ages[random.nextInt(ages.length)],
            capacities[random.nextInt(capacities.length)], 1 + random.nextInt(1_000_000), collar,
            random.nextBoolean() ? UTC : NEW_YORK);
    }

    /** Generous limits, or some tight ones; the price collar is the limit collar plus 5%, or plus up to 40 bp. */
    private static RiskLimits risk(final Random random, final int instruments, final int limitCollarPpm) {
        final boolean tight = random.nextBoolean();
        final boolean[] restricted = new boolean[instruments];
        if (random.nextInt(3) == 0) {
            restricted[random.nextInt(instruments)] = true;
        }
        final TradingState initial = random.nextInt(8) == 0 ? TradingState.REDUCING : TradingState.ACTIVE;
        if (!tight) {
            return new RiskLimits(10_000_000, 1_000_000_000 * Fixed.SCALE, limitCollarPpm + 5 * Ppm.PERCENT, 1_000,
                Long.MAX_VALUE / 4, restricted, initial);
        }
        return new RiskLimits(random.nextBoolean() ? 10_000_000 : 500 + random.nextInt(5_000),
            (random.nextBoolean() ? 1_000_000_000 : 20_000 + random.nextInt(200_000)) * Fixed.SCALE,
            limitCollarPpm + (random.nextBoolean() ? 5 * Ppm.PERCENT : (1 + random.nextInt(40)) * Ppm.BASIS_POINT),
            1 + random.nextInt(3),
            (random.nextBoolean() ? 1_000_000_000 : 10_000 + random.nextInt(300_000)) * Fixed.SCALE, restricted,
            initial);
    }

    private static PortfolioSpec portfolio(final Random random, final int id, final InstrumentUniverse universe,
        final long[] mids) {
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < universe.size(); i++) {
            ids.add(i);
        }
        Collections.shuffle(ids, random);
        final int assets = 2 + random.nextInt(universe.size() - 1);
        final TriggerKind trigger = TriggerKind.values()[random.nextInt(TriggerKind.values().length)];
        final boolean bandless = trigger == TriggerKind.CALENDAR && random.nextBoolean();
        final int[] targets = targets(random, assets);
        final int[] absolute = new int[assets];
        final int[] relative = new int[assets];
        final int style = random.nextInt(3);
        for (int slot = 0; slot < assets && !bandless; slot++) {
            absolute[slot] = style == 1 ? 0 : (1 + random.nextInt(8)) * Ppm.PERCENT;
            relative[slot] = style == 0 ? 0 : (10 + random.nextInt(40)) * Ppm.PERCENT;
            if (PortfolioSpec.effectiveBandPpm(absolute[slot], relative[slot], targets[slot]) <= 0) {
                absolute[slot] = 5 * Ppm.PERCENT;
            }
        }
        final int portfolioBand = bandless || random.nextBoolean() ? 0 : (2 + random.nextInt(8)) * Ppm.PERCENT;
        if (portfolioBand > 0 && random.nextInt(3) == 0) {
            for (int slot = 0; slot < assets; slot++) {
                absolute[slot] = (15 + random.nextInt(10)) * Ppm.PERCENT;
                relative[slot] = 0;
            }
        }
        final long value = (20_000 + random.nextInt(2_000_000)) * Fixed.SCALE;
        final int[] instrumentIds = new int[assets];
        final long[] quantities = new long[assets];
        for (int slot = 0; slot < assets; slot++) {
            instrumentIds[slot] = ids.get(slot);
            final double noise = 0.5 + random.nextDouble();
            final double weight = targets[slot] == 0 && random.nextBoolean() ? 0.1 : targets[slot] / (double)Ppm.ONE;
            quantities[slot] = random.nextInt(10) == 0 ? 0 : (long)(value / (double)mids[instrumentIds[slot]] * weight
                * noise);
        }
        final boolean empty = random.nextInt(15) == 0;
        if (empty) {
            Arrays.fill(quantities, 0);
        }
        final long cash = empty || random.nextInt(4) == 0 ? 0 : (long)(value * random.nextDouble() * 0.15);
        final int hysteresis = random.nextInt(4) == 0 ? 0 : random.nextInt(60) * Ppm.PERCENT;
        final int buffer = random.nextInt(3) == 0 ? 0 : random.nextInt(500) * Ppm.BASIS_POINT;
        final long minimum = random.nextInt(3) == 0 ? 0 : (50 + random.nextInt(3_000)) * Fixed.SCALE;
        final PlannerMode mode = PlannerMode.values()[random.nextInt(PlannerMode.values().length)];
        return new PortfolioSpec(id, "p" + id, cash, instrumentIds, quantities, targets, absolute, relative,
            portfolioBand, hysteresis, buffer, minimum, mode, trigger,
            trigger.hasCalendar() ? calendar(random) : null);
    }

    /** Target weights summing to exactly one million ppm, now and then a zero. */
    private static int[] targets(final Random random, final int assets) {
        final int[] weights = new int[assets];
        int sum = 0;
        for (int slot = 0; slot < assets; slot++) {
            weights[slot] = slot > 0 && random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(100);
            sum += weights[slot];
        }
        final int[] targets = new int[assets];
        int left = Ppm.ONE;
        for (int slot = 0; slot < assets; slot++) {
            targets[slot] = slot == assets - 1 ? left : (int)((long)weights[slot] * Ppm.ONE / sum);
            left -= targets[slot];
        }
        return targets;
    }

    private static CalendarSpec calendar(final Random random) {
        final CalendarFrequency frequency = switch (random.nextInt(3)) {
            case 0 -> CalendarFrequency.DAILY;
            case 1 -> CalendarFrequency.WEEKLY;
            default -> CalendarFrequency.MONTHLY;
        };
        final int dayOfMonth = random.nextInt(4) == 0 ? CalendarSpec.LAST_DAY : 1 + random.nextInt(31);
        final int second = random.nextBoolean() ? REVIEW_SECONDS[random.nextInt(REVIEW_SECONDS.length)]
            : random.nextInt(86_400);
        return new CalendarSpec(frequency, 1 + random.nextInt(7), dayOfMonth, 1, second,
            random.nextBoolean() ? UTC : NEW_YORK);
    }
}
