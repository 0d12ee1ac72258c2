package io.rebalancer.engine.config;

import io.rebalancer.engine.domain.Fixed;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValuesTest {
    private static SourceValue value(final String text) {
        return new IniEntry(Path.of("x.conf"), "s", "k", text, 1);
    }

    @Test
    void shouldParseEveryDurationUnit() throws ConfigException {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), Values.durationNanos(value("500ms")));
        assertEquals(TimeUnit.SECONDS.toNanos(30), Values.durationNanos(value("30s")));
        assertEquals(TimeUnit.MINUTES.toNanos(5), Values.durationNanos(value("5m")));
        assertEquals(TimeUnit.HOURS.toNanos(2), Values.durationNanos(value("2h")));
        assertEquals(TimeUnit.DAYS.toNanos(3), Values.durationNanos(value("3 d")));
    }

    @Test
    void shouldRejectDurationTooLongForNanoseconds() {
        assertEquals("x.conf:1: [s] k: \"200000d\" is too long",
            assertThrows(ConfigException.class, () -> Values.durationNanos(value("200000d"))).getMessage());
    }

    @Test
    void shouldParsePercentagesExactlyInEveryForm() throws ConfigException {
        assertEquals(600_000, Values.percent(value("60")));
        assertEquals(600_000, Values.percent(value("60%")));
        assertEquals(125_000, Values.percent(value("12.5")));
        assertEquals(1, Values.percent(value("0.0001")));
        assertEquals(290_000, Values.percent(value("29")));
    }

    @Test
    void shouldParseAmountsExactlyWithoutDoubleRounding() throws ConfigException {
        assertEquals(290_000, Values.amount(value("0.29")));
        assertEquals(1_000_000 * Fixed.SCALE, Values.amount(value("1000000.00")));
        assertEquals(1, Values.amount(value("0.000001")));
    }

    @Test
    void shouldParseTimesOfDay() throws ConfigException {
        assertEquals(0, Values.secondOfDay(value("00:00")));
        assertEquals(15 * 3600 + 30 * 60, Values.secondOfDay(value("15:30")));
        assertEquals(86_399, Values.secondOfDay(value("23:59:59")));
    }

    @Test
    void shouldSuggestOnlyLikelyTypos() {
        assertEquals("risk", Suggestions.closest("riks", List.of("engine", "risk")));
        assertEquals("SPY", Suggestions.closest("spy", List.of("TLT", "SPY")));
        assertEquals("max-price-age", Suggestions.closest("max_price_age", List.of("ring-size", "max-price-age")));
        assertNull(Suggestions.closest("colour", List.of("engine", "risk")));
    }
}
