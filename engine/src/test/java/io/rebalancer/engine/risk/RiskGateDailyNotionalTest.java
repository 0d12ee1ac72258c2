package io.rebalancer.engine.risk;

import io.rebalancer.engine.time.ZoneOffsetTable;
import java.time.ZoneOffset;
import static io.rebalancer.engine.risk.RiskFixtures.DAY;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_DAILY;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_QUANTITY;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static io.rebalancer.engine.risk.RiskFixtures.TRADABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.engine.domain.Side;

import org.junit.jupiter.api.Test;

/** Notional accepted per trading day: counted per local date in the engine's zone, reset by a day's first order. */
final class RiskGateDailyNotionalTest {
    /** The largest order: 1,000 at 100.00, a notional of 100,000.00. */
    private static final long FULL = MAX_QUANTITY * PRICE;
    private static final long HOUR = 3_600 * SECOND;
    /** Midnight UTC that starts the day {@link RiskFixtures#T0} is in. */
    private static final long MIDNIGHT = Math.floorDiv(T0, DAY) * DAY;

    private final RiskGate gate = RiskFixtures.gate();
    private long time = T0;

    @Test
    void shouldStartTheDayWithNoNotional() {
        assertEquals(0, gate.dailyNotional());
    }

    @Test
    void shouldAcceptOrderThatTakesDailyNotionalExactlyToTheLimit() {
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY / 2));
        assertEquals(MAX_DAILY, gate.dailyNotional());
    }

    @Test
    void shouldRejectOrderThatWouldTakeDailyNotionalOneMicroAboveTheLimit() {
        fillDay();
        assertEquals(RiskVerdict.DAILY_NOTIONAL, gate.check(nextSecond(), TRADABLE, Side.BUY, 1, 1, 1));
        assertEquals(MAX_DAILY, gate.dailyNotional());
    }

    @Test
    void shouldAcceptASmallerOrderAfterALargerOneWasRejected() {
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.DAILY_NOTIONAL, order(MAX_QUANTITY));
        assertEquals(2 * FULL, gate.dailyNotional(), "a reject adds nothing");
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY / 2));
        assertEquals(MAX_DAILY, gate.dailyNotional());
    }

    @Test
    void shouldResetDailyNotionalOnNewTradingDay() {
        fillDay();
        assertEquals(RiskVerdict.DAILY_NOTIONAL, orderAt(MIDNIGHT + DAY - 1, 1), "last nanosecond of the day");
        assertEquals(RiskVerdict.ACCEPTED, orderAt(MIDNIGHT + DAY, MAX_QUANTITY), "first nanosecond of the next");
        assertEquals(FULL, gate.dailyNotional());
    }

    @Test
    void shouldKeepCountingTheNewDayWhenTimeStepsBackIntoThePreviousDay() {
        assertEquals(RiskVerdict.ACCEPTED, orderAt(MIDNIGHT + DAY - HOUR, MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, orderAt(MIDNIGHT + DAY + HOUR, MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, orderAt(MIDNIGHT + DAY + HOUR + SECOND, MAX_QUANTITY));
        assertEquals(RiskVerdict.DAILY_NOTIONAL, orderAt(MIDNIGHT + DAY - HOUR + SECOND, MAX_QUANTITY),
            "counted on the new day, which already has 200,000.00; the old day is not reopened");
        assertEquals(2 * FULL, gate.dailyNotional());
    }

    @Test
    void shouldNotResetTheDayOnARejectedOrder() {
        fillDay();
        assertEquals(RiskVerdict.PRICE_COLLAR, gate.check(MIDNIGHT + DAY, TRADABLE, Side.BUY, 1, 2 * PRICE, PRICE));
        assertEquals(MAX_DAILY, gate.dailyNotional(), "still the previous day's total");
        assertEquals(RiskVerdict.ACCEPTED, orderAt(MIDNIGHT + DAY, 1));
        assertEquals(PRICE, gate.dailyNotional());
    }

    @Test
    void shouldCountTradingDaysInTheEngineZone() {
        // A zone two hours ahead of UTC: its trading day ends at 22:00 UTC.
        final RiskGate zoned = RiskFixtures.limits().gate(ZoneOffsetTable.of(ZoneOffset.ofHours(2)));
        final long close = MIDNIGHT + 22 * HOUR;
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close - 2 * SECOND, TRADABLE, Side.BUY, 1000, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close - SECOND, TRADABLE, Side.BUY, 1000, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close - 1, TRADABLE, Side.BUY, 500, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close, TRADABLE, Side.BUY, 1000, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close + SECOND, TRADABLE, Side.BUY, 1000, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, zoned.check(close + 2 * SECOND, TRADABLE, Side.BUY, 500, PRICE, PRICE));
        assertEquals(RiskVerdict.DAILY_NOTIONAL, zoned.check(MIDNIGHT + DAY, TRADABLE, Side.BUY, 1, 1, 1),
            "UTC midnight is not a new trading day in this zone");
    }

    @Test
    void shouldCountSellsAsWellAsBuys() {
        assertEquals(RiskVerdict.ACCEPTED, gate.check(nextSecond(), TRADABLE, Side.SELL, MAX_QUANTITY, PRICE, PRICE));
        assertEquals(RiskVerdict.ACCEPTED, gate.check(nextSecond(), TRADABLE, Side.BUY, MAX_QUANTITY, PRICE, PRICE));
        assertEquals(2 * FULL, gate.dailyNotional());
    }

    private void fillDay() {
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY));
        assertEquals(RiskVerdict.ACCEPTED, order(MAX_QUANTITY / 2));
        assertEquals(MAX_DAILY, gate.dailyNotional());
    }

    /** One order a second apart from the last, so that the rate limit never interferes. */
    private RiskVerdict order(final long quantity) {
        return orderAt(nextSecond(), quantity);
    }

    private RiskVerdict orderAt(final long timeNanos, final long quantity) {
        return gate.check(timeNanos, TRADABLE, Side.BUY, quantity, PRICE, PRICE);
    }

    private long nextSecond() {
        time += SECOND;
        return time;
    }
}
