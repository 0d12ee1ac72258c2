package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CSV files all the way into the engine: source, {@link FeedRunner}, {@link MarketDataEdge}, the real
 * {@link EngineTopology} ring and an {@link Engine} loaded from the repository's {@code config/} (SPY, TLT, IEI and
 * more). The engine's price board must end on the file's last good prices, and the edge must have counted what
 * the file holds, kind by kind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsvEngineEndToEndTest {
    @TempDir
    Path dir;

    private EngineConfig config;
    private InstrumentUniverse universe;
    private Engine engine;
    private EngineTopology topology;
    private MarketDataEdge edge;

    @BeforeEach
    void startEngine() throws ConfigException {
        config = ConfigLoader.load(repositoryConfig());
        universe = config.universe();
        engine = new Engine(config, NO_ORDERS, NoOpEngineListener.INSTANCE);
        topology = new EngineTopology(config.settings().ringSize(), WaitStrategyKind.SLEEPING, engine, engine).start();
        edge = new MarketDataEdge(universe.size(), EdgeSettings.defaults(config.settings().ringSize()),
            topology.publisher(), null);
    }

    /** The {@code config/} folder of the repository this test runs in, found by walking up. */
    private static Path repositoryConfig() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            final Path config = at.resolve("config");
            if (Files.isRegularFile(config.resolve(ConfigLoader.INSTRUMENTS_FILE))) {
                return config;
            }
        }
        throw new AssertionError("no config/" + ConfigLoader.INSTRUMENTS_FILE + " above "
            + Path.of("").toAbsolutePath());
    }

    private Path write(final String name, final String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private int id(final String symbol) {
        final int id = universe.idOf(symbol);
        assertTrue(id >= 0, symbol + " is in the repository's config/instruments.csv");
        return id;
    }

    /** Replays to the end, then stops the engine once it has handled everything the edge published. */
    private long replay(final CsvFeed feed) {
        final long delivered;
        try (feed) {
            delivered = FeedRunner.run(feed, edge, () -> false);
        }
        assertTrue(topology.stop(10, TimeUnit.SECONDS), "the engine drained the ring");
        assertEquals(edge.published(), engine.counters().get(EngineCounters.TICKS));
        return delivered;
    }

    @Test
    void shouldEndWithTheWideFilesLastClosesAndCountWhatItHolds() throws IOException {
        final CsvFeed feed = CsvFeeds.open(write("closes.csv", "date,SPY,TLT,XYZ,IEI\r\n"
            + "2024-01-02,472.65,97.12,10,\r\n"
            + "2024-01-03,468.79,,11,\r\n"
            + "2024-01-04,467.28,96.51,,117.20\r\n"
            + "2024-01-05,NaN,95.80,12,117.05\r\n"
            + "2024-01-08,474.60,96.23,13,117.31\r\n"), universe, 0);
        assertEquals(16, replay(feed));
        final PriceBoard prices = engine.prices();
        assertEquals(Fixed.parse("474.60"), prices.mark(id("SPY")));
        assertEquals(Fixed.parse("96.23"), prices.mark(id("TLT")));
        assertEquals(Fixed.parse("117.31"), prices.mark(id("IEI")));
        assertEquals(4, edge.faults().count(TickFault.UNKNOWN_SYMBOL), "XYZ, once per non-blank cell");
        assertEquals(1, edge.faults().count(TickFault.NOT_A_NUMBER), "SPY's NaN");
        assertEquals(1, edge.faults().count(TickFault.GAP), "TLT's blank after listing; not IEI's late listing");
        assertEquals(5, edge.faults().refused());
        assertEquals(11, edge.published());
        assertEquals(0, feed.badLines());
    }

    @Test
    void shouldEndWithTheLongFilesLastGoodQuotesAndCountEachFault() throws IOException {
        final CsvFeed feed = CsvFeeds.open(write("quotes.csv", "timestamp,symbol,bid,ask,last,size,seq\n"
            + "2024-03-01T14:30:00Z,SPY,509.10,509.12,509.11,100,1\n"
            + "2024-03-01T14:30:00Z,TLT,92.50,92.52,,0,1\n"
            + "2024-03-01T14:30:01Z,SPY,509.14,509.12,,0,2\n"
            + "2024-03-01T14:30:01Z,TLT,NaN,92.53,,0,2\n"
            + "2024-03-01T14:30:02Z,SPY,509.13,509.13,,0,3\n"
            + "2024-03-01T14:30:02Z,ZZZ,1,2,,0,1\n"
            + "2024-03-01T14:30:03Z,SPY,509.20,509.22,509.21,300,4\n"
            + "2024-03-01T14:30:03Z,SPY,509.20,509.22,509.21,300,4\n"
            + "14:30:04,SPY,509.25,509.27,,0,5\n"
            + "2024-03-01T14:30:04Z,TLT,92.60,92.62,92.61,50,4\n"
            + "2024-03-01T14:30:05Z,IEI,117.01,117.03,,,\n"
            + "2024-03-01T14:30:06Z,SPY,509.30,509.32,,0,6\n"), universe, 0);
        assertEquals(11, replay(feed));
        final PriceBoard prices = engine.prices();
        assertEquals(Fixed.parse("509.31"), prices.mark(id("SPY")));
        assertEquals(Fixed.parse("509.30"), prices.sellTouch(id("SPY")));
        assertEquals(Fixed.parse("509.32"), prices.buyTouch(id("SPY")));
        assertEquals(Fixed.parse("92.61"), prices.mark(id("TLT")));
        assertEquals(Fixed.parse("117.02"), prices.mark(id("IEI")));
        assertEquals(1, edge.faults().count(TickFault.CROSSED_QUOTE));
        assertEquals(1, edge.faults().count(TickFault.NOT_A_NUMBER));
        assertEquals(1, edge.faults().count(TickFault.LOCKED_QUOTE));
        assertEquals(1, edge.faults().count(TickFault.UNKNOWN_SYMBOL));
        assertEquals(1, edge.faults().count(TickFault.DUPLICATE));
        assertEquals(2, edge.faults().count(TickFault.GAP), "TLT 2 to 4, and SPY 4 to 6 past the unreadable line");
        assertEquals(5, edge.faults().refused());
        assertEquals(6, edge.published());
        assertEquals(1, feed.badLines());
        assertEquals(List.of("line 10: " + LineProblem.BAD_TIMESTAMP.description()
            + ": 14:30:04,SPY,509.25,509.27,,0,5"), feed.badLineSamples());
    }

    @Test
    void shouldEndWithTheRealFilesLastCloses() throws IOException {
        final Path folder = SharedData.folder();
        Assumptions.assumeTrue(folder != null, SharedData.ABSENT);
        final Path file = folder.resolve("etf_spy_tlt_iei_adjclose_daily.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), file + " is absent");
        final List<String> lines = Files.readAllLines(file);
        final String[] header = lines.get(0).split(",");
        final String[] last = lines.get(lines.size() - 1).split(",");
        final long delivered = replay(CsvFeeds.open(file, universe, 0));
        assertEquals((lines.size() - 1) * (header.length - 1L), delivered);
        for (int column = 1; column < header.length; column++) {
            assertEquals(Fixed.parse(last[column]), engine.prices().mark(id(header[column])), header[column]);
        }
        assertEquals(0, edge.faults().refused(), edge.describe(id -> universe.get(id).symbol()));
    }

    private static final OrderSink NO_ORDERS = new OrderSink() {
        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
        }
    };
}
