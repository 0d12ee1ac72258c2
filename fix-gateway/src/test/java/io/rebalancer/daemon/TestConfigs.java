package io.rebalancer.daemon;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.time.ZoneId;
import java.util.List;

/** A small fixed configuration built in code, so tests of the output do not depend on the files in config/. */
final class TestConfigs {
    private TestConfigs() {
    }

    static EngineConfig twoPortfolios() {
        final List<Instrument> instruments = List.of(
            new Instrument(0, "SPY", 10_000, 1, 100_000_000_000L),
            new Instrument(1, "TLT", 10_000, 1, 100_000_000_000L),
            new Instrument(2, "GLD", 10_000, 1, 100_000_000_000L));
        final PortfolioSpec balanced = new PortfolioSpec(0, "balanced-60-40", 100_000_000_000L, new int[] {0, 1},
            new long[] {100, 300}, new int[] {600_000, 400_000}, new int[] {50_000, 50_000},
            new int[] {250_000, 250_000}, 0, 200_000, 5_000, 100_000_000, PlannerMode.TO_TARGET,
            TriggerKind.THRESHOLD, null);
        final PortfolioSpec gold = new PortfolioSpec(1, "gold-tilt", 50_000_000_000L, new int[] {0, 1, 2},
            new long[] {0, 0, 0}, new int[] {500_000, 300_000, 200_000}, new int[] {30_000, 30_000, 30_000},
            new int[] {0, 0, 0}, 0, 200_000, 0, 100_000_000, PlannerMode.HALFWAY, TriggerKind.THRESHOLD_OR_CALENDAR,
            new CalendarSpec(CalendarFrequency.MONTHLY, 1, CalendarSpec.LAST_DAY, 1, 57_600, ZoneId.of("UTC")));
        return new EngineConfig(new EngineSettings(65_536, WaitStrategyKind.SLEEPING, 60_000_000_000L, 4096, 1, 1000,
            ZoneId.of("UTC")), new InstrumentUniverse(instruments), new RiskLimits(1_000_000, 1_000_000_000_000L,
            10_000, 50, 50_000_000_000_000L, new boolean[3], TradingState.ACTIVE), List.of(balanced, gold));
    }
}
