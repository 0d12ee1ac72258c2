package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.Ppm;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Small builders for engine configurations in tests: money in whole currency units unless named micros. */
final class Fixtures {
    static final long SECOND = 1_000_000_000L;
    static final long HOUR = 3600 * SECOND;
    static final long DAY = 24 * HOUR;
    /** 2026-01-05T14:30:00Z, a Monday. */
    static final long T0 = 1_767_623_400L * SECOND;
    static final String[] SYMBOLS = {"SPY", "TLT", "IEI", "GLD", "VTI", "VXUS", "BND", "DBC"};

    private Fixtures() {
    }

    static long money(final double units) {
        return Fixed.fromDouble(units);
    }

    static InstrumentUniverse universe(final int count) {
        final List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String symbol = i < SYMBOLS.length ? SYMBOLS[i] : "I" + i;
            instruments.add(new Instrument(i, symbol, 10_000, 1, 1_000_000 * Fixed.SCALE));
        }
        return new InstrumentUniverse(instruments);
    }

    static EngineSettings settings() {
        return new EngineSettings(1024, WaitStrategyKind.SLEEPING, HOUR, 256, 1, 10 * Ppm.BASIS_POINT,
            ZoneId.of("UTC"));
    }

    static RiskLimits generousRisk(final int instruments) {
        return new RiskLimits(10_000_000, 1_000_000_000 * Fixed.SCALE, 5 * Ppm.PERCENT, 1_000_000,
            Long.MAX_VALUE / 4, new boolean[instruments], TradingState.ACTIVE);
    }

    static EngineConfig config(final int instruments, final PortfolioBuilder... builders) {
        return config(settings(), generousRisk(instruments), instruments, builders);
    }

    static EngineConfig config(final EngineSettings settings, final RiskLimits risk, final int instruments,
        final PortfolioBuilder... builders) {
        final List<PortfolioSpec> specs = new ArrayList<>();
        for (int i = 0; i < builders.length; i++) {
            specs.add(builders[i].build(i));
        }
        return new EngineConfig(settings, universe(instruments), risk, specs);
    }

    static PortfolioBuilder portfolio(final String name) {
        return new PortfolioBuilder(name);
    }

    /** Fluent portfolio spec: assets with quantity, target percent and bands in percentage points. */
    static final class PortfolioBuilder {
        private final String name;
        private final List<long[]> assets = new ArrayList<>();
        private long cash;
        private int portfolioBandPpm;
        private int hysteresisPpm = 20 * Ppm.PERCENT;
        private int cashBufferPpm;
        private long minTradeNotional;
        private PlannerMode mode = PlannerMode.TO_TARGET;
        private TriggerKind trigger = TriggerKind.THRESHOLD;
        private CalendarSpec calendar;

        PortfolioBuilder(final String name) {
            this.name = name;
        }

        PortfolioBuilder cash(final double units) {
            cash = money(units);
            return this;
        }

        /** An asset with an absolute band of {@code bandPoints} percentage points. */
        PortfolioBuilder asset(final int instrument, final long quantity, final double targetPercent,
            final double bandPoints) {
            return asset(instrument, quantity, targetPercent, bandPoints, 0);
        }

        PortfolioBuilder asset(final int instrument, final long quantity, final double targetPercent,
            final double bandPoints, final double relativePercent) {
            assets.add(new long[] {instrument, quantity, ppm(targetPercent), ppm(bandPoints), ppm(relativePercent)});
            return this;
        }

        PortfolioBuilder portfolioBand(final double points) {
            portfolioBandPpm = (int)ppm(points);
            return this;
        }

        PortfolioBuilder hysteresis(final double percentOfBand) {
            hysteresisPpm = (int)ppm(percentOfBand);
            return this;
        }

        PortfolioBuilder cashBuffer(final double percent) {
            cashBufferPpm = (int)ppm(percent);
            return this;
        }

        PortfolioBuilder minTradeNotional(final double units) {
            minTradeNotional = money(units);
            return this;
        }

        PortfolioBuilder mode(final PlannerMode plannerMode) {
            mode = plannerMode;
            return this;
        }

        PortfolioBuilder trigger(final TriggerKind kind, final CalendarSpec spec) {
            trigger = kind;
            calendar = spec;
            return this;
        }

        PortfolioSpec build(final int id) {
            final int n = assets.size();
            final int[] ids = new int[n];
            final long[] quantities = new long[n];
            final int[] targets = new int[n];
            final int[] absolute = new int[n];
            final int[] relative = new int[n];
            for (int i = 0; i < n; i++) {
                final long[] a = assets.get(i);
                ids[i] = (int)a[0];
                quantities[i] = a[1];
                targets[i] = (int)a[2];
                absolute[i] = (int)a[3];
                relative[i] = (int)a[4];
            }
            return new PortfolioSpec(id, name, cash, ids, quantities, targets, absolute, relative, portfolioBandPpm,
                hysteresisPpm, cashBufferPpm, minTradeNotional, mode, trigger, calendar);
        }

        private static long ppm(final double percent) {
            return Math.round(percent * Ppm.PERCENT);
        }
    }
}
