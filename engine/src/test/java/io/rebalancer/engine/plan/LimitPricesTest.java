package io.rebalancer.engine.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class LimitPricesTest {
    private static final long TICK = 50_000L;

    @Test
    void shouldPriceBuyLimitsThroughTheAskRoundedDownToTheTick() {
        assertEquals(100_100_000L, LimitPrices.buyLimit(100_020_000L, TICK, 1_000));
        assertEquals(100_100_000L, LimitPrices.buyLimit(100_000_000L, TICK, 1_000));
    }

    @Test
    void shouldNeverPriceABuyBelowTheAskRoundedUpToTheTick() {
        assertEquals(100_050_000L, LimitPrices.buyLimit(100_020_000L, TICK, 100));
        assertEquals(100_000_000L, LimitPrices.buyLimit(100_000_000L, TICK, 0));
        assertEquals(TICK, LimitPrices.buyLimit(1L, TICK, 0));
    }

    @Test
    void shouldPriceSellLimitsThroughTheBidRoundedUpToTheTick() {
        assertEquals(99_900_000L, LimitPrices.sellLimit(99_980_000L, TICK, 1_000));
        assertEquals(99_900_000L, LimitPrices.sellLimit(100_000_000L, TICK, 1_000));
    }

    @Test
    void shouldNeverPriceASellAboveTheBidRoundedDownToTheTick() {
        assertEquals(99_950_000L, LimitPrices.sellLimit(99_980_000L, TICK, 100));
        assertEquals(100_000_000L, LimitPrices.sellLimit(100_000_000L, TICK, 0));
    }

    @Test
    void shouldRefuseToPriceFromAZeroNegativeSubTickOrAbsurdPrice() {
        assertEquals(0, LimitPrices.buyLimit(0, TICK, 1_000));
        assertEquals(0, LimitPrices.buyLimit(-1, TICK, 1_000));
        assertEquals(0, LimitPrices.buyLimit(Long.MAX_VALUE, TICK, 1_000));
        assertEquals(0, LimitPrices.buyLimit(100, Long.MAX_VALUE, 1_000));
        assertEquals(0, LimitPrices.sellLimit(0, TICK, 1_000));
        assertEquals(0, LimitPrices.sellLimit(TICK - 1, TICK, 0));
        assertEquals(0, LimitPrices.sellLimit(Long.MAX_VALUE, TICK, 1_000));
        assertEquals(0, LimitPrices.sellLimit(100, TICK, 1_000_000));
    }
}
