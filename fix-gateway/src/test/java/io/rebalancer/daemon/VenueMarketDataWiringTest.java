package io.rebalancer.daemon;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.fix.md.FixMarketDataClient;
import io.rebalancer.fix.md.MarketDataCounters;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped market-data session files in use: the standalone venue and the daemon's in-process venue serve their
 * market's ticks to the FIX market-data client configured by {@code fix/marketdata-initiator.cfg}.
 */
@Timeout(60)
class VenueMarketDataWiringTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final SessionID CLIENT = new SessionID("FIX.4.4", "REBAL-MD", "VENUE");

    @Test
    void shouldServeTheStandaloneVenuesSyntheticMarketToTheShippedClient(@TempDir final Path dir) throws Exception {
        final int port = TestSessions.freePort();
        final VenueOptions options = VenueOptions.parse("--config", CONFIG.toString(), "--settings",
            shipped(dir, "venue.cfg").toString(), "--settings", shipped(dir, "venue-marketdata.cfg").toString(),
            "--port", Integer.toString(port), "--rate", "2000", "--status-every", "50ms");
        final InstrumentUniverse universe = ConfigLoader.load(CONFIG).universe();
        final VenueMain main = new VenueMain(options, universe);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Thread runner = new Thread(() -> main.execute(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
            "venue-main-market-data-test");
        runner.start();
        final MarketDataEdge edge = edge(universe);
        final List<String> symbols = new ArrayList<>();
        for (int id = 0; id < universe.size(); id++) {
            symbols.add(universe.get(id).symbol());
        }
        try (FixMarketDataClient client = new FixMarketDataClient(clientSettings(port), new MemoryStoreFactory(),
            universe, symbols, edge)) {
            client.start();
            await(() -> client.counters().get(MarketDataCounters.SNAPSHOTS) == universe.size()
                && client.counters().get(MarketDataCounters.INCREMENTS) >= 100, client);
            assertEquals(0, edge.faults().refused(), () -> edge.describe(id -> universe.get(id).symbol()));
            assertTrue(edge.published() >= 100);
        } finally {
            main.requestStop();
            runner.join();
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("snapshots=" + universe.size()),
            bytes::toString);
    }

    @Test
    void shouldServeTheDaemonsMarketThroughTheInProcessVenue() throws Exception {
        final InstrumentUniverse universe = new InstrumentUniverse(
            List.of(new Instrument(0, "SPY", 10_000, 1, 100_000_000_000L)));
        final MarketDataEdge edge = edge(universe);
        try (FixVenue venue = new FixVenue(CONFIG, null, universe, 16, new LatestQuotes(1))) {
            assertTrue(venue.startAndAwaitLogon(new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new,
                16)), FixVenue.LOGON_TIMEOUT_NANOS, () -> false));
            final TickSink market = venue.marketDataSink();
            market.onTick(1_000, 0, Fixed.parse("100"), Fixed.parse("100.02"), Fixed.parse("100.01"), 0, 1);
            try (FixMarketDataClient client = new FixMarketDataClient(clientSettings(venue.port()),
                new MemoryStoreFactory(), universe, List.of("SPY"), edge)) {
                client.start();
                await(() -> client.lastSequence(0) == 1, client);
                market.onTick(2_000, 0, Fixed.parse("100.01"), Fixed.parse("100.03"), Fixed.parse("100.02"), 0, 2);
                await(() -> client.lastSequence(0) == 2, client);
                assertEquals(2, edge.published());
                assertEquals(0, edge.faults().refused());
            }
        }
    }

    private static SessionSettings clientSettings(final int port) {
        final SessionSettings settings = FixGateway.settings(CONFIG.resolve("fix").resolve("marketdata-initiator.cfg"));
        settings.setLong(CLIENT, "SocketConnectPort", port);
        settings.setLong(CLIENT, "ReconnectInterval", 1);
        return settings;
    }

    /** An edge into a ring nobody consumes: big enough for the test, counted by {@code published()}. */
    private static MarketDataEdge edge(final InstrumentUniverse universe) {
        return new MarketDataEdge(universe.size(), EdgeSettings.defaults(1 << 16),
            new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new, 1 << 16)), null);
    }

    /** Sleeps (never spins) until the condition holds; the class's timeout bounds the wait. */
    private static void await(final BooleanSupplier condition, final FixMarketDataClient client)
        throws InterruptedException {
        while (!condition.getAsBoolean()) {
            client.drainEdge();
            Thread.sleep(5);
        }
    }

    /** A shipped settings file with its sequence-number store moved into the test's directory. */
    private static Path shipped(final Path dir, final String name) throws IOException {
        final String text = Files.readString(CONFIG.resolve("fix").resolve(name))
            .replaceAll("FileStorePath=.*", "FileStorePath=" + dir.resolve("store").toString().replace("\\", "/"));
        return Files.writeString(dir.resolve(name), text);
    }
}
