package io.rebalancer.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad portfolio files and folders, and the one message each must produce. */
class PortfolioFileErrorTest {
    @TempDir
    Path dir;

    private ConfigException coreFailure(final String... lines) {
        return new ConfigFolder(dir).write(ConfigFolder.CORE, lines).failure();
    }

    private void assertFailure(final ConfigException failure, final String relative, final int line,
                               final String detail) {
        final Path file = dir.resolve(relative);
        assertEquals(file + (line > 0 ? ":" + line : "") + ": " + detail, failure.getMessage());
        assertEquals(file, failure.file());
        assertEquals(line, failure.line());
    }

    private void assertCoreFailure(final ConfigException failure, final int line, final String detail) {
        assertFailure(failure, ConfigFolder.CORE, line, detail);
    }

    @Test
    void shouldRejectTargetsThatDoNotSumToOneHundredPercentNamingFileAndLine() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "", "[targets]", "SPY = 60", "TLT = 39.9"), 4,
            "[targets] weights sum to 99.90%; they must sum to exactly 100%, so add 0.10%");
    }

    @Test
    void shouldRejectTargetsAboveOneHundredPercentSayingHowMuchToRemove() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 60.0001", "TLT = 40"), 3,
            "[targets] weights sum to 100.0001%; they must sum to exactly 100%, so remove 0.0001%");
    }

    @Test
    void shouldRejectPercentWithFiveDecimals() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 59.99999", "TLT = 40.00001"), 4,
            "[targets] SPY: \"59.99999\" has 5 decimal places; percentages take at most 4 (0.0001%)");
    }

    @Test
    void shouldRejectTextThatIsNotAPercentage() {
        assertCoreFailure(coreFailure("[bands]", "absolute = five", "[targets]", "SPY = 100"), 2,
            "[bands] absolute: \"five\" is not a percentage; write a number such as 12.5 or 12.5%");
    }

    @Test
    void shouldRejectSingleTargetAboveOneHundredPercent() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 160", "TLT = -60"), 4,
            "[targets] SPY: 160 is above 100%; a target is a share of the portfolio's value");
    }

    @Test
    void shouldRejectUnknownSymbolSuggestingTheClosestOne() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPX = 60", "TLT = 40"), 4,
            "[targets] SPX: unknown symbol SPX (not in " + dir.resolve(ConfigFolder.INSTRUMENTS)
                + "); did you mean SPY?");
    }

    @Test
    void shouldRejectUnknownHeldSymbol() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 100", "[holdings]",
            "QQQ = 10"), 6, "[holdings] QQQ: unknown symbol QQQ (not in " + dir.resolve(ConfigFolder.INSTRUMENTS)
            + "); add it there or fix the spelling");
    }

    @Test
    void shouldRejectZeroTargetAssetWithOnlyARelativeBandAskingForAnAbsoluteOne() {
        assertCoreFailure(coreFailure("[bands]", "relative = 25", "[targets]", "SPY = 60", "TLT = 40",
            "[holdings]", "GLD = 10"), 7, "[holdings] GLD: no band: its target is 0%, so a relative band gives it "
            + "no room; give it an absolute band, e.g. absolute.GLD = 2 in [bands]");
    }

    @Test
    void shouldRejectThresholdPortfolioWithoutAnyBand() {
        assertCoreFailure(coreFailure("[targets]", "SPY = 60", "TLT = 40"), 2,
            "[targets] SPY: no band; add absolute = 5 or relative = 25 to [bands] (or absolute.SPY = 5), or set "
                + "kind = calendar in [trigger]");
    }

    @Test
    void shouldRejectRelativeBandThatRoundsToZero() {
        assertCoreFailure(coreFailure("[bands]", "relative = 0.01", "[targets]", "SPY = 99.5", "TLT = 0.5"), 5,
            "[targets] TLT: no band: a relative band of 0.01% of a 0.50% target rounds to 0; widen it or give TLT "
                + "an absolute band");
    }

    @Test
    void shouldRejectCalendarKeyOnThresholdTrigger() {
        assertCoreFailure(coreFailure("[trigger]", "kind = threshold", "frequency = monthly", "[bands]",
            "absolute = 5", "[targets]", "SPY = 100"), 3, "[trigger] frequency: only calendar triggers use this key, "
            + "but kind is threshold; set kind = calendar, calendar-threshold or threshold-or-calendar, or remove "
            + "this line");
    }

    @Test
    void shouldRejectCalendarKeyWhenTheKindIsThresholdByDefault() {
        assertCoreFailure(coreFailure("[trigger]", "time = 15:30", "[bands]", "absolute = 5", "[targets]",
            "SPY = 100"), 2, "[trigger] time: only calendar triggers use this key, but kind is threshold (the "
            + "default); set kind = calendar, calendar-threshold or threshold-or-calendar, or remove this line");
    }

    @Test
    void shouldRejectCalendarKindWithoutFrequency() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "[targets]", "SPY = 100"), 2,
            "[trigger] kind: calendar needs a frequency; add frequency = daily, weekly, monthly, quarterly or annual");
    }

    @Test
    void shouldRejectWeeklyReviewWithoutDay() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = weekly", "[targets]", "SPY = 100"),
            3, "[trigger] frequency: weekly reviews need a day; add day = monday .. sunday");
    }

    @Test
    void shouldRejectBadDayOfWeek() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = weekly", "day = 5", "[targets]",
            "SPY = 100"), 4, "[trigger] day: \"5\" is not a day of the week; weekly reviews take monday, tuesday, "
            + "wednesday, thursday, friday, saturday or sunday");
    }

    @Test
    void shouldRejectDayOfMonthOutOfRange() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = monthly", "day = 32",
            "[targets]", "SPY = 100"), 4, "[trigger] day: \"32\" is not a day of the month; use 1 .. 31 (a short "
            + "month uses its last day) or last");
    }

    @Test
    void shouldRejectAnnualDayThatTheMonthNeverHas() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = annual", "month = feb",
            "day = 30", "[targets]", "SPY = 100"), 5, "[trigger] day: February has no day 30; use day = last for "
            + "the month's last day");
    }

    @Test
    void shouldRejectQuarterlyCycleStartingAfterMarch() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = quarterly", "day = 1",
            "month = 6", "[targets]", "SPY = 100"), 5, "[trigger] month: a quarterly cycle starts in month 1, 2 or "
            + "3 (jan, feb or mar); 6 is the same cycle as 3");
    }

    @Test
    void shouldRejectMonthOnMonthlyReview() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = monthly", "day = last",
            "month = 3", "[targets]", "SPY = 100"), 5, "[trigger] month: only annual and quarterly reviews use "
            + "month, not monthly ones; remove this line");
    }

    @Test
    void shouldRejectBadTimeOfDay() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = daily", "time = 24:00",
            "[targets]", "SPY = 100"), 4, "[trigger] time: \"24:00\" is not a time of day; write HH:MM or HH:MM:SS "
            + "on a 24-hour clock, e.g. 16:00 or 15:30:00");
    }

    @Test
    void shouldRejectBadCalendarZone() {
        assertCoreFailure(coreFailure("[trigger]", "kind = calendar", "frequency = daily", "zone = Europe/Londn",
            "[targets]", "SPY = 100"), 4, "[trigger] zone: \"Europe/Londn\" is not a time zone; did you mean "
            + "Europe/London?");
    }

    @Test
    void shouldRejectDuplicatePortfolioNamesNamingTheOtherFile() {
        final ConfigException failure = new ConfigFolder(dir)
            .write("portfolios/zeta.conf", "[portfolio]", "name = core", "[bands]", "absolute = 5", "[targets]",
                "GLD = 100")
            .failure();

        assertFailure(failure, "portfolios/zeta.conf", 2, "[portfolio] name: \"core\" is already the name of "
            + dir.resolve(ConfigFolder.CORE) + "; every portfolio needs its own name");
    }

    @Test
    void shouldRejectDuplicateNameTakenFromTheFileName() {
        final ConfigException failure = new ConfigFolder(dir)
            .write("portfolios/alpha.conf", "[portfolio]", "name = core", "[bands]", "absolute = 5", "[targets]",
                "GLD = 100")
            .failure();

        assertFailure(failure, ConfigFolder.CORE, 0, "the portfolio name (from the file name) \"core\" is already "
            + "the name of " + dir.resolve("portfolios/alpha.conf") + "; every portfolio needs its own name; set "
            + "name = ... in [portfolio]");
    }

    @Test
    void shouldRejectInvalidPortfolioName() {
        assertCoreFailure(coreFailure("[portfolio]", "name = core fund", "[bands]", "absolute = 5", "[targets]",
            "SPY = 100"), 2, "[portfolio] name: \"core fund\" is not a valid portfolio name; use letters, digits, - "
            + "and _ only");
    }

    @Test
    void shouldRejectNegativeHoldings() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 100", "[holdings]",
            "SPY = -5"), 6, "[holdings] SPY: -5 is negative; a holding is the number of units held and the engine "
            + "never sells short, so use 0 or more");
    }

    @Test
    void shouldRejectFractionalHoldings() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 100", "[holdings]",
            "SPY = 10.5"), 6, "[holdings] SPY: \"10.5\" is not a whole number; write digits only, with no decimal "
            + "point, separators or units");
    }

    @Test
    void shouldRejectNegativeCash() {
        assertCoreFailure(coreFailure("[portfolio]", "cash = -100.00", "[bands]", "absolute = 5", "[targets]",
            "SPY = 100"), 2, "[portfolio] cash: -100.00 is negative; use 0 or more");
    }

    @Test
    void shouldRejectCashBufferOfOneHundredPercent() {
        assertCoreFailure(coreFailure("[portfolio]", "cash-buffer = 100%", "[bands]", "absolute = 5", "[targets]",
            "SPY = 100"), 2, "[portfolio] cash-buffer: 100% must be below 100%: it is the share of the portfolio's "
            + "value kept in cash, and nothing would be left to invest");
    }

    @Test
    void shouldRejectHysteresisOfOneHundredPercent() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "hysteresis = 100", "[targets]", "SPY = 100"), 3,
            "[bands] hysteresis: 100 must be below 100%: the trigger re-arms once drift is back inside band x "
                + "(1 - hysteresis), which would be 0");
    }

    @Test
    void shouldRejectUnknownPortfolioKeySuggestingTheClosestOne() {
        assertCoreFailure(coreFailure("[portfolio]", "planer = halfway", "[targets]", "SPY = 100"), 2,
            "[portfolio] planer: unknown key; did you mean planner? Keys in [portfolio]: name, cash, cash-buffer, "
                + "min-trade-notional, planner");
    }

    @Test
    void shouldRejectMisspeltPerAssetBandKeySuggestingTheFix() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "absolut.SPY = 3", "[targets]", "SPY = 100"), 3,
            "[bands] absolut.SPY: unknown key; did you mean absolute.SPY? Keys in [bands]: absolute, relative, "
                + "portfolio, hysteresis, absolute.SYMBOL, relative.SYMBOL");
    }

    @Test
    void shouldRejectBandOverrideForAnAssetThePortfolioDoesNotHave() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "absolute.GLD = 2", "[targets]", "SPY = 100"), 3,
            "[bands] absolute.GLD: GLD is neither in [targets] nor in [holdings] of this portfolio; remove this "
                + "line or add GLD to [targets]");
    }

    @Test
    void shouldRejectBadPlannerChoice() {
        assertCoreFailure(coreFailure("[portfolio]", "planner = half-way", "[bands]", "absolute = 5", "[targets]",
            "SPY = 100"), 2, "[portfolio] planner: \"half-way\" is not one of to-target, to-band-edge, halfway; did "
            + "you mean halfway?");
    }

    @Test
    void shouldRejectPortfolioWithoutTargetsSection() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5"), 0,
            "no [targets] section; add one with a SYMBOL = percent line per asset, summing to 100%");
    }

    @Test
    void shouldRejectEmptyTargetsSection() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "# none yet"), 3,
            "[targets] lists no assets; add SYMBOL = percent lines summing to 100%, e.g. SPY = 60");
    }

    @Test
    void shouldRejectUnknownSectionInPortfolioFile() {
        assertCoreFailure(coreFailure("[target]", "SPY = 100"), 1, "unknown section [target]; did you mean "
            + "[targets]? Sections in this file: [portfolio], [bands], [trigger], [targets], [holdings]");
    }

    @Test
    void shouldRejectDuplicateTargetSymbol() {
        assertCoreFailure(coreFailure("[bands]", "absolute = 5", "[targets]", "SPY = 50", "SPY = 50"), 5,
            "[targets] SPY: set twice (first on line 4); keep one of the two lines");
    }

    @Test
    void shouldRejectEmptyPortfoliosFolder() {
        final ConfigException failure = new ConfigFolder(dir).delete(ConfigFolder.CORE).failure();

        assertFailure(failure, "portfolios", 0, "no portfolio files; add at least one .conf file (see "
            + "config/README.md)");
    }

    @Test
    void shouldRejectMissingPortfoliosFolder() {
        final ConfigException failure = new ConfigFolder(dir).delete(ConfigFolder.CORE).delete("portfolios")
            .failure();

        assertFailure(failure, "portfolios", 0, "folder not found; create it and add one .conf file per portfolio");
    }
}
