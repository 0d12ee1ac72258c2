package io.rebalancer.fix;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;

import java.time.ZoneId;
import java.util.List;

/**
 * One portfolio, balanced 60/40 between SPY and TLT with 5-point bands, holding SPY 600 and TLT 800 against 1,000
 * of cash; one unit lots, generous risk limits. The order policy is the test's.
 */
final class SixtyForty {
    static final int SPY = 0;
    static final int TLT = 1;
    static final long CASH = 1_000_000_000L;
    static final long SPY_HELD = 600;
    static final long TLT_HELD = 800;
    static final long TLT_BID = Fixed.parse("50.12");
    static final long TLT_ASK = Fixed.parse("50.14");

    private SixtyForty() {
    }

    static EngineConfig config(final OrderPolicy policy) {
        final List<Instrument> instruments = List.of(
            new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
            new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L));
        final PortfolioSpec balanced = new PortfolioSpec(0, "balanced-60-40", CASH, new int[] {SPY, TLT},
            new long[] {SPY_HELD, TLT_HELD}, new int[] {600_000, 400_000}, new int[] {50_000, 50_000},
            new int[] {0, 0}, 0, 200_000, 0, 100_000_000, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null);
        return new EngineConfig(new EngineSettings(1024, WaitStrategyKind.SLEEPING, 60_000_000_000L, 64, 1, 1000,
            ZoneId.of("UTC")), new InstrumentUniverse(instruments), new RiskLimits(1_000_000, 1_000_000_000_000L,
            10_000, 50, 50_000_000_000_000L, new boolean[2], TradingState.ACTIVE), List.of(balanced), policy);
    }

    /** SPY 600 x 100.30 and TLT 800 x 50.13 against 1,000 of cash: about 59.4% / 39.6%, inside 60/40 +- 5. */
    static void publishInsideBands(final FixLoop loop) {
        loop.publish(SPY, Fixed.parse("100.29"), Fixed.parse("100.31"));
        loop.publish(TLT, TLT_BID, TLT_ASK);
    }
}
