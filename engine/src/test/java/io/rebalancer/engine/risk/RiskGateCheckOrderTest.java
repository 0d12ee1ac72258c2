package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.MAX_PER_SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_QUANTITY;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.RESTRICTED;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static io.rebalancer.engine.risk.RiskFixtures.TRADABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;

import org.junit.jupiter.api.Test;

/** An order that breaks two rules is reported under the one checked first; one test per adjacent pair. */
final class RiskGateCheckOrderTest {
    /** Notional limit below what {@link RiskFixtures#MAX_QUANTITY} at {@link RiskFixtures#PRICE} needs. */
    private static final long SMALL_NOTIONAL = 50_000 * Fixed.SCALE;

    private final RiskGate gate = RiskFixtures.gate();

    @Test
    void shouldReportInvalidOrderBeforeTheKillSwitch() {
        gate.tradingState(TradingState.HALTED);
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.SELL, 0, PRICE, PRICE));
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, TRADABLE, Side.SELL, Long.MAX_VALUE, PRICE, PRICE));
        gate.tradingState(TradingState.REDUCING);
        assertEquals(RiskVerdict.INVALID_ORDER, gate.check(T0, -1, Side.BUY, 1, PRICE, PRICE));
    }

    @Test
    void shouldReportHaltedBeforeRestricted() {
        gate.tradingState(TradingState.HALTED);
        assertEquals(RiskVerdict.HALTED, gate.check(T0, RESTRICTED, Side.SELL, 1, PRICE, PRICE));
    }

    @Test
    void shouldReportReducingOnlyBeforeRestricted() {
        gate.tradingState(TradingState.REDUCING);
        assertEquals(RiskVerdict.REDUCING_ONLY, gate.check(T0, RESTRICTED, Side.BUY, 1, PRICE, PRICE));
        assertEquals(RiskVerdict.RESTRICTED, gate.check(T0, RESTRICTED, Side.SELL, 1, PRICE, PRICE));
    }

    @Test
    void shouldReportRestrictedBeforeMaxQuantity() {
        assertEquals(RiskVerdict.RESTRICTED, gate.check(T0, RESTRICTED, Side.BUY, MAX_QUANTITY + 1, PRICE, PRICE));
    }

    @Test
    void shouldReportMaxQuantityBeforeMaxNotional() {
        final RiskGate small = RiskFixtures.limits().maxNotional(SMALL_NOTIONAL).gate();
        assertEquals(RiskVerdict.MAX_QUANTITY, small.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY + 1, PRICE, PRICE));
    }

    @Test
    void shouldReportMaxNotionalBeforePriceCollar() {
        final RiskGate small = RiskFixtures.limits().maxNotional(SMALL_NOTIONAL).gate();
        assertEquals(RiskVerdict.MAX_NOTIONAL, small.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY, 2 * PRICE, PRICE));
    }

    @Test
    void shouldReportPriceCollarBeforeRateLimit() {
        fillWindow(gate, 1);
        assertEquals(RiskVerdict.PRICE_COLLAR, gate.check(T0, TRADABLE, Side.BUY, 1, 2 * PRICE, PRICE));
        assertEquals(RiskVerdict.RATE_LIMIT, gate.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
    }

    @Test
    void shouldReportRateLimitBeforeDailyNotional() {
        final RiskGate daily = RiskFixtures.limits().maxDaily(MAX_PER_SECOND * PRICE).gate();
        fillWindow(daily, 1);
        assertEquals(MAX_PER_SECOND * PRICE, daily.dailyNotional(), "the day is full too");
        assertEquals(RiskVerdict.RATE_LIMIT, daily.check(T0, TRADABLE, Side.BUY, 1, PRICE, PRICE));
    }

    private static void fillWindow(final RiskGate target, final long quantity) {
        for (int i = 0; i < MAX_PER_SECOND; i++) {
            assertEquals(RiskVerdict.ACCEPTED, target.check(T0, TRADABLE, Side.BUY, quantity, PRICE, PRICE));
        }
    }
}
