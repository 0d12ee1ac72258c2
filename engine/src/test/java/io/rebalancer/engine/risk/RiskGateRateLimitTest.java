package io.rebalancer.engine.risk;

import static io.rebalancer.engine.risk.RiskFixtures.MAX_PER_SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.MAX_QUANTITY;
import static io.rebalancer.engine.risk.RiskFixtures.PRICE;
import static io.rebalancer.engine.risk.RiskFixtures.RESTRICTED;
import static io.rebalancer.engine.risk.RiskFixtures.SECOND;
import static io.rebalancer.engine.risk.RiskFixtures.T0;
import static io.rebalancer.engine.risk.RiskFixtures.TRADABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rebalancer.engine.domain.Side;

import org.junit.jupiter.api.Test;

/** Orders per second: a sliding one-second window of event time over accepted orders only. */
final class RiskGateRateLimitTest {
    private final RiskGate gate = RiskFixtures.limits().maxDaily(Long.MAX_VALUE).gate();

    @Test
    void shouldAcceptUpToMaxOrdersPerSecondWithinOneSecond() {
        for (int i = 0; i < MAX_PER_SECOND; i++) {
            assertEquals(RiskVerdict.ACCEPTED, order(T0 + i), "order " + i);
        }
    }

    @Test
    void shouldRejectOneMoreOrderWithinTheSameSecond() {
        fillWindowAt(T0);
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0));
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + SECOND - 1));
    }

    @Test
    void shouldAllowOrdersAgainOnceOldestLeavesTheOneSecondWindow() {
        assertEquals(RiskVerdict.ACCEPTED, order(T0));
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + 1));
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + 2));
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + SECOND - 1), "oldest is 1 ns short of a second old");
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + SECOND), "oldest is exactly a second old");
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + SECOND), "next oldest is at T0 + 1 ns");
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + SECOND + 1));
    }

    @Test
    void shouldSlideTheWindowOneOrderAtATime() {
        final RiskGate one = RiskFixtures.limits().maxPerSecond(1).maxDaily(Long.MAX_VALUE).gate();
        for (int i = 0; i < 10; i++) {
            final long second = T0 + i * SECOND;
            assertEquals(RiskVerdict.ACCEPTED, one.check(second, TRADABLE, Side.BUY, 1, PRICE, PRICE));
            assertEquals(RiskVerdict.RATE_LIMIT, one.check(second + SECOND - 1, TRADABLE, Side.BUY, 1, PRICE, PRICE));
        }
    }

    @Test
    void shouldNotCountRejectedOrdersInTheRateWindow() {
        assertEquals(RiskVerdict.ACCEPTED, order(T0));
        assertEquals(RiskVerdict.ACCEPTED, order(T0));
        for (int i = 0; i < 10; i++) {
            assertEquals(RiskVerdict.MAX_QUANTITY, gate.check(T0, TRADABLE, Side.BUY, MAX_QUANTITY + 1, PRICE, PRICE));
            assertEquals(RiskVerdict.RESTRICTED, gate.check(T0, RESTRICTED, Side.BUY, 1, PRICE, PRICE));
            assertEquals(RiskVerdict.PRICE_COLLAR, gate.check(T0, TRADABLE, Side.BUY, 1, 2 * PRICE, PRICE));
        }
        assertEquals(RiskVerdict.ACCEPTED, order(T0));
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0));
    }

    @Test
    void shouldNotCountRateLimitedOrdersInTheWindow() {
        fillWindowAt(T0);
        for (int i = 0; i < 10; i++) {
            assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + SECOND / 2));
        }
        fillWindowAt(T0 + SECOND);
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + SECOND));
    }

    @Test
    void shouldTreatATimeGoingBackwardsAsTheLatestAcceptedTime() {
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + 10 * SECOND));
        assertEquals(RiskVerdict.ACCEPTED, order(T0), "taken as sent at T0 + 10 s");
        assertEquals(RiskVerdict.ACCEPTED, order(T0 + 5 * SECOND), "taken as sent at T0 + 10 s");
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 - 100 * SECOND), "far back is still the same second");
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + 11 * SECOND - 1));
        fillWindowAt(T0 + 11 * SECOND);
        assertEquals(RiskVerdict.RATE_LIMIT, order(T0 + 11 * SECOND), "early send times would have freed more");
    }

    @Test
    void shouldJudgeEventTimesAcrossTheWholeRangeOfLongWithoutOverflow() {
        fillWindowAt(Long.MIN_VALUE);
        assertEquals(RiskVerdict.RATE_LIMIT, order(Long.MIN_VALUE + SECOND - 1));
        fillWindowAt(Long.MAX_VALUE);
        assertEquals(RiskVerdict.RATE_LIMIT, order(Long.MAX_VALUE));
        assertEquals(RiskVerdict.RATE_LIMIT, order(Long.MIN_VALUE), "backwards: taken as Long.MAX_VALUE");
    }

    private void fillWindowAt(final long timeNanos) {
        for (int i = 0; i < MAX_PER_SECOND; i++) {
            assertEquals(RiskVerdict.ACCEPTED, order(timeNanos), "filling the window, order " + i);
        }
    }

    private RiskVerdict order(final long timeNanos) {
        return gate.check(timeNanos, TRADABLE, Side.SELL, 1, PRICE, PRICE);
    }
}
