package io.rebalancer.marketdata.synthetic;

import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarketModelFileTest {
    private static final long TICK = 10_000;
    private static final long MAX_PRICE = 100_000_000_000L;
    private static final MarketDefaults DEFAULTS = new MarketDefaults(
        Map.of("SPY", new InstrumentParameters(478_000_000L, 0.07, 0.17, 0.5, "equity"),
            "TLT", new InstrumentParameters(92_500_000L, 0.03, 0.15, 0.5, "bond")),
        new InstrumentParameters(100_000_000L, 0.05, 0.20, 2.0, "other"),
        List.of("equity", "bond", "other"),
        new double[][] {{0.85, -0.20, 0.0}, {-0.20, 0.75, 0.0}, {0.0, 0.0, 0.0}});

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryField() throws IOException {
        final MarketModel model = model("SPY start=500.25 drift=8% volatility=0.19 half-spread=0.75bp class=bond\n",
            "SPY", "TLT");
        assertEquals(new InstrumentModel(0, 500_250_000L, TICK, 0.08, 0.19, 0.75), model.instruments().get(0));
        assertEquals(0.75, model.correlation()[0][1], "SPY is a bond now, so it correlates with TLT as bonds do");
    }

    @Test
    void shouldKeepTheDefaultsForWhatTheFileLeavesOut() throws IOException {
        final MarketModel model = model("SPY volatility=30%\n", "SPY", "TLT", "XYZ");
        assertEquals(List.of(
            new InstrumentModel(0, 478_000_000L, TICK, 0.07, 0.30, 0.5),
            new InstrumentModel(1, 92_500_000L, TICK, 0.03, 0.15, 0.5),
            new InstrumentModel(2, 100_000_000L, TICK, 0.05, 0.20, 2.0)), model.instruments());
        assertCorrelation(model, new double[][] {{1, -0.20, 0}, {-0.20, 1, 0}, {0, 0, 1}});
    }

    @Test
    void shouldGiveTheDefaultsModelForAnEmptyFile() throws IOException {
        final MarketModel fromFile = model("# nothing but a comment\n\n", "SPY", "TLT", "XYZ");
        final MarketModel fromDefaults = DEFAULTS.model(universe("SPY", "TLT", "XYZ"), 7, 0, 1000, new long[3]);
        assertEquals(fromDefaults.instruments(), fromFile.instruments());
        assertArrayEquals(fromDefaults.correlation(), fromFile.correlation());
    }

    @Test
    void shouldReadPercentsFractionsAndSpreadUnits() throws IOException {
        final MarketModel model = model("""
            SPY drift=-2.5% volatility=0% half-spread=0.005%
            TLT drift=0.035 volatility=.5 half-spread=12bp
            """, "SPY", "TLT");
        assertEquals(new InstrumentModel(0, 478_000_000L, TICK, -0.025, 0.0, 0.5), model.instruments().get(0));
        assertEquals(new InstrumentModel(1, 92_500_000L, TICK, 0.035, 0.5, 12.0), model.instruments().get(1));
    }

    @Test
    void shouldSkipCommentsBlankLinesAndAByteOrderMark() throws IOException {
        final MarketModel model = model("\uFEFF# the market\n\n   \nSPY start=400.00   # trailing comment\n"
            + "  # indented comment\nTLT\tdrift=1%\n", "SPY", "TLT");
        assertEquals(400_000_000L, model.instruments().get(0).startPrice());
        assertEquals(0.01, model.instruments().get(1).annualDrift());
    }

    @Test
    void shouldRoundTheStartDownToTheTickAndLetARecoveredStartWin() throws IOException {
        final Path file = write("SPY start=478.005\nTLT start=90.00\n");
        final MarketModel model = MarketModelFile.read(file).model(universe("SPY", "TLT"), DEFAULTS, 7, 0, 1000,
            new long[] {0, 95_120_000L});
        assertEquals(478_000_000L, model.instruments().get(0).startPrice());
        assertEquals(95_120_000L, model.instruments().get(1).startPrice());
    }

    @Test
    void shouldTakeClassCorrelationsFromTheFileOverTheDefaults() throws IOException {
        final MarketModel model = model("VTI class=equity\ncorrelation bond equity -0.50\n", "SPY", "TLT", "VTI");
        assertCorrelation(model, new double[][] {{1, -0.50, 0.85}, {-0.50, 1, -0.50}, {0.85, -0.50, 1}});
    }

    @Test
    void shouldLetAPairwiseCorrelationWinOverTheClasses() throws IOException {
        final MarketModel model = model("""
            VTI class=equity
            correlation equity bond -0.50
            correlation TLT SPY -0.30
            """, "SPY", "TLT", "VTI");
        assertCorrelation(model, new double[][] {{1, -0.30, 0.85}, {-0.30, 1, -0.50}, {0.85, -0.50, 1}});
    }

    @Test
    void shouldDefineANewClassByItsCorrelations() throws IOException {
        final MarketModel model = model("""
            BTC start=60000.00 volatility=80% class=crypto
            ETH class=crypto
            correlation crypto equity 0.30
            correlation crypto crypto 0.70
            """, "SPY", "TLT", "BTC", "ETH");
        assertCorrelation(model, new double[][] {
            {1, -0.20, 0.30, 0.30}, {-0.20, 1, 0, 0}, {0.30, 0, 1, 0.70}, {0.30, 0, 0.70, 1}});
    }

    @Test
    void shouldCheckButNotUseLinesForSymbolsOutsideTheUniverse() throws IOException {
        final MarketModel model = model("QQQ start=410.00 class=equity\ncorrelation QQQ SPY 0.90\nSPY drift=6%\n",
            "SPY", "TLT");
        assertEquals(2, model.instruments().size());
        assertEquals(0.06, model.instruments().get(0).annualDrift());
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> model("QQQ class=equty\n", "SPY"));
        assertEquals(dir.resolve(MarketModelFile.FILE_NAME) + ":1: class equty is not a known class (equity, bond, "
            + "other); fix the name, or define the class by giving its correlations, e.g. correlation equty equity "
            + "0.30 (0 for uncorrelated)", error.getMessage());
    }

    @Test
    void shouldShrinkCorrelationsFromClassesAloneUntilPositiveDefinite() throws IOException {
        final MarketModel model = model("""
            A class=a
            B class=b
            C class=c
            correlation a b -0.90
            correlation a c -0.90
            correlation b c -0.90
            """, "A", "B", "C");
        // 1 - 2x > 0 needs x < 0.5: 0.9 * 0.9^6 = 0.478 is the first shrink below it (multiplied step by step,
        // as the shrinking does, so the doubles match exactly).
        double shrunk = -0.9;
        for (int step = 0; step < 6; step++) {
            shrunk *= 0.9;
        }
        assertCorrelation(model, new double[][] {{1, shrunk, shrunk}, {shrunk, 1, shrunk}, {shrunk, shrunk, 1}});
    }

    @Test
    void shouldRefusePairwiseCorrelationsThatAreNotPositiveDefinite() throws IOException {
        final Path file = write("""
            # three pairs that cannot hold at once
            correlation SPY TLT 0.95
            correlation SPY GLD 0.95
            correlation TLT GLD -0.95
            """);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> MarketModelFile.read(file).model(universe("SPY", "TLT", "GLD"), DEFAULTS, 7, 0, 1000, new long[3]));
        assertEquals(file + ": the correlation matrix of the 3 instruments of instruments.csv is not positive "
            + "definite: no market can have all these correlations at once; lower the pairwise correlations at "
            + "line 2 (SPY TLT 0.95), line 3 (SPY GLD 0.95), line 4 (TLT GLD -0.95), or the class correlations "
            + "they combine with", error.getMessage());
    }

    @Test
    void shouldSayWhenTheFileIsMissing() {
        final Path file = dir.resolve("absent.conf");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> MarketModelFile.read(file));
        assertEquals(file + ": file not found; create it (see config/README.md) or remove it from the command line",
            error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void shouldRefuseABadLineSayingWhereWhatAndHow(final String text, final int line, final String detail)
        throws IOException {
        final Path file = write(text);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> MarketModelFile.read(file).model(universe("SPY", "TLT", "GLD"), DEFAULTS, 7, 0, 1000, new long[3]));
        assertEquals(file + ":" + line + ": " + detail, error.getMessage());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            Arguments.of("SPY vol=17%", 1, "unknown key 'vol'; the keys are start, drift, volatility, half-spread "
                + "and class"),
            Arguments.of("# c\nSPY 478.00", 2, "'478.00' is not key=value; write the fields as start=478.00 drift=7% "
                + "volatility=17% half-spread=0.5bp class=equity, no spaces around ="),
            Arguments.of("SPY start = 478.00", 1, "'start' is not key=value; write the fields as start=478.00 "
                + "drift=7% volatility=17% half-spread=0.5bp class=equity, no spaces around ="),
            Arguments.of("SPY drift=7% drift=8%", 1, "drift is given twice; keep one"),
            Arguments.of("SPY drift=", 1, "drift has no value; write it with no spaces around =, e.g. drift=7%"),
            Arguments.of("start=478.00", 1, "the line starts with 'start=478.00'; an instrument line starts with its "
                + "symbol (SPY start=478.00 ...), a correlation line with 'correlation'"),
            Arguments.of("SP$Y drift=1%", 1, "'SP$Y' is not a symbol (letters, digits, '.', '-', '_', '/'); fix it, "
                + "or start the line with # to make it a comment"),
            Arguments.of("SPY start=47x", 1, "start=47x is not a price; write it in currency units with at most 6 "
                + "decimals, e.g. start=478.00"),
            Arguments.of("SPY start=1.1234567", 1, "start=1.1234567 is not a price; write it in currency units with "
                + "at most 6 decimals, e.g. start=478.00"),
            Arguments.of("SPY start=0", 1, "start=0 is not above 0; write the first mid price, e.g. start=478.00"),
            Arguments.of("SPY start=0.001", 1, "start=0.001 is below one tick of SPY (0.01 in instruments.csv); "
                + "raise it"),
            Arguments.of("SPY start=200000", 1, "start=200000.00 is above the max-price of SPY (100000.00 in "
                + "instruments.csv), so the engine would refuse every tick; lower it"),
            Arguments.of("SPY drift=seven", 1, "drift=seven is not a percentage; write it as 7% or as the fraction "
                + "0.07"),
            Arguments.of("SPY drift=7", 1, "drift=7 reads as a fraction, 700%; write drift=7% if you mean 7 percent"),
            Arguments.of("SPY drift=2000%", 1, "drift=2000% is outside -1000% .. 1000%; write an expected annual "
                + "return such as 7%"),
            Arguments.of("SPY volatility=-5%", 1, "volatility=-5% is negative; write 0% or more (0% keeps the price "
                + "on its drift)"),
            Arguments.of("SPY volatility=1000%", 1, "volatility=1000% is too high; write less than 1000%, e.g. "
                + "volatility=17%"),
            Arguments.of("SPY half-spread=0.5", 1, "half-spread=0.5 has no unit; write basis points or a percent of "
                + "the mid, e.g. half-spread=0.5bp or half-spread=0.005%"),
            Arguments.of("SPY half-spread=abp", 1, "half-spread=abp is not a number; write e.g. half-spread=0.5bp"),
            Arguments.of("SPY half-spread=-1bp", 1, "half-spread=-1bp is negative; write 0bp or more"),
            Arguments.of("SPY half-spread=11%", 1, "half-spread=11% is above 1000bp (10% of the mid, which keeps the "
                + "bid above 0); lower it"),
            Arguments.of("SPY class=Equity", 1, "class=Equity is not a class name; write lower case letters, digits "
                + "and '-', e.g. class=equity"),
            Arguments.of("SPY\nTLT class=bnd", 2, "class bnd is not a known class (equity, bond, other); fix the "
                + "name, or define the class by giving its correlations, e.g. correlation bnd equity 0.30 (0 for "
                + "uncorrelated)"),
            Arguments.of("SPY drift=7%\n\nSPY volatility=17%", 3, "SPY is already described at line 1; merge the "
                + "two lines into one"),
            Arguments.of("correlation equity bond", 1, "a correlation line is 'correlation A B VALUE', two asset "
                + "classes or two symbols and a number from -1 to 1, e.g. correlation equity bond -0.20"),
            Arguments.of("correlation equity bond high", 1, "'high' is not a correlation; write a number from -1 to "
                + "1, e.g. -0.20"),
            Arguments.of("correlation equity bond -1.2", 1, "correlation -1.2 is outside -1 .. 1; write a number "
                + "from -1 to 1"),
            Arguments.of("correlation equity bond -0.2\ncorrelation bond equity -0.3", 2, "the correlation of bond "
                + "and equity is already given at line 1; keep one of the two lines"),
            Arguments.of("correlation SPY TLX 0.5", 1, "TLX is neither an asset class (equity, bond, other) nor a "
                + "symbol of instruments.csv or of this file; fix the name"),
            Arguments.of("correlation SPY bond 0.1", 1, "correlation SPY bond pairs a symbol with an asset class; "
                + "pair two classes (correlation equity bond -0.20) or two symbols (correlation SPY TLT -0.30)"),
            Arguments.of("correlation SPY SPY 1", 1, "correlation SPY SPY: an instrument's correlation with itself "
                + "is always 1; remove the line"),
            Arguments.of("bond drift=1%\ncorrelation bond equity 0.1", 2, "bond is both an asset class and a "
                + "symbol; rename the class"));
    }

    private MarketModel model(final String text, final String... symbols) throws IOException {
        return MarketModelFile.read(write(text)).model(universe(symbols), DEFAULTS, 7, 0, 1000,
            new long[symbols.length]);
    }

    private Path write(final String text) throws IOException {
        final Path file = dir.resolve(MarketModelFile.FILE_NAME);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static InstrumentUniverse universe(final String... symbols) {
        final List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            instruments.add(new Instrument(i, symbols[i], TICK, 1, MAX_PRICE));
        }
        return new InstrumentUniverse(instruments);
    }

    private static void assertCorrelation(final MarketModel model, final double[][] expected) {
        final double[][] actual = model.correlation();
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], "row " + i);
        }
    }
}
