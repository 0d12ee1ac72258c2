package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

final class TradingDayClockTest {
    @Test
    void shouldStartAUtcDayAtMidnight() {
        assertEquals(0, TradingDayClock.UTC.tradingDay(0));
        assertEquals(0, TradingDayClock.UTC.tradingDay(DAY - 1));
        assertEquals(1, TradingDayClock.UTC.tradingDay(DAY));
        assertEquals(20_000, TradingDayClock.UTC.tradingDay(RiskFixtures.T0));
    }

    @Test
    void shouldPutTimesBeforeTheEpochOnNegativeDays() {
        assertEquals(-1, TradingDayClock.UTC.tradingDay(-1));
        assertEquals(-1, TradingDayClock.UTC.tradingDay(-DAY));
        assertEquals(-2, TradingDayClock.UTC.tradingDay(-DAY - 1));
    }

    @Test
    void shouldMapTheWholeRangeOfLongWithoutOverflow() {
        assertEquals(Math.floorDiv(Long.MIN_VALUE, DAY), TradingDayClock.UTC.tradingDay(Long.MIN_VALUE));
        assertEquals(Long.MAX_VALUE / DAY, TradingDayClock.UTC.tradingDay(Long.MAX_VALUE));
    }

    @Test
    void shouldBeOneSharedInstanceOfANamedClass() {
        assertSame(TradingDayClock.UTC, TradingDayClock.UTC);
        assertSame(TradingDayClock.Utc.class, TradingDayClock.UTC.getClass());
    }
}
