package io.rebalancer.daemon;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.journaling.ConfigArchive;
import io.rebalancer.engine.journaling.JournalDirectory;
import io.rebalancer.engine.journaling.JournalException;
import io.rebalancer.engine.journaling.JournalSession;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.FaultHandler;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.state.Portfolio;
import io.rebalancer.engine.state.PriceBoard;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * One run of the daemon, wired and driven from the caller's thread:
 * <pre>
 *   caller's thread: FeedSource (synthetic market, CSV file or recorded feed) --ticks--> MarketClock (skips what
 *     the recovered book saw, status commands) --> MarketDataEdge (judges, conflates; good ticks also to the
 *     venues' QuoteBoard) --> EngineTopology ring --> Engine (engine thread)
 *   Engine --orders, cancels, replaces--> Venue: FixVenue (FixGateway --FIX--> VenueSimulator or a real acceptor)
 *                                              or PaperVenue (agent thread)
 *   Venue --executions--> the same inbound ring
 *   Engine --callbacks--> RunTally --> ConsoleReporter ring --> ConsolePrinter (agent thread) --> stdout
 * </pre>
 * The market thread is the only one that runs flat out, and at the end of each stretch of event time it holds back
 * until the engine has consumed everything and the venue has seen and answered what the engine sent
 * ({@link MarketClock.Steps}); the engine waits as configured, the venue backs off to millisecond parks (each order
 * wakes it) and the printer sleeps a millisecond when idle. At the end, or when asked to stop (Ctrl-C,
 * SIGTERM), the run stops the same way: the market stops, the venue's market closes, {@link StopTrading} halts the
 * engine and cancels or leaves what still works as {@code [orders] on-shutdown} says, the engine books what comes
 * back, the agents stop, and the state is read for the summary once the engine thread has stopped.
 */
final class DemoRun {
    /**
     * Ticks published between checks of the stop flag, the pacing, the status clock, the engine and the venue:
     * small, so that an order meets the market within a few dozen ticks of the tick that caused it.
     */
    private static final int CHUNK = 32;
    /** The longest the market waits, in wall time, for the venue to answer the engine's orders and requests. */
    private static final long MAX_ANSWER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** The same before the venue's first answer: a cold JVM's first FIX round trip takes far longer. */
    private static final long MAX_FIRST_ANSWER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long DRAIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int DRAIN_QUIET_POLLS = 3;
    private static final long MARKET_DATA_LOGON_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long MARKET_DATA_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The venue simulator sends what changed once a millisecond; quiet for longer, it has sent everything. */
    private static final long VENUE_SEND_CYCLE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long LAST_UPDATES_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final EngineConfig config;
    private final DaemonOptions options;
    private final ConsoleReporter reporter;
    private final ConsolePrinter printer;
    private final RunTally tally;
    private final Venue venue;
    private final Engine engine;
    /** The journal this run writes and recovered from; null with --no-journal. */
    private final JournalSession journal;
    private final EngineTopology topology;
    private final InboundPublisher publisher;
    /** Judges and conflates the market's ticks before the ring, on the market's (the caller's) thread. */
    private final MarketDataEdge edge;
    private final QuoteBoard quoteBoard;
    private final MarketClock clock;
    /** The polled source: a file, a recording, the synthetic market; null with FIX market data. */
    private final FeedSource feed;
    /** FIX market data ({@code --market fix}); null otherwise. */
    private final FixMarketFeed fixFeed;
    /** What the feed delivers to: the clock, or a recorder in front of it. */
    private final TickSink feedInput;
    /** The synthetic market's first tick time; Long.MIN_VALUE for a file or recording (known once it is read). */
    private final long firstTickTime;
    /** The engine's counts as recovered from the journal: the venue of this run has seen none of those orders. */
    private final long ordersSentBefore;
    /** The recovered engine's clock (Long.MIN_VALUE for a new book): the time of the reconciliation command. */
    private final long recoveredTime;
    /** Each portfolio as this run found it (recovered from the journal, or as configured), for the summary. */
    private final List<Portfolio> startBook;
    private final long executionsBefore;
    private final AtomicReference<Throwable> agentError = new AtomicReference<>();
    private volatile boolean stopRequested;
    /** Orders and requests the engine had sent when the market last gave up waiting for the venue's answers. */
    private long requestsWhenGaveUp = -1;

    /**
     * @param observe wraps the listener chain after the tally (tests add checks there); identity otherwise
     * @throws IllegalArgumentException when the venue's settings cannot be read
     * @throws io.rebalancer.engine.journaling.JournalException when the journal cannot be used or recovered
     */
    DemoRun(final EngineConfig config, final DaemonOptions options, final PrintStream out,
        final UnaryOperator<EngineListener> observe) {
        this.config = config;
        this.options = options;
        final InstrumentUniverse universe = config.universe();
        final int portfolios = config.portfolios().size();
        final LatestQuotes quotes = new LatestQuotes(universe.size());
        venue = Venue.of(options, config, quotes);
        reporter = options.quiet() ? null : new ConsoleReporter(portfolios, universe.size());
        printer = options.quiet() ? null : new ConsolePrinter(reporter, config, out, this::statusHeader);
        tally = new RunTally(portfolios, observe.apply(options.quiet() ? NoOpEngineListener.INSTANCE : reporter));
        final EventHandler<InboundEvent> stage;
        final FaultHandler faults;
        if (options.journal() == null) {
            journal = null;
            engine = new Engine(config, venue.orderSink(), tally);
            stage = engine;
            faults = engine;
        } else {
            try {
                journal = JournalSession.open(JournalDirectory.check(options.journal(), !options.journalNamed(),
                    JournalDirectory.MIN_FREE_BYTES), ConfigArchive.read(options.configDir()), config, tally,
                    CrashPoint.orderSink(venue.orderSink()), options.snapshotEvery(), options.retainDays(),
                    "rebalancer " + options, SystemTimeProvider.INSTANCE);
            } catch (final JournalException ex) {
                venue.close();
                throw ex;
            } catch (final Exception ex) {
                // Chronicle throws checked exceptions it does not declare (a file that is not a queue): say which
                // journal, once, rather than a stack trace.
                venue.close();
                throw new JournalException("cannot open the journal in " + options.journal() + ": " + ex, ex);
            }
            engine = journal.engine();
            // The crash tests' hook (CrashPoint): the journal's own sink and stage unless a test armed it.
            stage = CrashPoint.stage(journal.handler());
            faults = journal.handler();
            venue.resumeAfter(journal.recovery().lastSourceSequence());
        }
        if (reporter != null) {
            reporter.prices(engine.prices());
        }
        recoveredTime = engine.now();
        startBook = copyOfBook(config, engine);
        ordersSentBefore = engine.counters().get(EngineCounters.ORDERS_SENT);
        executionsBefore = engine.counters().get(EngineCounters.EXECUTIONS);
        topology = new EngineTopology(config.settings().ringSize(), config.settings().waitStrategy(), stage, faults);
        publisher = topology.publisher();
        final boolean resumed = journal != null && journal.recovery().found() && engine.now() != Long.MIN_VALUE;
        final MarketOptions market = options.market();
        final boolean live = market.kind() == MarketOptions.Kind.FIX;
        // The venue simulator's own market keeps its touch under --market fix; otherwise the good ticks do.
        quoteBoard = new QuoteBoard(quotes, !(live && market.source() == null));
        edge = new MarketDataEdge(universe.size(), new EdgeSettings(market.jumpLimitPpm(),
            EdgeSettings.defaults(config.settings().ringSize()).tickHeadroom()), publisher, quoteBoard);
        clock = new MarketClock(edge, publisher, resumed ? engine.now() : Long.MIN_VALUE,
            options.statusIntervalNanos(), universe.size(), maxLead(options), live ? MarketClock.LIVE
            : new ReplaySteps());
        // A replayed source (a file, a recording, the synthetic market) is held to the engine, which takes each
        // moment whole; a live one is not.
        edge.holdUntilDrain(!live);
        final long interval = options.tickIntervalNanos();
        if (market.kind() == MarketOptions.Kind.SYNTHETIC || live && market.source() == null) {
            firstTickTime = resumed && engine.now() >= options.startEpochNanos()
                ? Math.floorDiv(engine.now(), interval) * interval + interval : options.startEpochNanos();
        } else {
            firstTickTime = Long.MIN_VALUE;
        }
        final long seed = resumed ? options.seed() ^ journal.recovery().lastSequence() * 0x9E37_79B9_7F4A_7C15L
            : options.seed();
        final long[] startMarks = resumed ? marks(engine.prices(), universe.size()) : new long[universe.size()];
        for (int id = 0; id < startMarks.length; id++) {
            // A resumed book's last prices judge the feed's first ticks: a first tick far off them is held.
            edge.seed(id, startMarks[id], engine.prices().hasPrice(id) ? engine.prices().time(id) : Long.MIN_VALUE);
        }
        try {
            feed = live ? null : Feeds.open(options, universe, seed, firstTickTime, startMarks);
        } catch (final RuntimeException ex) {
            closeOnFailure(null);
            throw ex;
        }
        try {
            feedInput = Feeds.recorderOr(clock, options, universe, live ? "FIX market data"
                + (market.source() == null ? " from the venue simulator" : " from " + market.source())
                : feed.describe());
        } catch (final RuntimeException ex) {
            closeOnFailure(feed);
            throw ex;
        }
        try {
            fixFeed = live ? FixMarketFeed.open(options, universe, venue, quotes, edge, feedInput, seed,
                firstTickTime, startMarks) : null;
        } catch (final RuntimeException ex) {
            Feeds.closeRecorder(feedInput);
            closeOnFailure(feed);
            throw ex;
        }
    }

    private void closeOnFailure(final FeedSource opened) {
        if (opened != null) {
            opened.close();
        }
        if (journal != null) {
            journal.close();
        }
        venue.close();
    }

    /** Copies of the engine's portfolios as they stand (through their snapshot form: every field, nothing shared). */
    private static List<Portfolio> copyOfBook(final EngineConfig config, final Engine engine) {
        final List<Portfolio> book = new ArrayList<>();
        for (final PortfolioSpec spec : config.portfolios()) {
            final Portfolio live = engine.portfolio(spec.id());
            final UnsafeBuffer bytes = new UnsafeBuffer(new byte[live.snapshotBytes()]);
            live.writeTo(bytes, 0);
            final Portfolio copy = new Portfolio(spec);
            copy.readFrom(bytes, 0);
            book.add(copy);
        }
        return book;
    }

    /** The last price the engine knew per instrument (0 where none): where a recovered run's market resumes. */
    private static long[] marks(final PriceBoard prices, final int instruments) {
        final long[] marks = new long[instruments];
        for (int id = 0; id < instruments; id++) {
            marks[id] = prices.hasPrice(id) ? prices.mark(id) : 0;
        }
        return marks;
    }

    /**
     * Simulated time of the synthetic market's first tick: the configured start, or just after the recovered engine's
     * time; Long.MIN_VALUE for a file or a recording.
     */
    long firstTickTime() {
        return firstTickTime;
    }

    /**
     * Any thread (the operator console): lets the held jump of {@code symbol}, or of every instrument with
     * {@code all}, through at the feed's next tick or drain.
     *
     * @return what was asked, for the operator
     */
    String releaseHeld(final String symbol) {
        final InstrumentUniverse universe = config.universe();
        if ("all".equalsIgnoreCase(symbol)) {
            for (int id = 0; id < universe.size(); id++) {
                edge.requestRelease(id);
            }
            return "any held price of every instrument goes through with the feed's next tick";
        }
        final int id = universe.idOf(symbol);
        if (id < 0) {
            return "no instrument " + symbol + " in the config";
        }
        edge.requestRelease(id);
        return "a held price of " + symbol + " goes through with the feed's next tick (if one is held)";
    }

    /** Any thread: the market data's counts and latest bad tick of each kind. */
    String marketStatus() {
        return edge.describe(this::symbol);
    }

    /** What the prices come from, for the banner. */
    String feedDescription() {
        return feed != null ? feed.describe() : fixFeed.describe();
    }

    /** What recovery found, for the banner; null without a journal. */
    JournalSession.Recovery recovery() {
        return journal == null ? null : journal.recovery();
    }

    /** For tests: the engine, whose state may be read on its own thread or after the run. */
    Engine engine() {
        return engine;
    }

    /** Asks a running {@link #execute()} to stop publishing and stop trading; any thread (the shutdown hook). */
    void requestStop() {
        stopRequested = true;
    }

    /** Runs the whole demo on the caller's thread and returns what happened, with the summary text. */
    RunReport execute() {
        final long wallStart = System.nanoTime();
        topology.start();
        final AgentRunner printerRunner = printer == null ? null
            : new AgentRunner(new SleepingMillisIdleStrategy(1), this::onAgentError, null, printer);
        if (printerRunner != null) {
            AgentRunner.startOnThread(printerRunner);
        }
        boolean engineStopped = false;
        boolean drained = false;
        boolean started = false;
        StopTrading.Outcome stopped = null;
        try {
            started = venue.start(publisher, this::onAgentError, () -> stopRequested);
            if (started && journal != null && journal.recovery().found()) {
                // Now that the venue can answer: what became of the orders the recovered engine holds as working?
                publisher.command(recoveredTime, Command.RECONCILE, -1, 0);
            }
            if (started && fixFeed != null && !fixFeed.start(MARKET_DATA_LOGON_NANOS, () -> stopRequested)) {
                onAgentError(new IllegalStateException("the FIX market-data session did not log on within "
                    + Text.duration(MARKET_DATA_LOGON_NANOS) + ": no prices, no trading"));
                started = false;
            }
            if (started) {
                try {
                    if (fixFeed != null) {
                        runFixMarket();
                    } else {
                        runMarket();
                    }
                } catch (final RuntimeException feedFailure) {
                    // A file that cannot be read any more, a recording that cannot be written: the market ends here,
                    // and trading still stops the orderly way (working orders cancelled or left as configured).
                    onAgentError(feedFailure);
                }
                final long time = marketTime();
                closeMarket();
                stopped = new StopTrading(publisher, engine.counters(), config.orders().onShutdown(),
                    options.shutdownTimeoutNanos()).stop(time);
                drained = drain();
                publisher.command(time, Command.REPORT_STATUS, -1, 0);
            } else {
                // Stopped while connecting: nothing was traded, so there is nothing to drain.
                drained = stopRequested;
            }
        } finally {
            engineStopped = topology.stop(DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
            if (journal != null && engineStopped) {
                // While the engine thread may still run, the journal is its own: no stop record (a restart then
                // recovers as after a crash).
                journal.close();
            }
            venue.close();
            if (feed != null) {
                feed.close();
            }
            if (fixFeed != null) {
                fixFeed.close();
            }
            Feeds.closeRecorder(feedInput);
            if (printerRunner != null) {
                printerRunner.close();
            }
        }
        final long wallNanos = System.nanoTime() - wallStart;
        return RunReport.of(config, engine, tally, new RunReport.Totals(clock.delivered(), wallNanos,
            clock.firstTime(), clock.lastTime(), options.seed(), stopRequested, drained && engineStopped,
            venue.totals(started), reporter == null ? 0 : reporter.dropped(), agentError.get(), stopped,
            journalLine(), marketLines()), quoteBoard.firstBids(), quoteBoard.firstAsks(), startBook);
    }

    /** The time trading stops at: the market's latest, or the recovered clock when the feed brought nothing new. */
    private long marketTime() {
        final long time = Math.max(clock.now(), recoveredTime);
        return time == Long.MIN_VALUE ? options.startEpochNanos() : time;
    }

    /** For the summary: the source, what the edge made of it, and what a resumed run skipped. */
    private String marketLines() {
        final String problems = feed != null ? Feeds.problems(feed, feedInput) : fixFeed.counters();
        return feedDescription() + (clock.skipped() > 0 ? "; " + Text.count(clock.skipped())
            + " ticks at or before the recovered book's time skipped" : "") + (problems == null ? "" : "; " + problems)
            + System.lineSeparator() + edge.describe(this::symbol);
    }

    private String symbol(final int instrument) {
        return config.universe().isValidId(instrument) ? config.universe().get(instrument).symbol()
            : "#" + instrument;
    }

    /** The status header: the venue's connection, then the market data's counts when any tick was refused. */
    private String statusHeader() {
        final String connection = venue.connection();
        return edge.faults().refused() == 0 && edge.conflated() == 0 ? connection
            : connection + System.lineSeparator() + "  " + edge.describe(this::symbol);
    }

    private String journalLine() {
        if (journal == null) {
            return null;
        }
        return options.journal() + ": inputs up to " + journal.handler().lastSequence() + ", chain 0x"
            + Long.toHexString(journal.chain()) + " (keep it elsewhere: a journal rewritten since will not end on it)";
    }

    /**
     * Publishes the market a chunk at a time, paced by {@code --rate} ({@link #paceRate}); the market clock holds it
     * to the engine and the venue ({@link ReplaySteps}). A file or recording paced with {@code --speed} waits inside
     * its own poll; meanwhile the moment it delivered last goes on.
     */
    private void runMarket() {
        final int chunk = chunk(options.ticksPerSecond());
        long due = System.nanoTime();
        long polled = 0;
        while (!feed.finished() && polled < options.ticks() && !stopRequested) {
            final int ticks = feed.poll(feedInput, (int)Math.min(chunk, options.ticks() - polled));
            polled += ticks;
            if (ticks == 0) {
                // The source waits on its pacing, so the moment it delivered last is complete: it goes on now.
                edge.drain();
                continue;
            }
            due = paceRate(due, ticks, chunk);
        }
        // The last ticks' orders meet the market before it closes.
        awaitEngineAndVenue();
    }

    /**
     * Runs the venue simulator's market, or waits on an external source, while QuickFIX/J's thread delivers the
     * market data; this thread drains the edge when it is free. The simulator's market is held to the round trip as
     * a replay is held to the engine: after each chunk it waits until its latest tick has come back over FIX, the
     * engine has consumed it and the venue has answered (so simulated time cannot outrun a FIX round trip), and
     * {@code --rate} caps it. At the end, waits for the last increments, logs the client out and sends on whatever
     * waited in the edge.
     */
    private void runFixMarket() {
        final int chunk = chunk(options.ticksPerSecond());
        long due = System.nanoTime();
        // The edge's count, not the clock's: the clock's belongs to QuickFIX/J's thread.
        while (!stopRequested && !fixFeed.finished() && edge.received() < options.ticks()) {
            final int ticks = fixFeed.publish(chunk);
            fixFeed.drainEdge();
            if (ticks == 0) {
                LockSupport.parkNanos(MARKET_DATA_POLL_NANOS);
                continue;
            }
            awaitRoundTrip(fixFeed.venueMarketTime());
            due = paceRate(due, ticks, chunk);
        }
        long messages = -1;
        int quiet = 0;
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (quiet < DRAIN_QUIET_POLLS && System.nanoTime() - deadline < 0) {
            final long now = fixFeed.messagesReceived();
            quiet = now == messages ? quiet + 1 : 0;
            messages = now;
            LockSupport.parkNanos(LAST_UPDATES_POLL_NANOS);
        }
        fixFeed.close();
        edge.flush(DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
    }

    /**
     * Parks until the market data has brought the venue market's tick of {@code time}, or has gone quiet for a
     * sending cycle of the venue (which sends only quotes that changed, so the latest tick may never come), then
     * until the engine has consumed it and the venue has answered what the engine sent; draining the edge meanwhile
     * when QuickFIX/J's thread leaves it free. Each wait is bounded, so a venue that stopped sending or answering
     * cannot freeze the market.
     */
    private void awaitRoundTrip(final long time) {
        final long start = System.nanoTime();
        long messages = fixFeed.messagesReceived();
        long changed = start;
        while (clock.lastTime() < time && !stopRequested && System.nanoTime() - start < MAX_ANSWER_WAIT_NANOS) {
            fixFeed.drainEdge();
            LockSupport.parkNanos(WAIT_NANOS);
            final long now = System.nanoTime();
            final long received = fixFeed.messagesReceived();
            if (received != messages) {
                messages = received;
                changed = now;
            } else if (now - changed > VENUE_SEND_CYCLE_NANOS && now - start > VENUE_SEND_CYCLE_NANOS) {
                break;
            }
        }
        awaitEngineAndAnswers(true);
    }

    /** Ticks between checks: a chunk, or a hundredth of a second's worth under a low {@code --rate}. */
    private static int chunk(final long rate) {
        return rate == 0 ? CHUNK : (int)Math.max(1, Math.min(CHUNK, rate / 100));
    }

    /**
     * With {@code --rate}, parks until {@code ticks} more are due, a rate's worth of wall time after the ones before;
     * a market held back meanwhile does not race to catch up (at most one chunk of lateness is kept), so the rate is
     * a ceiling, never a burst.
     *
     * @return when the next ticks are due
     */
    private long paceRate(final long due, final int ticks, final int chunk) {
        final long rate = options.ticksPerSecond();
        if (rate == 0) {
            return due;
        }
        final long next = Math.max(due + (long)(ticks * 1e9 / rate), System.nanoTime() - (long)(chunk * 1e9 / rate));
        for (long wait = next - System.nanoTime(); wait > 0 && !stopRequested; wait = next - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return next;
    }

    /**
     * The event time the market may run ahead of the engine and the venue: a chunk of ticks at the configured
     * interval. A file whose ticks are further apart (daily closes) is held at each new time.
     */
    private static long maxLead(final DaemonOptions options) {
        return Math.multiplyHigh(CHUNK, options.tickIntervalNanos()) != 0 ? Long.MAX_VALUE
            : CHUNK * options.tickIntervalNanos();
    }

    /**
     * The market clock's barrier, on the feed's thread: holds the market (parking, not spinning) until the engine
     * has consumed every tick so far and the venue has seen every order the engine sent and answered them. Event
     * time runs far faster than the wall clock here (a day of closes in microseconds), so without this an engine or
     * venue thread that wakes a millisecond late would meet a market days later than the tick it acts on.
     */
    private void awaitEngineAndVenue() {
        edge.flush(DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        awaitEngineAndAnswers(false);
    }

    /**
     * Parks until the engine has consumed everything published and the venue has seen and answered what the engine
     * sent (answers waited for a bounded time); with FIX market data, draining the edge meanwhile when QuickFIX/J's
     * thread leaves it free.
     */
    private void awaitEngineAndAnswers(final boolean drainFixFeed) {
        final long answerDeadline = System.nanoTime() + (engine.counters().get(EngineCounters.EXECUTIONS)
            == executionsBefore ? MAX_FIRST_ANSWER_WAIT_NANOS : MAX_ANSWER_WAIT_NANOS);
        while ((publisher.backlog() > 0 || venueBehind() || awaitingAnswers(answerDeadline)) && !stopRequested) {
            if (drainFixFeed) {
                fixFeed.drainEdge();
            }
            LockSupport.parkNanos(WAIT_NANOS);
        }
    }

    private boolean venueBehind() {
        return !venue.caughtUp(ordersSentThisRun());
    }

    /**
     * Orders not yet acknowledged and cancels or replaces not yet answered also hold the market, so the answer meets
     * the market of its moment: at this speed a FIX round trip of a millisecond is minutes of market time, enough to
     * trip the engine's request timeout and maximum order age. Bounded in wall time, so a venue that never answers
     * cannot freeze the market (the engine's request timeout then deals with it in market time).
     */
    private boolean awaitingAnswers(final long deadline) {
        if (engine.awaitingVenue() == 0) {
            return false;
        }
        final long requests = requestsSent();
        if (requests == requestsWhenGaveUp) {
            return false;
        }
        if (System.nanoTime() < deadline) {
            return true;
        }
        // Waited the longest for these: a venue that does not answer them is not waited for again until the engine
        // sends something new, so the run goes on at full speed meanwhile.
        requestsWhenGaveUp = requests;
        return false;
    }

    /** New orders the engine sent since this run started: all the venue of this run can have seen. */
    private long ordersSentThisRun() {
        return engine.counters().get(EngineCounters.ORDERS_SENT) - ordersSentBefore;
    }

    private long requestsSent() {
        final EngineCounters counters = engine.counters();
        return counters.get(EngineCounters.ORDERS_SENT) + counters.get(EngineCounters.CANCELS_SENT)
            + counters.get(EngineCounters.REPLACES_SENT);
    }

    /**
     * Closes the venue's market and waits (parking, bounded) until it has seen every order and finished what it
     * finishes on its own: the paper venue cancels what the final touch cannot fill. Then {@link StopTrading}
     * finds only the orders a real venue would keep.
     */
    private void closeMarket() {
        edge.flush(DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
        venue.closeMarket();
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        while (!(publisher.backlog() == 0 && venue.idle(ordersSentThisRun()))
            && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
    }

    /**
     * Waits (parking, never spinning) until the ring is empty, the venue is idle and nothing changed for a few
     * polls: the venue may still be reporting on what it had.
     *
     * @return false when that did not happen within the timeout
     */
    private boolean drain() {
        final EngineCounters counters = engine.counters();
        final long deadline = System.nanoTime() + DRAIN_TIMEOUT_NANOS;
        long lastActivity = -1;
        int quietPolls = 0;
        while (System.nanoTime() - deadline < 0) {
            final long sent = ordersSentThisRun();
            final boolean idle = publisher.backlog() == 0 && venue.idle(sent);
            final long activity = sent + counters.get(EngineCounters.EXECUTIONS) + counters.get(EngineCounters.BATCHES);
            quietPolls = idle && activity == lastActivity ? quietPolls + 1 : 0;
            if (quietPolls >= DRAIN_QUIET_POLLS) {
                return true;
            }
            lastActivity = activity;
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        return false;
    }

    private void onAgentError(final Throwable error) {
        agentError.compareAndSet(null, error);
    }

    /** The market clock's steps for a replayed market, on the feed's (the caller's) thread. */
    private final class ReplaySteps implements MarketClock.Steps {
        @Override
        public void momentEnded() {
            if (edge.drain() == 0) {
                // The moment waits for room to go in whole: wait for the engine (flush parks, never spins).
                edge.flush(DRAIN_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void leadExceeded() {
            awaitEngineAndVenue();
        }
    }
}
