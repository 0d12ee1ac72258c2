package io.rebalancer.fix;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import quickfix.MemoryStoreFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole loop over a real QuickFIX/J session on loopback: the venue simulator on a free port, filling at the
 * quotes of {@link #quotes()}, the FIX gateway logged on to it, and the engine with its topology, wired from one
 * {@link EngineConfig}. Each part is started by its own step, so a test can leave the venue out; {@link #close()}
 * stops whatever was started, gateway first, engine last.
 */
final class FixLoop implements AutoCloseable {
    /** How long {@link #await} waits before it fails with what every part has counted. */
    private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final EpochNanoClock clock = new SystemEpochNanoClock();
    private final int port = TestSessions.freePort();
    private final EngineConfig config;
    private final EngineListener listener;
    private final LatestQuotes quotes;
    private VenueSimulator venue;
    private FixGateway gateway;
    private Engine engine;
    private EngineTopology topology;

    FixLoop(final EngineConfig config, final EngineListener listener) {
        this.config = config;
        this.listener = listener;
        this.quotes = new LatestQuotes(config.universe().size());
    }

    /** Starts the venue, then the engine and the gateway, and waits for the gateway's logon. */
    FixLoop start(final VenueBehaviour behaviour) throws InterruptedException {
        startVenue(behaviour);
        startEngineAndGateway();
        await(gateway::isConnected);
        return this;
    }

    FixLoop startVenue(final VenueBehaviour behaviour) {
        venue = new VenueSimulator(FixTestSettings.acceptor(port), new MemoryStoreFactory(), quotes,
            config.universe(), behaviour);
        venue.start();
        return this;
    }

    /** The engine's orders go to the gateway, which publishes what comes back onto the engine's ring. */
    FixLoop startEngineAndGateway() {
        gateway = new FixGateway(FixTestSettings.initiator(port), new MemoryStoreFactory(), config.universe(),
            config.settings().orderCapacity(), clock);
        engine = new Engine(config, gateway.orderSink(), listener);
        topology = new EngineTopology(config.settings().ringSize(), config.settings().waitStrategy(), engine,
            engine).start();
        gateway.start(topology.publisher());
        return this;
    }

    EpochNanoClock clock() {
        return clock;
    }

    EngineConfig config() {
        return config;
    }

    /** The venue's market: it fills at these, whatever the engine has seen. */
    LatestQuotes quotes() {
        return quotes;
    }

    VenueSimulator venue() {
        return venue;
    }

    FixGateway gateway() {
        return gateway;
    }

    Engine engine() {
        return engine;
    }

    InboundPublisher publisher() {
        return topology.publisher();
    }

    Thread engineThread() {
        return topology.engineThread();
    }

    /** The venue sees the quote before the engine does, so an order always meets the market of its moment. */
    void publish(final int instrument, final long bid, final long ask) {
        final long now = clock.nanoTime();
        quotes.update(instrument, bid, ask, now);
        topology.publisher().tick(now, instrument, bid, ask, (bid + ask) / 2);
    }

    /** Moves the venue's market only; the engine does not see it. */
    void quoteAtVenue(final int instrument, final long bid, final long ask) {
        quotes.update(instrument, bid, ask, clock.nanoTime());
    }

    /** Logs the gateway out and stops the engine, leaving the venue up; true when the engine stopped in time. */
    boolean stop() {
        gateway.close();
        return topology.stop(5, TimeUnit.SECONDS);
    }

    /** Waits for a condition, and when it does not come, fails with what every part has counted. */
    void await(final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + AWAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met; " + describe());
            }
            Thread.sleep(5);
        }
    }

    /** What the listener recorded and every part counted, for a failure message. */
    String describe() {
        final StringBuilder text = new StringBuilder(String.valueOf(listener));
        if (engine != null) {
            text.append("; engine working orders ").append(engine.workingOrders());
            for (int i = 0; i < EngineCounters.fixedCounters(); i++) {
                text.append(", ").append(EngineCounters.name(i)).append(' ').append(engine.counters().get(i));
            }
        }
        if (gateway != null) {
            text.append("; gateway ").append(gateway.counters());
        }
        if (venue != null) {
            text.append("; venue ").append(venue.counters()).append(" fills ").append(venue.executedFills());
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
        if (topology != null) {
            topology.stop(5, TimeUnit.SECONDS);
        }
    }
}
