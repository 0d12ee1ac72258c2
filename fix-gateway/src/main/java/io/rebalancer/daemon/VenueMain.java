package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.marketdata.synthetic.SyntheticMarket;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueSimulator;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The venue simulator as its own process, for manual and system tests against a daemon or any FIX client:
 * serves every session of the given acceptor settings (FIX 4.4 and 4.2), fills at the touch of a synthetic
 * market built exactly as the daemon builds its own ({@link MarketCatalogue}, same seed and start by default),
 * paced by the wall clock, and prints a status line now and then until SIGINT or SIGTERM. The market's quote board
 * is the fill touch; its ticks go to the venue's market-data publisher, which serves them to subscribers of any
 * session (add {@code fix/venue-marketdata.cfg} for the market-data client's own session).
 */
public final class VenueMain {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final VenueOptions options;
    private final VenueSimulator venue;
    private final SyntheticMarket market;
    private final LatestQuotes quotes;
    private final String where;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;

    VenueMain(final VenueOptions options, final InstrumentUniverse universe) {
        this.options = options;
        final SessionSettings settings = merge(options);
        quotes = new LatestQuotes(universe.size());
        venue = new VenueSimulator(settings, FixGateway.stores(settings), quotes, universe,
            VenueBehaviour.fromSettings(settings));
        market = new SyntheticMarket(MarketCatalogue.model(options.configDir(), universe, options.seed(),
            options.startEpochNanos(), options.tickIntervalNanos()), venue.marketData(), quotes);
        where = describe(settings);
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err, true));
    }

    /** The whole command, for {@link #main} and tests; {@code shutdownHook}: stop cleanly on Ctrl-C. */
    static int run(final String[] args, final PrintStream out, final PrintStream err, final boolean shutdownHook) {
        final VenueMain main;
        try {
            final VenueOptions options = VenueOptions.parse(args);
            if (options.help()) {
                out.println(VenueOptions.USAGE);
                return EXIT_OK;
            }
            main = new VenueMain(options, ConfigLoader.load(options.configDir()).universe());
        } catch (final UsageException | ConfigException | IllegalArgumentException | UncheckedIOException ex) {
            err.println("venue: " + ex.getMessage());
            err.println("Try --help for the options.");
            return EXIT_USAGE;
        }
        final Thread hook = new Thread(main::stopAndWait, "venue-shutdown");
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        main.execute(out);
        return EXIT_OK;
    }

    /** Starts the venue and runs the market on the caller's thread until {@link #requestStop()}. */
    void execute(final PrintStream out) {
        try {
            venue.start();
            market.run(market.instruments());
            out.println("venue: listening " + where + "; market seed " + options.seed() + ", "
                + options.ticksPerSecond() + " ticks/s; " + venue.behaviour());
            out.flush();
            final long tickNanos = TimeUnit.SECONDS.toNanos(1) / options.ticksPerSecond();
            long due = System.nanoTime();
            long nextStatus = due + options.statusIntervalNanos();
            while (!stopRequested) {
                due += tickNanos;
                for (long wait = due - System.nanoTime(); wait > 0 && !stopRequested; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                market.publishNext();
                if (System.nanoTime() >= nextStatus) {
                    nextStatus += options.statusIntervalNanos();
                    status(out);
                }
            }
            venue.close();
            status(out);
            out.println("venue: stopped");
            out.flush();
        } finally {
            stopped.countDown();
        }
    }

    /** Asks a running {@link #execute} to stop; any thread. */
    void requestStop() {
        stopRequested = true;
    }

    /** The shutdown hook: stop, and give the venue a moment to log its sessions out. */
    private void stopAndWait() {
        requestStop();
        try {
            stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** The venue, for tests. */
    VenueSimulator venue() {
        return venue;
    }

    private void status(final PrintStream out) {
        out.println("venue: " + venue.loggedOnSessions() + " session(s) logged on, "
            + Text.count(market.ticksPublished()) + " ticks, market time "
            + Text.time(quotes.timeNanos(), ZoneOffset.UTC) + "; " + venue.counters() + "; "
            + venue.marketData().counters());
        out.flush();
    }

    /**
     * Every session of every settings file in one settings object, each with its file's defaults folded in; the
     * files' own {@code Venue*} defaults, then the command line's, as defaults of the whole; the port override.
     */
    static SessionSettings merge(final VenueOptions options) {
        final SessionSettings merged = new SessionSettings();
        final int port = options.port() == 0 ? FixVenue.freePort() : options.port();
        try {
            for (final Path file : options.settings()) {
                final SessionSettings one = FixGateway.settings(file);
                for (final Map.Entry<Object, Object> e : one.getDefaultProperties().entrySet()) {
                    if (e.getKey().toString().startsWith("Venue")) {
                        merged.setString(e.getKey().toString(), e.getValue().toString());
                    }
                }
                for (final Iterator<SessionID> it = one.sectionIterator(); it.hasNext();) {
                    final SessionID id = it.next();
                    for (final Map.Entry<Object, Object> e : one.getSessionProperties(id, true).entrySet()) {
                        merged.setString(id, e.getKey().toString(), e.getValue().toString());
                    }
                    if (port > 0) {
                        merged.setLong(id, "SocketAcceptPort", port);
                    }
                }
            }
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("venue settings: " + ex.getMessage(), ex);
        }
        options.venueKeys().forEach(merged::setString);
        return merged;
    }

    private static String describe(final SessionSettings settings) {
        final StringBuilder text = new StringBuilder();
        try {
            for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext();) {
                final SessionID id = it.next();
                text.append(text.length() == 0 ? "" : ", ").append(id).append(" on ")
                    .append(settings.isSetting(id, "SocketAcceptAddress")
                        ? settings.getString(id, "SocketAcceptAddress") : "*")
                    .append(':').append(settings.getString(id, "SocketAcceptPort"));
            }
        } catch (final ConfigError ex) {
            throw new IllegalArgumentException("venue settings: " + ex.getMessage(), ex);
        }
        return text.toString();
    }
}
