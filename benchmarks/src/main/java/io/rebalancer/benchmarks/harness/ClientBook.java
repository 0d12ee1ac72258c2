package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.config.ConfigDefaults;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The book the throughput runs trade, built in code the way a robo-advisor's would look: a shelf of
 * {@code universe} instruments, and accounts that each hold {@code perPortfolio} of them in equal target weights.
 * With one account it holds the first {@code perPortfolio} instruments. With many, every account holds the
 * {@link #CORE_FUNDS} core funds (the broad-market ETFs every model portfolio starts from) and fills the rest from
 * the shelf, a different seeded draw per account (clients' exclusions, tax lots and risk levels make every account
 * a little different). A tick of a core fund then revalues every account; a tick of another instrument revalues
 * about {@code (perPortfolio - core) / (universe - core)} of them.
 * <p>
 * <b>No order can happen, by construction.</b> Every account starts at its targets (10,000,000.00 of value at
 * {@link #BASE_PRICE}, quantities rounded to whole units, at least 100 units a slot, so rounding moves a weight by
 * 0.5% of its target at most), each asset's band is the tighter of 5 points and 25% of its target (the "5/25" rule),
 * there is no portfolio band, no calendar, no cash. {@link PriceTape} keeps every price within
 * {@link PriceTape#HALF_RANGE_CENTS} cents (0.5%) of the base, which moves a weight by about 1% of its target at
 * most: far inside a band of 25%. Benchmarks measure the engine's per-tick path; an order would measure the venue.
 */
final class ClientBook {
    /** Funds every account holds when there are many accounts. */
    static final int CORE_FUNDS = 10;
    /** Every instrument starts at 100.00. */
    static final long BASE_PRICE = 100 * Fixed.SCALE;
    /** Each account's value at the base prices, in whole currency units. */
    private static final long ACCOUNT_VALUE_UNITS = 10_000_000;
    private static final int ABSOLUTE_BAND_PPM = 5 * Ppm.PERCENT;
    private static final int RELATIVE_BAND_PPM = 25 * Ppm.PERCENT;
    /** The smallest target weight for which rounding to whole units stays far inside the band (100 units). */
    private static final int MIN_TARGET_PPM = 1_000;
    private static final long SEED = 0x5EED_B00CL;

    private ClientBook() {
    }

    /**
     * @param portfolios   accounts, at least one
     * @param perPortfolio instruments each account holds: 1 to {@code universe}, and at most 1,000 (see the class
     *                     comment: rounding must stay inside the bands)
     * @param universe     instruments on the shelf
     * @param ringSize     the inbound ring's slots (the daemon's default is 65,536)
     */
    static EngineConfig config(final int portfolios, final int perPortfolio, final int universe,
        final WaitStrategyKind wait, final int ringSize) {
        if (portfolios < 1 || perPortfolio < 1 || universe < perPortfolio || Ppm.ONE / perPortfolio < MIN_TARGET_PPM) {
            throw new IllegalArgumentException("need 1+ portfolios each holding 1.." + Ppm.ONE / MIN_TARGET_PPM
                + " of the universe's instruments: " + portfolios + " x " + perPortfolio + " of " + universe);
        }
        final List<Instrument> instruments = new ArrayList<>(universe);
        for (int id = 0; id < universe; id++) {
            instruments.add(new Instrument(id, "I" + id, Fixed.SCALE / 100, 1, 1_000_000 * Fixed.SCALE));
        }
        final SplittableRandom random = new SplittableRandom(SEED);
        final List<PortfolioSpec> specs = new ArrayList<>(portfolios);
        for (int id = 0; id < portfolios; id++) {
            specs.add(account(id, portfolios == 1 ? firstInstruments(perPortfolio)
                : coreAndDrawn(perPortfolio, universe, random)));
        }
        final EngineSettings settings = new EngineSettings(ringSize, wait, ConfigDefaults.DEFAULT_MAX_PRICE_AGE_NANOS,
            ConfigDefaults.DEFAULT_ORDER_CAPACITY, ConfigDefaults.DEFAULT_FIRST_CLIENT_ORDER_ID,
            ConfigDefaults.DEFAULT_LIMIT_COLLAR_PPM, ConfigDefaults.DEFAULT_ZONE);
        final RiskLimits risk = new RiskLimits(ConfigDefaults.DEFAULT_MAX_ORDER_QUANTITY,
            ConfigDefaults.DEFAULT_MAX_ORDER_NOTIONAL, ConfigDefaults.DEFAULT_PRICE_COLLAR_PPM,
            ConfigDefaults.DEFAULT_MAX_ORDERS_PER_SECOND, ConfigDefaults.DEFAULT_MAX_NOTIONAL_PER_DAY,
            new boolean[universe], ConfigDefaults.DEFAULT_TRADING_STATE);
        return new EngineConfig(settings, new InstrumentUniverse(instruments), risk, specs);
    }

    /** One line for reports and the journal's configuration record. */
    static String describe(final int portfolios, final int perPortfolio, final int universe) {
        return portfolios == 1 ? "1 portfolio of " + perPortfolio + " instruments (universe " + universe + ")"
            : portfolios + " accounts of " + perPortfolio + " instruments each from a universe of " + universe + " ("
            + Math.min(CORE_FUNDS, perPortfolio) + " core funds in every account, the rest drawn per account)";
    }

    private static int[] firstInstruments(final int count) {
        final int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** The core funds, then a partial Fisher-Yates draw from the rest of the shelf. */
    private static int[] coreAndDrawn(final int count, final int universe, final SplittableRandom random) {
        final int core = Math.min(CORE_FUNDS, count);
        final int[] shelf = new int[universe - core];
        for (int i = 0; i < shelf.length; i++) {
            shelf[i] = core + i;
        }
        final int[] ids = new int[count];
        for (int i = 0; i < core; i++) {
            ids[i] = i;
        }
        for (int i = core; i < count; i++) {
            final int pick = i - core + random.nextInt(shelf.length - (i - core));
            final int id = shelf[pick];
            shelf[pick] = shelf[i - core];
            shelf[i - core] = id;
            ids[i] = id;
        }
        return ids;
    }

    /** Equal targets (the remainder of the division in slot 0), holdings at those targets at the base price. */
    private static PortfolioSpec account(final int id, final int[] instrumentIds) {
        final int assets = instrumentIds.length;
        final long[] quantities = new long[assets];
        final int[] targets = new int[assets];
        final int[] absolute = new int[assets];
        final int[] relative = new int[assets];
        for (int slot = 0; slot < assets; slot++) {
            targets[slot] = Ppm.ONE / assets;
            absolute[slot] = ABSOLUTE_BAND_PPM;
            relative[slot] = RELATIVE_BAND_PPM;
        }
        targets[0] += Ppm.ONE - targets[0] * assets;
        final long unitsAtBase = ACCOUNT_VALUE_UNITS * Fixed.SCALE / BASE_PRICE;
        for (int slot = 0; slot < assets; slot++) {
            quantities[slot] = Math.round((double) targets[slot] * unitsAtBase / Ppm.ONE);
        }
        return new PortfolioSpec(id, "account-" + id, 0, instrumentIds, quantities, targets, absolute, relative, 0,
            ConfigDefaults.DEFAULT_HYSTERESIS_PPM, ConfigDefaults.DEFAULT_CASH_BUFFER_PPM,
            ConfigDefaults.DEFAULT_MIN_TRADE_NOTIONAL, ConfigDefaults.DEFAULT_PLANNER, ConfigDefaults.DEFAULT_TRIGGER,
            null);
    }
}
