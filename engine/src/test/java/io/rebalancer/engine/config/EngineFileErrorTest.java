package io.rebalancer.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bad engine.conf files, and the one message each must produce. */
class EngineFileErrorTest {
    @TempDir
    Path dir;

    private ConfigException engineFailure(final String... lines) {
        return new ConfigFolder(dir).write(ConfigFolder.ENGINE, lines).failure();
    }

    private void assertFailure(final ConfigException failure, final int line, final String detail) {
        final Path file = dir.resolve(ConfigFolder.ENGINE);
        assertEquals(file + ":" + line + ": " + detail, failure.getMessage());
        assertEquals(file, failure.file());
        assertEquals(line, failure.line());
    }

    @Test
    void shouldRejectUnknownKeySuggestingTheClosestKnownOne() {
        assertFailure(engineFailure("[engine]", "ring_size = 1024"), 2,
            "[engine] ring_size: unknown key; did you mean ring-size? Keys in [engine]: ring-size, wait-strategy, "
                + "max-price-age, order-capacity, first-client-order-id, limit-collar, zone");
    }

    @Test
    void shouldRejectUnknownKeyWithoutSuggestionWhenNothingIsClose() {
        assertFailure(engineFailure("[risk]", "colour = blue"), 2,
            "[risk] colour: unknown key. Keys in [risk]: max-order-quantity, max-order-notional, price-collar, "
                + "max-orders-per-second, max-notional-per-day, restricted, trading-state");
    }

    @Test
    void shouldRejectUnknownSectionSuggestingTheClosestKnownOne() {
        assertFailure(engineFailure("[engine]", "[riks]"), 2,
            "unknown section [riks]; did you mean [risk]? Sections in this file: [engine], [orders], [risk]");
    }

    @Test
    void shouldRejectMaxRejectBackoffShorterThanTheBackoff() {
        assertFailure(engineFailure("[orders]", "reject-backoff = 2s", "max-reject-backoff = 1s"), 3,
            "[orders] max-reject-backoff: shorter than reject-backoff (2000ms); make it at least as long");
    }

    @Test
    void shouldRejectAWorkingOrderPolicyThatIsNotAChoice() {
        assertFailure(engineFailure("[orders]", "working-orders = amend"), 2,
            "[orders] working-orders: \"amend\" is not one of keep, replace");
    }

    @Test
    void shouldRejectDuplicateKeyNamingBothLines() {
        assertFailure(engineFailure("[risk]", "price-collar = 50", "# tighter", "price-collar = 25"), 4,
            "[risk] price-collar: set twice (first on line 2); keep one of the two lines");
    }

    @Test
    void shouldRejectRepeatedSection() {
        assertFailure(engineFailure("[engine]", "ring-size = 1024", "[risk]", "[engine]"), 4,
            "[engine] appears twice (first on line 1); put all its keys under one [engine] header");
    }

    @Test
    void shouldRejectKeyOutsideAnySection() {
        assertFailure(engineFailure("# settings", "ring-size = 1024"), 2,
            "ring-size is outside any section; put it below a section header such as [engine]");
    }

    @Test
    void shouldRejectBadWholeNumber() {
        assertFailure(engineFailure("[engine]", "order-capacity = 4O96"), 2,
            "[engine] order-capacity: \"4O96\" is not a whole number; write digits only, with no decimal point, "
                + "separators or units");
    }

    @Test
    void shouldRejectRingSizeThatIsNotAPowerOfTwoSuggestingTheNearestOnes() {
        assertFailure(engineFailure("[engine]", "ring-size = 1000"), 2,
            "[engine] ring-size: 1000 is not a power of two; use 1024 or 512");
    }

    @Test
    void shouldRejectZeroRingSize() {
        assertFailure(engineFailure("[engine]", "ring-size = 0"), 2,
            "[engine] ring-size: 0 is too small; use 1 or more");
    }

    @Test
    void shouldRejectBadDuration() {
        assertFailure(engineFailure("[engine]", "max-price-age = 1 minute"), 2,
            "[engine] max-price-age: \"1 minute\" is not a duration; write a whole number and a unit (ms, s, m, h "
                + "or d), e.g. 500ms, 30s or 5m");
    }

    @Test
    void shouldRejectZeroDuration() {
        assertFailure(engineFailure("[engine]", "max-price-age = 0s"), 2,
            "[engine] max-price-age: \"0s\" must be longer than 0");
    }

    @Test
    void shouldRejectBadZoneSuggestingTheClosestOne() {
        assertFailure(engineFailure("[engine]", "zone = America/NewYork"), 2,
            "[engine] zone: \"America/NewYork\" is not a time zone; did you mean America/New_York?");
    }

