package io.rebalancer.engine.plan;

import io.rebalancer.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TradePlanTest {
    @Test
    void shouldKeepOrdersInTheOrderAddedUntilCleared() {
        final TradePlan plan = new TradePlan(2);
        assertTrue(plan.add(3, Side.SELL, 10, 99, 100));
        assertTrue(plan.add(1, Side.BUY, 20, 101, 100));

        assertEquals(2, plan.size());
        assertEquals(3, plan.slot(0));
        assertEquals(Side.SELL, plan.side(0));
        assertEquals(10, plan.quantity(0));
        assertEquals(99, plan.limitPrice(0));
        assertEquals(100, plan.referencePrice(0));
        assertEquals(1, plan.slot(1));
        assertEquals(Side.BUY, plan.side(1));

        plan.clear();
        assertEquals(0, plan.size());
    }

    @Test
    void shouldRefuseAnOrderBeyondCapacity() {
        final TradePlan plan = new TradePlan(1);
        assertTrue(plan.add(0, Side.BUY, 1, 1, 1));
        assertFalse(plan.add(1, Side.BUY, 1, 1, 1));
        assertEquals(1, plan.size());
        assertEquals(1, plan.capacity());
    }

    @Test
    void shouldRejectANonPositiveCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new TradePlan(0));
    }
}
