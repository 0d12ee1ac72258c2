package io.rebalancer.engine.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

final class RiskVerdictTest {
    @Test
    void shouldDescribeEveryVerdictDistinctly() {
        final Set<String> descriptions = new HashSet<>();
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            assertFalse(verdict.description().isBlank(), verdict.name());
            descriptions.add(verdict.description());
        }
        assertEquals(RiskVerdict.values().length, descriptions.size());
    }

    @Test
    void shouldReturnTheSameConstantDescriptionEveryTime() {
        for (final RiskVerdict verdict : RiskVerdict.values()) {
            assertSame(verdict.description(), verdict.description(), verdict.name());
        }
    }

    @Test
    void shouldOfferEveryVerdictTheBriefNames() {
        assertEquals("ACCEPTED,HALTED,REDUCING_ONLY,RESTRICTED,INVALID_ORDER,MAX_QUANTITY,MAX_NOTIONAL,"
            + "PRICE_COLLAR,RATE_LIMIT,DAILY_NOTIONAL,ORDER_CAPACITY", String.join(",", names()));
    }

    private static String[] names() {
        final RiskVerdict[] verdicts = RiskVerdict.values();
        final String[] names = new String[verdicts.length];
        for (int i = 0; i < verdicts.length; i++) {
            names[i] = verdicts[i].name();
        }
        return names;
    }
}
