package io.rebalancer.engine.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PpmTest {
    @Test
    void shouldParsePercentagesToPartsPerMillion() {
        assertEquals(600_000, Ppm.parsePercent("60"));
        assertEquals(75_000, Ppm.parsePercent("7.5%"));
        assertEquals(1, Ppm.parsePercent("0.0001"));
        assertEquals(Ppm.ONE, Ppm.parsePercent(" 100 % "));
    }

    @Test
    void shouldRefusePercentagesThatCannotBeExactPpm() {
        for (final String bad : new String[] {"0.00001", "-1", "abc", "1001", ""}) {
            assertEquals(Ppm.INVALID, Ppm.parsePercent(bad), bad);
        }
    }

    @Test
    void shouldParseBasisPoints() {
        assertEquals(1_000, Ppm.parseBasisPoints("10"));
        assertEquals(250, Ppm.parseBasisPoints("2.5"));
        assertEquals(Ppm.INVALID, Ppm.parseBasisPoints("2.125"));
    }

    @Test
    void shouldFormatForPeople() {
        assertEquals("60.00%", Ppm.formatPercent(600_000));
        assertEquals("0.0001%", Ppm.formatPercent(1));
    }
}
