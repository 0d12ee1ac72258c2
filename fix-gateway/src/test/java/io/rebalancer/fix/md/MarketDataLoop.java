package io.rebalancer.fix.md;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueMarketData;
import io.rebalancer.venue.VenueSimulator;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FIX market data end to end on loopback: a venue simulator acceptor on a free port whose market is driven by the
 * test ({@link #quote}) or by a synthetic market publishing into {@link #venueMarketData()}; the
 * {@link FixMarketDataClient} initiator logged on to it; its ticks through a real {@link MarketDataEdge} into a
 * real Disruptor ring ({@link EngineTopology}) whose one consumer records every tick the engine would see.
 */
final class MarketDataLoop implements AutoCloseable {
    static final int SPY = 0;
    static final int TLT = 1;
    /** The venue's instruments. */
    static final InstrumentUniverse VENUE_UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
        new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L)));
    /** The daemon's: the venue's and one it does not list. */
    static final InstrumentUniverse CLIENT_UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
        new Instrument(TLT, "TLT", 10_000, 1, 100_000_000_000L),
        new Instrument(2, "XYZ", 10_000, 1, 100_000_000_000L)));
    private static final int RING_SIZE = 1024;
    private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    /** A tick as the engine's ring delivered it. */
    record Tick(long time, int instrument, long bid, long ask, long last) {
        static Tick of(final long time, final int instrument, final String bid, final String ask, final String last) {
            return new Tick(time, instrument, Fixed.parse(bid), Fixed.parse(ask), Fixed.parse(last));
        }
    }

    final int port = TestSessions.freePort();
    final SessionID clientSession;
    final SessionID venueSession;
    final Queue<Tick> engineTicks = new ConcurrentLinkedQueue<>();
    final Queue<Throwable> engineFaults = new ConcurrentLinkedQueue<>();
    final EngineTopology topology;
    final MarketDataEdge edge;
    VenueSimulator venue;
    FixMarketDataClient client;

    MarketDataLoop() {
        this("FIX.4.4");
    }

    MarketDataLoop(final String beginString) {
        clientSession = new SessionID(beginString, "REBAL-MD", "VENUE");
        venueSession = new SessionID(beginString, "VENUE", "REBAL-MD");
        final EventHandler<InboundEvent> recorder = (event, sequence, endOfBatch) -> {
            if (event.type() == InboundEvent.TICK) {
                engineTicks.add(new Tick(event.timeNanos(), event.instrumentId(), event.bid(), event.ask(),
                    event.last()));
            }
        };
        topology = new EngineTopology(RING_SIZE, WaitStrategyKind.SLEEPING, recorder,
            (sequence, fault) -> engineFaults.add(fault)).start();
        edge = new MarketDataEdge(CLIENT_UNIVERSE.size(), EdgeSettings.defaults(RING_SIZE), topology.publisher(),
            null);
        startVenue();
    }

    /** A fresh venue on the loop's port: its RptSeq numbering starts again. */
    MarketDataLoop startVenue() {
        final SessionSettings settings = TestSessions.acceptor(port, venueSession);
        settings.setString(venueSession, "ResetOnLogon", "Y");
        venue = new VenueSimulator(settings, new MemoryStoreFactory(),
            new LatestQuotes(VENUE_UNIVERSE.size()), VENUE_UNIVERSE,
            VenueBehaviour.DEFAULT);
        venue.start();
        return this;
    }

    /** The client, subscribing to {@code symbols}, started; it logs on by itself. */
    FixMarketDataClient startClient(final Collection<String> symbols) {
        final SessionSettings settings = TestSessions.initiator(clientSession, port);
        settings.setString(clientSession, "ResetOnLogon", "Y");
        client = new FixMarketDataClient(settings, new MemoryStoreFactory(), CLIENT_UNIVERSE, symbols, edge);
        client.start();
        return client;
    }

    VenueMarketData venueMarketData() {
        return venue.marketData();
    }

    /** The venue's market publishes a quote (the test thread is the market's one thread). */
    void quote(final Tick tick) {
        venue.marketData().onTick(tick.time(), tick.instrument(), tick.bid(), tick.ask(), tick.last(), 0, 0);
    }

    /** The engine's ticks of one instrument, in ring order. */
    List<Tick> engineTicks(final int instrument) {
        final List<Tick> ticks = new ArrayList<>();
        for (final Tick tick : engineTicks) {
            if (tick.instrument() == instrument) {
                ticks.add(tick);
            }
        }
        return ticks;
    }

    /** The engine's latest tick of the instrument, or null. */
    Tick lastEngineTick(final int instrument) {
        Tick last = null;
        for (final Tick tick : engineTicks) {
            if (tick.instrument() == instrument) {
                last = tick;
            }
        }
        return last;
    }

    /**
     * Waits, sleeping (never spinning), until the condition holds, draining the edge meanwhile as the daemon's
     * quiet loop would; fails with every part's counters after {@link #AWAIT_NANOS}.
     */
    void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + AWAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (client != null) {
                client.drainEdge();
            }
            assertTrue(System.nanoTime() < deadline, () -> "gave up waiting for " + what + "; " + state());
            Thread.sleep(2);
        }
    }

    long faults(final TickFault kind) {
        return edge.faults().count(kind);
    }

    String state() {
        return "client: " + (client == null ? "none" : client.counters() + ", last reject " + client.lastReject())
            + "; venue: " + venue.marketData().counters() + "; edge: " + edge.describe(
                id -> CLIENT_UNIVERSE.get(id).symbol()) + "; engine ticks " + engineTicks.size();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        venue.close();
        topology.stop(5, TimeUnit.SECONDS);
    }
}
