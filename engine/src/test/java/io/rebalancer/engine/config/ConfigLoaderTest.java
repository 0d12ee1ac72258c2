package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.CalendarFrequency;
import io.rebalancer.engine.domain.CalendarSpec;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.EngineSettings;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.OrderPolicy;
import io.rebalancer.engine.domain.PlannerMode;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.domain.TriggerKind;
import io.rebalancer.engine.domain.WaitStrategyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConfigLoaderTest {
    private static final Path SHIPPED = Path.of("..", "config");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheShippedEngineSettingsAndRiskLimits() throws ConfigException {
        final EngineConfig config = ConfigLoader.load(SHIPPED);

        assertEquals(new EngineSettings(65_536, WaitStrategyKind.SLEEPING, TimeUnit.MINUTES.toNanos(1), 4096, 1,
            1_000, NEW_YORK), config.settings());
        assertEquals(new RiskLimits(1_000_000, 1_000_000 * Fixed.SCALE, 10_000, 50, 50_000_000 * Fixed.SCALE,
            new boolean[8], TradingState.ACTIVE), config.risk());
        assertEquals(new OrderPolicy(TimeUnit.MINUTES.toNanos(15), OrderPolicy.WorkingOrderPolicy.REPLACE,
            OrderPolicy.ShutdownOrders.CANCEL, TimeUnit.SECONDS.toNanos(1), TimeUnit.MINUTES.toNanos(5),
            TimeUnit.MINUTES.toNanos(2)),
            config.orders());
    }

    @Test
    void shouldLoadTheShippedInstrumentsWithIdsInFileOrder() throws ConfigException {
        final EngineConfig config = ConfigLoader.load(SHIPPED);

        final List<String> symbols = List.of("SPY", "TLT", "IEI", "GLD", "VTI", "VXUS", "BND", "DBC");
        assertEquals(symbols.size(), config.universe().size());
        for (int id = 0; id < symbols.size(); id++) {
            assertEquals(new Instrument(id, symbols.get(id), 10_000, 1, 100_000 * Fixed.SCALE),
                config.universe().get(id));
        }
    }

    @Test
    void shouldLoadTheShippedPortfoliosInFileNameOrder() throws ConfigException {
        final EngineConfig config = ConfigLoader.load(SHIPPED);

        assertEquals(3, config.portfolios().size());
        assertEquals(new PortfolioSpec(0, "all-weather", 100_000 * Fixed.SCALE, new int[] {0, 1, 2, 3, 7},
            new long[] {50, 300, 100, 20, 0}, new int[] {300_000, 400_000, 150_000, 75_000, 75_000},
            new int[] {30_000, 30_000, 30_000, 30_000, 30_000}, new int[] {200_000, 200_000, 200_000, 200_000, 200_000},
            40_000, 250_000, 0, 1_000 * Fixed.SCALE, PlannerMode.TO_BAND_EDGE, TriggerKind.THRESHOLD_OR_CALENDAR,
            new CalendarSpec(CalendarFrequency.MONTHLY, 1, CalendarSpec.LAST_DAY, 1, 15 * 3600 + 30 * 60, NEW_YORK)),
            config.portfolios().get(0));
        assertEquals(new PortfolioSpec(1, "balanced-60-40", 25_000 * Fixed.SCALE, new int[] {0, 1},
            new long[] {1100, 3000}, new int[] {600_000, 400_000}, new int[] {50_000, 50_000},
            new int[] {250_000, 250_000}, 0, 200_000, 10_000, 500 * Fixed.SCALE, PlannerMode.TO_TARGET,
            TriggerKind.THRESHOLD, null), config.portfolios().get(1));
        assertEquals(new PortfolioSpec(2, "global-growth", 5_000 * Fixed.SCALE, new int[] {4, 5, 6, 3},
            new long[] {200, 500, 250, 10}, new int[] {500_000, 300_000, 200_000, 0},
            new int[] {50_000, 50_000, 50_000, 10_000}, new int[] {200_000, 200_000, 100_000, 200_000}, 0, 200_000,
            5_000, 250 * Fixed.SCALE, PlannerMode.HALFWAY, TriggerKind.CALENDAR_THRESHOLD,
            new CalendarSpec(CalendarFrequency.QUARTERLY, 1, CalendarSpec.LAST_DAY, 3, 16 * 3600, NEW_YORK)),
            config.portfolios().get(2));
    }

    @Test
    void shouldUseEveryEngineAndRiskDefaultWhenEngineConfIsMissing() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir).load();

        assertEquals(new EngineSettings(65_536, WaitStrategyKind.SLEEPING, 60_000_000_000L, 4096, 1, 1_000, UTC),
            config.settings());
        assertEquals(new RiskLimits(1_000_000, 1_000_000_000_000L, 10_000, 50, 50_000_000_000_000L,
            new boolean[3], TradingState.ACTIVE), config.risk());
    }

    @Test
    void shouldUseEveryDefaultWhenEngineConfHasOnlyEmptySectionsAndComments() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir)
            .write(ConfigFolder.ENGINE, "# nothing set", "[engine]", "", "[risk]", "restricted =")
            .load();

        assertEquals(new EngineSettings(ConfigDefaults.DEFAULT_RING_SIZE, ConfigDefaults.DEFAULT_WAIT_STRATEGY,
            ConfigDefaults.DEFAULT_MAX_PRICE_AGE_NANOS, ConfigDefaults.DEFAULT_ORDER_CAPACITY,
            ConfigDefaults.DEFAULT_FIRST_CLIENT_ORDER_ID, ConfigDefaults.DEFAULT_LIMIT_COLLAR_PPM,
            ConfigDefaults.DEFAULT_ZONE), config.settings());
        assertEquals(new RiskLimits(ConfigDefaults.DEFAULT_MAX_ORDER_QUANTITY,
            ConfigDefaults.DEFAULT_MAX_ORDER_NOTIONAL, ConfigDefaults.DEFAULT_PRICE_COLLAR_PPM,
            ConfigDefaults.DEFAULT_MAX_ORDERS_PER_SECOND, ConfigDefaults.DEFAULT_MAX_NOTIONAL_PER_DAY, new boolean[3],
            ConfigDefaults.DEFAULT_TRADING_STATE), config.risk());
        assertEquals(new OrderPolicy(ConfigDefaults.DEFAULT_MAX_ORDER_AGE_NANOS, ConfigDefaults.DEFAULT_WORKING_ORDERS,
            ConfigDefaults.DEFAULT_ON_SHUTDOWN, ConfigDefaults.DEFAULT_REJECT_BACKOFF_NANOS,
            ConfigDefaults.DEFAULT_MAX_REJECT_BACKOFF_NANOS, ConfigDefaults.DEFAULT_REQUEST_TIMEOUT_NANOS),
            config.orders());
    }

    @Test
    void shouldReadEveryOrdersKey() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir).write(ConfigFolder.ENGINE,
            "[orders]",
            "max-order-age = 90s",
            "working-orders = keep",
            "on-shutdown = leave",
            "reject-backoff = 250ms",
            "max-reject-backoff = 1m",
            "request-timeout = 5s").load();

        assertEquals(new OrderPolicy(90_000_000_000L, OrderPolicy.WorkingOrderPolicy.KEEP,
            OrderPolicy.ShutdownOrders.LEAVE, 250_000_000L, 60_000_000_000L, 5_000_000_000L), config.orders());
    }

    @Test
    void shouldNeverCancelForAgeWhenMaxOrderAgeIsOff() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir).write(ConfigFolder.ENGINE,
            "[orders]", "max-order-age = off", "reject-backoff = 10m").load();

        assertEquals(0, config.orders().maxOrderAgeNanos());
        assertEquals(600_000_000_000L, config.orders().maxRejectBackoffNanos(), "the cap grows to the backoff");
    }

    @Test
    void shouldReadEveryEngineAndRiskKey() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir).write(ConfigFolder.ENGINE,
            "[engine]",
            "ring-size = 1024",
            "wait-strategy = Busy-Spin",
            "max-price-age = 500ms",
            "order-capacity = 16",
            "first-client-order-id = 1000001",
            "limit-collar = 2.5",
            "zone = Europe/London",
            "[risk]",
            "max-order-quantity = 500",
            "max-order-notional = 0.29",
            "price-collar = 50",
            "max-orders-per-second = 5",
            "max-notional-per-day = 1234567.891011",
            "restricted = GLD , SPY",
            "trading-state = reducing").load();

        assertEquals(new EngineSettings(1024, WaitStrategyKind.BUSY_SPIN, 500_000_000L, 16, 1_000_001, 250,
            ZoneId.of("Europe/London")), config.settings());
        assertEquals(new RiskLimits(500, 290_000, 5_000, 5, 1_234_567_891_011L, new boolean[] {true, false, true},
            TradingState.REDUCING), config.risk());
    }

    @Test
    void shouldUseEveryPortfolioDefault() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).load().portfolios().get(0);

        assertEquals(new PortfolioSpec(0, "core", ConfigDefaults.DEFAULT_CASH, new int[] {0, 1}, new long[] {0, 0},
            new int[] {600_000, 400_000}, new int[] {50_000, 50_000}, new int[] {0, 0},
            ConfigDefaults.DEFAULT_PORTFOLIO_BAND_PPM, 200_000, ConfigDefaults.DEFAULT_CASH_BUFFER_PPM,
            ConfigDefaults.DEFAULT_MIN_TRADE_NOTIONAL, PlannerMode.TO_TARGET, TriggerKind.THRESHOLD, null), core);
    }

    @Test
    void shouldUseCalendarDefaultsForMonthTimeAndZone() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[trigger]",
            "kind = calendar",
            "frequency = annual",
            "day = 15",
            "[targets]",
            "SPY = 100").load().portfolios().get(0);

        assertEquals(new CalendarSpec(CalendarFrequency.ANNUAL, 1, 15, ConfigDefaults.DEFAULT_CALENDAR_MONTH,
            ConfigDefaults.DEFAULT_CALENDAR_SECOND_OF_DAY, ConfigDefaults.DEFAULT_CALENDAR_ZONE), core.calendar());
        assertEquals(16 * 3600, ConfigDefaults.DEFAULT_CALENDAR_SECOND_OF_DAY);
        assertEquals(UTC, ConfigDefaults.DEFAULT_CALENDAR_ZONE);
    }

    @Test
    void shouldReadEveryCalendarKeyInItsAlternativeSpellings() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[trigger]",
            "kind = threshold-or-calendar",
            "frequency = weekly",
            "day = Fri",
            "time = 09:45:30",
            "zone = Asia/Tokyo",
            "[bands]",
            "relative = 25",
            "[targets]",
            "SPY = 100").load().portfolios().get(0);

        assertEquals(new CalendarSpec(CalendarFrequency.WEEKLY, 5, 1, 1, 9 * 3600 + 45 * 60 + 30,
            ZoneId.of("Asia/Tokyo")), core.calendar());
    }

    @Test
    void shouldAcceptAnnualMonthByName() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[trigger]",
            "kind = calendar",
            "frequency = annual",
            "month = sep",
            "day = last",
            "[targets]",
            "SPY = 100").load().portfolios().get(0);

        assertEquals(9, core.calendar().month());
        assertEquals(CalendarSpec.LAST_DAY, core.calendar().dayOfMonth());
    }

    @Test
    void shouldAssignPortfolioIdsInFileNameOrderAndIgnoreOtherFiles() throws ConfigException {
        final EngineConfig config = new ConfigFolder(dir)
            .write("portfolios/alpha.conf", "[bands]", "absolute = 5", "[targets]", "GLD = 100")
            .write("portfolios/notes.txt", "not a portfolio")
            .write("portfolios/zulu.conf", "[bands]", "absolute = 5", "[targets]", "TLT = 100")
            .load();

        assertEquals(List.of("alpha", "core", "zulu"),
            config.portfolios().stream().map(PortfolioSpec::name).toList());
        assertEquals(List.of(0, 1, 2), config.portfolios().stream().map(PortfolioSpec::id).toList());
    }

    @Test
    void shouldOrderSlotsTargetsFirstThenHeldOnlyInstrumentsWithTargetZero() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[bands]",
            "absolute = 5",
            "[targets]",
            "TLT = 40%   # a trailing comment",
            "SPY = 60 %",
            "[holdings]",
            "GLD = 7",
            "SPY = 12").load().portfolios().get(0);

        assertEquals(List.of(1, 0, 2), List.of(core.instrumentIds()[0], core.instrumentIds()[1],
            core.instrumentIds()[2]));
        assertEquals(List.of(400_000, 600_000, 0), List.of(core.targetPpm()[0], core.targetPpm()[1],
            core.targetPpm()[2]));
        assertEquals(List.of(0L, 12L, 7L), List.of(core.quantities()[0], core.quantities()[1], core.quantities()[2]));
    }

    @Test
    void shouldApplyPerAssetBandOverridesOverThePortfolioWideBands() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[bands]",
            "absolute = 5",
            "relative = 25",
            "relative.TLT = 10",
            "absolute.SPY = 0",
            "portfolio = 7.5",
            "hysteresis = 0",
            "[targets]",
            "SPY = 60",
            "TLT = 40").load().portfolios().get(0);

        assertEquals(List.of(0, 50_000), List.of(core.absoluteBandPpm()[0], core.absoluteBandPpm()[1]));
        assertEquals(List.of(250_000, 100_000), List.of(core.relativeBandPpm()[0], core.relativeBandPpm()[1]));
        assertEquals(75_000, core.portfolioBandPpm());
        assertEquals(0, core.hysteresisPpm());
    }

    @Test
    void shouldAllowAPureCalendarPortfolioWithoutBands() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[trigger]",
            "kind = calendar",
            "frequency = daily",
            "[targets]",
            "SPY = 100").load().portfolios().get(0);

        assertEquals(TriggerKind.CALENDAR, core.trigger());
        assertEquals(0, core.absoluteBandPpm()[0]);
    }

    @Test
    void shouldReadPortfolioKeysExactly() throws ConfigException {
        final PortfolioSpec core = new ConfigFolder(dir).write(ConfigFolder.CORE,
            "[portfolio]",
            "name = Core_2",
            "cash = 1234.56",
            "cash-buffer = 2.5",
            "min-trade-notional = 0.29",
            "planner = halfway",
            "[bands]",
            "absolute = 5",
            "[targets]",
            "SPY = 100").load().portfolios().get(0);

        assertEquals("Core_2", core.name());
        assertEquals(1_234_560_000L, core.cash());
        assertEquals(25_000, core.cashBufferPpm());
        assertEquals(290_000, core.minTradeNotional());
        assertEquals(PlannerMode.HALFWAY, core.plannerMode());
        assertNull(core.calendar());
    }
}