    @Test
    void shouldRejectBadZoneWithExamplesWhenNothingIsClose() {
        assertFailure(engineFailure("[engine]", "zone = Mars/Olympus_Mons"), 2,
            "[engine] zone: \"Mars/Olympus_Mons\" is not a time zone; use a region such as America/New_York, "
                + "Europe/London or UTC");
    }

    @Test
    void shouldRejectUnknownWaitStrategyListingTheChoices() {
        assertFailure(engineFailure("[engine]", "wait-strategy = busyspin"), 2,
            "[engine] wait-strategy: \"busyspin\" is not one of blocking, sleeping, yielding, busy-spin; "
                + "did you mean busy-spin?");
    }

    @Test
    void shouldRejectEmptyValue() {
        assertFailure(engineFailure("[engine]", "limit-collar ="), 2,
            "[engine] limit-collar: no value after the =; write one or remove the line");
    }

    @Test
    void shouldRejectBasisPointsWithThreeDecimals() {
        assertFailure(engineFailure("[engine]", "limit-collar = 2.125"), 2,
            "[engine] limit-collar: \"2.125\" has 3 decimal places; basis points take at most 2");
    }

    @Test
    void shouldRejectALimitCollarAboveOneHundredPercent() {
        assertFailure(engineFailure("[engine]", "limit-collar = 10000.01"), 2,
            "[engine] limit-collar: 10000.01 basis points is more than 100%; use at most 10000");
    }

    @Test
    void shouldRejectAPriceCollarNoWiderThanTheLimitCollar() {
        assertFailure(engineFailure("[engine]", "limit-collar = 50", "[risk]", "price-collar = 50"), 4,
            "[risk] price-collar: the risk price collar (50.0 bp) must be wider than the engine's limit collar "
                + "(50.0 bp) plus half a spread, or every order is refused; widen [risk] price-collar or narrow "
                + "[engine] limit-collar");
    }

    @Test
    void shouldRejectAnOrderCapacityTooLargeToPreallocate() {
        assertFailure(engineFailure("[engine]", "order-capacity = 2000000"), 2,
            "[engine] order-capacity: 2000000 is too large; use at most 1000000");
    }

    @Test
    void shouldRejectZeroPriceCollar() {
        assertFailure(engineFailure("[risk]", "price-collar = 0"), 2,
            "[risk] price-collar: 0 would reject every order; use a positive number of basis points, e.g. 100");
    }

    @Test
    void shouldRejectAmountWithSevenDecimals() {
        assertFailure(engineFailure("[risk]", "max-order-notional = 1.0000001"), 2,
            "[risk] max-order-notional: \"1.0000001\" has 7 decimal places; amounts are exact to 6 places "
                + "(0.000001)");
    }

    @Test
    void shouldRejectAmountWithThousandsSeparators() {
        assertFailure(engineFailure("[risk]", "max-notional-per-day = 50,000,000"), 2,
            "[risk] max-notional-per-day: \"50,000,000\" is not a decimal amount; write digits with at most one "
                + "point and no separators or currency signs, e.g. 250000.00");
    }

    @Test
    void shouldRejectZeroNotionalLimit() {
        assertFailure(engineFailure("[risk]", "max-order-notional = 0.00"), 2,
            "[risk] max-order-notional: 0.00 must be more than 0");
    }

    @Test
    void shouldRejectUnknownRestrictedSymbolNamingInstrumentsFile() {
        assertFailure(engineFailure("[risk]", "restricted = SPY, QQQ"), 2,
            "[risk] restricted: unknown symbol QQQ (not in " + dir.resolve(ConfigFolder.INSTRUMENTS)
                + "); add it there or fix the spelling");
    }

    @Test
    void shouldRejectEmptyEntryInRestrictedList() {
        assertFailure(engineFailure("[risk]", "restricted = SPY,,GLD"), 2,
            "[risk] restricted: empty symbol between commas; write symbols separated by commas, e.g. SPY, GLD");
    }

    @Test
    void shouldRejectLineThatIsNotKeyValue() {
        assertFailure(engineFailure("[engine]", "ring-size 1024"), 2,
            "\"ring-size 1024\" is not a \"key = value\" line, a [section] header or a # comment");
    }

    @Test
    void shouldRejectMissingConfigurationFolder() {
        final Path missing = dir.resolve("nowhere");
        final ConfigException failure = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing + ": configuration folder not found; it should hold engine.conf, instruments.csv and "
            + "portfolios/", failure.getMessage());
        assertEquals(0, failure.line());
    }
}
