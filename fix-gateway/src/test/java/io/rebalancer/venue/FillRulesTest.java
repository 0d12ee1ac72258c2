package io.rebalancer.venue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FillRulesTest {
    @Test
    void shouldSplitTheFirstPartialInWholeLots() {
        assertEquals(200, FillRules.firstPartial(500, 100));
        assertEquals(150, FillRules.firstPartial(301, 1));
        assertEquals(100, FillRules.firstPartial(100, 100), "under two lots: fill it all at once");
        assertEquals(1, FillRules.firstPartial(1, 1));
    }

    @Test
    void shouldBeMarketableOnlyAtOrThroughTheLimitAndNeverAgainstAnEmptySide() {
        assertTrue(FillRules.marketable(100, true, 100));
        assertFalse(FillRules.marketable(101, true, 100));
        assertTrue(FillRules.marketable(100, false, 100));
        assertFalse(FillRules.marketable(99, false, 100));
        assertFalse(FillRules.marketable(0, false, 0));
    }
}
