package io.rebalancer.daemon;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.fix.md.FixMarketDataClient;
import io.rebalancer.fix.md.MarketDataCounters;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.marketdata.synthetic.SyntheticFeed;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Prices over FIX ({@code --market fix}): the market-data client subscribes to every configured symbol and delivers
 * its ticks, on QuickFIX/J's thread, to the market clock in front of the edge. The source is either the in-process
 * venue simulator, whose own synthetic market (the caller's thread publishes it, paced by {@code --rate}) also fills
 * the orders, or an external acceptor named by a settings file. A live feed: nothing holds it to the engine, so
 * when the engine falls behind the edge conflates.
 */
final class FixMarketFeed implements AutoCloseable {
    private static final String CLIENT_SETTINGS = "marketdata-initiator.cfg";
    private static final long LOGON_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final FixMarketDataClient client;
    /** The simulator's market, or null with an external source. */
    private final SyntheticFeed venueMarket;
    private final TickSink venueSink;
    private final String description;

    private FixMarketFeed(final FixMarketDataClient client, final SyntheticFeed venueMarket, final TickSink venueSink,
        final String description) {
        this.client = client;
        this.venueMarket = venueMarket;
        this.venueSink = venueSink;
        this.description = description;
    }

    /**
     * @param venue   the daemon's venue: with no settings file, the in-process simulator, whose market this feed runs
     * @param quotes  the simulator's touch, which its market keeps
     * @param edge    the edge the client drains and resets sequences on
     * @param front   where the client's ticks go: the market clock (or a recorder) in front of the edge
     * @throws IllegalArgumentException when the settings or the simulator cannot serve market data, saying why
     */
    static FixMarketFeed open(final DaemonOptions options, final InstrumentUniverse universe, final Venue venue,
        final LatestQuotes quotes, final MarketDataEdge edge, final TickSink front, final long seed,
        final long firstTick, final long[] startMarks) {
        final Path file = options.market().source();
        final List<String> symbols = new ArrayList<>();
        for (int id = 0; id < universe.size(); id++) {
            symbols.add(universe.get(id).symbol());
        }
        if (file != null) {
            final SessionSettings settings = FixGateway.settings(file);
            return new FixMarketFeed(new FixMarketDataClient(settings, FixGateway.stores(settings), universe,
                symbols, edge, front), null, null, "FIX market data from the acceptor of " + file);
        }
        if (!(venue instanceof FixVenue simulator) || simulator.marketDataSink() == null) {
            throw new IllegalArgumentException("--market fix needs the in-process venue simulator serving market data:"
                + " " + options.configDir().resolve("fix").resolve("venue-marketdata.cfg") + " is missing");
        }
        final Path clientFile = options.configDir().resolve("fix").resolve(CLIENT_SETTINGS);
        final SessionSettings settings = FixGateway.settings(clientFile);
        for (final SessionID session : FixVenue.sessions(settings)) {
            settings.setString(session, "SocketConnectHost", "127.0.0.1");
            settings.setLong(session, "SocketConnectPort", simulator.port());
        }
        final SyntheticFeed market = new SyntheticFeed(new SyntheticMarket(MarketCatalogue.model(options.configDir(),
            universe, seed, firstTick, options.tickIntervalNanos(), startMarks), null, quotes), options.ticks(), "");
        return new FixMarketFeed(new FixMarketDataClient(settings, FixGateway.stores(settings), universe, symbols,
            edge, front), market, simulator.marketDataSink(), "FIX market data (" + clientFile + ") from the"
            + " in-process venue simulator's synthetic market, seed " + seed + ", one tick every "
            + Text.duration(options.tickIntervalNanos()) + " of simulated time"
            + (options.ticksPerSecond() > 0 ? ", at most " + Text.count(options.ticksPerSecond()) + " ticks/s" : ""));
    }

    /**
     * Connects and waits (parking) for the logon, at most {@code timeoutNanos}.
     *
     * @return whether the client logged on
     */
    boolean start(final long timeoutNanos, final BooleanSupplier stop) {
        client.start();
        final long deadline = System.nanoTime() + timeoutNanos;
        while (!client.isLoggedOn() && !stop.getAsBoolean() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(LOGON_POLL_NANOS);
        }
        return client.isLoggedOn();
    }

    /** Caller's thread: publishes up to {@code ticks} of the simulator's market; 0 with an external source. */
    int publish(final int ticks) {
        return venueMarket == null ? 0 : venueMarket.poll(venueSink, ticks);
    }

    /** Event time of the simulator's latest tick; Long.MIN_VALUE before the first or with an external source. */
    long venueMarketTime() {
        return venueMarket == null ? Long.MIN_VALUE : venueMarket.market().lastTickTime();
    }

    /** Whether the simulator's market has published all its ticks; an external source never finishes. */
    boolean finished() {
        return venueMarket != null && venueMarket.finished();
    }

    /** Any thread but QuickFIX/J's: sends on ticks that waited in the edge, if the client is not using it now. */
    int drainEdge() {
        return client.drainEdge();
    }

    /** Messages the client received, for noticing when the last increments have come in; any thread. */
    long messagesReceived() {
        return client.counters().get(MarketDataCounters.MESSAGES);
    }

    String describe() {
        return description;
    }

    /** For the summary: the client's counts. */
    String counters() {
        return client.counters().toString() + (client.lastReject() == null ? "" : "; last reject: "
            + client.lastReject());
    }

    /** Logs out; the caller's thread owns the edge again afterwards. */
    @Override
    public void close() {
        client.close();
    }
}
