package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.synthetic.InstrumentParameters;
import io.rebalancer.marketdata.synthetic.MarketDefaults;
import io.rebalancer.marketdata.synthetic.MarketModel;
import io.rebalancer.marketdata.synthetic.MarketModelFile;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketCatalogueTest {
    private static final Path SHIPPED = Path.of("..", "config");
    private static final long SEED = 42;
    private static final long START = 1_700_000_000_000_000_000L;
    private static final long INTERVAL = 1_000_000;
    /** Every symbol of the built-in table, then two the table lacks. */
    private static final String[] TABLE_SYMBOLS = {"SPY", "IVV", "VOO", "VTI", "QQQ", "IWM", "EFA", "VEA", "EEM",
        "VWO", "AGG", "BND", "TLT", "IEF", "SHY", "LQD", "HYG", "TIP", "GLD", "IAU", "SLV", "DBC", "GSG", "VNQ",
        "IEI", "XYZ"};
    /**
     * Only the built-in value for a symbol nowhere listed: the shipped file over these must say everything the
     * table says, so a line missing from the file cannot hide behind the table it overrides.
     */
    private static final MarketDefaults UNLISTED_ONLY = new MarketDefaults(Map.of(),
        new InstrumentParameters(100_000_000L, 0.05, 0.20, 2.0, "other"), List.of("other"), new double[][] {{0}});

    @TempDir
    Path dir;

    @Test
    void shouldGiveTheBuiltInModelFromTheShippedFileForTheShippedUniverse() throws ConfigException {
        assertTrue(Files.isRegularFile(MarketCatalogue.modelFile(SHIPPED)), "the shipped config has the file");
        final InstrumentUniverse universe = ConfigLoader.load(SHIPPED).universe();
        final MarketModel builtIn = MarketCatalogue.model(universe, SEED, START, INTERVAL);
        assertSameModel(builtIn, MarketCatalogue.model(SHIPPED, universe, SEED, START, INTERVAL));
        assertSameModel(builtIn, MarketModelFile.read(MarketCatalogue.modelFile(SHIPPED)).model(universe,
            UNLISTED_ONLY, SEED, START, INTERVAL, new long[universe.size()]));
    }

    @Test
    void shouldHoldEveryEntryOfTheBuiltInTableInTheShippedFile() {
        final InstrumentUniverse universe = universe(TABLE_SYMBOLS);
        final MarketModel builtIn = MarketCatalogue.model(universe, SEED, START, INTERVAL);
        assertSameModel(builtIn, MarketModelFile.read(MarketCatalogue.modelFile(SHIPPED)).model(universe,
            UNLISTED_ONLY, SEED, START, INTERVAL, new long[universe.size()]));
    }

    @Test
    void shouldPublishTheSameTicksFromTheShippedFileAsFromTheBuiltInTable() throws ConfigException {
        final InstrumentUniverse universe = ConfigLoader.load(SHIPPED).universe();
        final long[] marks = new long[universe.size()];
        marks[0] = 401_230_000L;
        final TickDigest builtIn = new TickDigest();
        new SyntheticMarket(MarketCatalogue.model(universe, SEED, START, INTERVAL, marks), builtIn, null)
            .run(50_000);
        final TickDigest fromFile = new TickDigest();
        new SyntheticMarket(MarketCatalogue.model(SHIPPED, universe, SEED, START, INTERVAL, marks), fromFile, null)
            .run(50_000);
        assertEquals(50_000, fromFile.ticks);
        assertEquals(builtIn.digest, fromFile.digest);
    }

    @Test
    void shouldReadTheFileOfTheConfigFolderOverTheBuiltInTable() throws IOException {
        final InstrumentUniverse universe = universe("SPY", "TLT", "NEW");
        Files.writeString(MarketCatalogue.modelFile(dir), """
            SPY start=500.00
            NEW start=10.00 class=equity
            correlation SPY TLT -0.30
            """);
        final MarketModel model = MarketCatalogue.model(dir, universe, SEED, START, INTERVAL);
        final MarketModel builtIn = MarketCatalogue.model(universe, SEED, START, INTERVAL);
        assertEquals(500_000_000L, model.instruments().get(0).startPrice());
        assertEquals(builtIn.instruments().get(1), model.instruments().get(1));
        assertEquals(10_000_000L, model.instruments().get(2).startPrice());
        assertArrayEquals(new double[] {1, -0.30, 0.85}, model.correlation()[0]);
    }

    @Test
    void shouldUseTheBuiltInTableWhenTheFolderHasNoFile() {
        final InstrumentUniverse universe = universe("SPY", "TLT", "NEW");
        assertSameModel(MarketCatalogue.model(universe, SEED, START, INTERVAL),
            MarketCatalogue.model(dir, universe, SEED, START, INTERVAL));
    }

    @Test
    void shouldStopOnABadFileNamingItsLine() throws IOException {
        final Path file = MarketCatalogue.modelFile(dir);
        Files.writeString(file, "SPY start=500.00\nTLT volatility=-1%\n");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> MarketCatalogue.model(dir, universe("SPY", "TLT"), SEED, START, INTERVAL));
        assertEquals(file + ":2: volatility=-1% is negative; write 0% or more (0% keeps the price on its drift)",
            error.getMessage());
    }

    private static InstrumentUniverse universe(final String... symbols) {
        final List<Instrument> instruments = new ArrayList<>();
        for (int i = 0; i < symbols.length; i++) {
            instruments.add(new Instrument(i, symbols[i], i % 3 == 0 ? 50_000 : 10_000, 1, 100_000_000_000L));
        }
        return new InstrumentUniverse(instruments);
    }

    private static void assertSameModel(final MarketModel expected, final MarketModel actual) {
        assertEquals(expected.instruments(), actual.instruments());
        final double[][] correlation = expected.correlation();
        for (int i = 0; i < correlation.length; i++) {
            assertArrayEquals(correlation[i], actual.correlation()[i], "correlation row " + i);
        }
        assertEquals(expected.seed(), actual.seed());
        assertEquals(expected.startEpochNanos(), actual.startEpochNanos());
        assertEquals(expected.tickIntervalNanos(), actual.tickIntervalNanos());
    }

    /** Folds every field of every tick into one number, in order. */
    private static final class TickDigest implements TickSink {
        private long digest = 17;
        private long ticks;

        @Override
        public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
            final long last, final long size, final long sequence) {
            for (final long field : new long[] {timeNanos, instrumentId, bid, ask, last, size, sequence}) {
                digest = digest * 31 + field;
            }
            ticks++;
        }

        @Override
        public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
            throw new AssertionError("the synthetic market only knows its own instruments");
        }
    }
}
