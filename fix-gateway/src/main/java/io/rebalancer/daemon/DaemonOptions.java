package io.rebalancer.daemon;

import io.rebalancer.marketdata.edge.EdgeSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The daemon's command line, parsed by hand (a handful of options do not justify a dependency). Options take
 * their value as the next argument or after {@code =}; anything unknown, missing or malformed is a
 * {@link UsageException} naming the option and what it expects. The value parsers ({@link #number},
 * {@link #duration}, {@link #instant}) are shared with the venue simulator's {@link VenueOptions}.
 *
 * @param configDir           the config directory ({@code engine.conf}, {@code instruments.csv}, {@code portfolios/})
 * @param ticks               how many ticks to publish (one instrument each): the synthetic market's length, a
 *                            cap on a file or recording
 * @param seed                the synthetic market's random seed
 * @param tickIntervalNanos   simulated time between two ticks
 * @param startEpochNanos     simulated time of the first tick
 * @param statusIntervalNanos simulated time between status tables
 * @param ticksPerSecond      wall-clock pacing of the market, 0 for as fast as possible
 * @param quiet               print the summary only
 * @param help                print the usage and exit
 * @param fixVenue            trade over a real FIX session ({@code --venue fix}, the default), not the paper venue
 * @param fixSettings         with {@code fixVenue}: the gateway's QuickFIX/J settings of an external acceptor, or
 *                            null to start the venue simulator in-process on a free port
 * @param shutdownTimeoutNanos how long stopping waits for the venue to confirm the cancels of working orders
 * @param journal             the journal's folder, null for none ({@code --no-journal})
 * @param journalNamed        whether the user named the folder ({@code --journal}): then it must exist; the default
 *                            one is created
 * @param snapshotEvery       snapshot the engine after this many inputs, so a restart replays only what follows
 * @param retainDays          delete the journal's daily files older than this many days (never one a restart
 *                            needs), 0 to keep everything
 * @param market              where prices come from, how they are judged and where they are recorded
 */
record DaemonOptions(Path configDir, long ticks, long seed, long tickIntervalNanos, long startEpochNanos,
                     long statusIntervalNanos, long ticksPerSecond, boolean quiet, boolean help, boolean fixVenue,
                     Path fixSettings, long shutdownTimeoutNanos, Path journal, boolean journalNamed,
                     long snapshotEvery, int retainDays, MarketOptions market) {
    static final String DEFAULT_CONFIG = "config";
    static final String DEFAULT_JOURNAL = "journal";
    static final long DEFAULT_SNAPSHOT_EVERY = 1_000_000;
    static final long DEFAULT_TICKS = 500_000;
    static final long DEFAULT_SEED = 1;
    static final long DEFAULT_TICK_INTERVAL_NANOS = 1_000_000_000L;
    /** Friday 27 March 2026, 13:30 UTC (the New York open): a default run crosses a month end. */
    static final String DEFAULT_START = "2026-03-27T13:30:00Z";
    static final long DEFAULT_START_NANOS = Instant.parse(DEFAULT_START).getEpochSecond() * 1_000_000_000L;
    static final long DEFAULT_STATUS_INTERVAL_NANOS = 86_400_000_000_000L;
    static final long DEFAULT_SHUTDOWN_TIMEOUT_NANOS = 10_000_000_000L;

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -jar rebalancer.jar [options]",
        "       java -jar rebalancer.jar journal --journal DIR [filters]   (the journal as a readable event log)",
        "       java -jar rebalancer.jar replay --journal DIR [--config DIR]   (replay it, report any difference)",
        "",
        "Runs the rebalancing engine against a built-in synthetic market (correlated random walks of the",
        "configured instruments), or prices from a CSV file or a recorded feed. Orders go over a FIX 4.4",
        "session to a venue simulator started in-process on loopback (or to a real acceptor with",
        "--fix-settings), or to an in-process paper venue. Prints what",
        "happens, then a summary. Ctrl-C or SIGTERM stops trading as config [orders] on-shutdown says (cancel",
        "working orders and wait for the venue, or leave them), then prints the summary; a second Ctrl-C exits",
        "at once.",
        "",
        "  --config DIR            config directory (default " + DEFAULT_CONFIG + ")",
        "  --ticks N               ticks to publish, one instrument per tick (default " + DEFAULT_TICKS + "; a file",
        "                          or recording: all of it)",
        "  --seed S                random seed of the synthetic market (default " + DEFAULT_SEED + ")",
        "  --tick-interval D       simulated time between ticks (default 1s); keep instruments x D within",
        "                          the config's maximum price age, or decisions wait for fresh prices",
        "  --start T               simulated time of the first tick (default " + DEFAULT_START + ")",
        "  --status-every D        simulated time between status tables (default 1d)",
        "  --rate N                publish at most N ticks per wall-clock second (default 0: as fast as possible)",
        "  --market SOURCE         where prices come from (default synthetic): synthetic; csv:FILE, a price file,",
        "                          wide (date, then a column of closes per symbol) or long (timestamp, symbol, bid,",
        "                          ask, last, size[, seq]); recorded:DIR, a feed recorded with --record-feed;",
        "                          fix, FIX market data from the in-process venue simulator's own synthetic market",
        "                          (--ticks of it, held to the FIX round trip; --rate caps it); fix:FILE, FIX market",
        "                          data from the acceptor of those QuickFIX/J settings, until stopped",
        "  --speed X               replay a file or recording at X times its own pace (1 real time, 3600 an hour",
        "                          a second; default 0: as fast as the engine and the venue keep up)",
        "  --jump-limit P          hold a price more than P% from the last good one until the next tick confirms",
        "                          it (default " + EdgeSettings.DEFAULT_JUMP_LIMIT_PPM / 10_000 + "%; off to turn"
            + " off; type 'release SYMBOL' on stdin to let one through)",
        "  --record-feed DIR       record the raw feed to DIR (created) for replay with --market recorded:DIR",
        "  --venue fix|paper       where orders go (default fix): 'fix' sends them over a FIX 4.4 session to the",
        "                          venue simulator, started in-process on a free loopback port (config/fix/*.cfg,",
        "                          sequence numbers in memory); 'paper' fills them in-process at the touch",
        "  --fix-settings FILE     the gateway's QuickFIX/J settings: connect to that acceptor instead (no",
        "                          simulator is started)",
        "  --shutdown-timeout D    how long stopping waits for the venue to confirm cancels (default 10s)",
        "  --journal DIR           the journal: every input and decision, the book's system of record (default",
        "                          ./" + DEFAULT_JOURNAL + ", created if missing; a named DIR must exist). A journal",
        "                          that holds a book is recovered first: the run continues its holdings, orders,",
        "                          ids and market time",
        "  --no-journal            keep no journal: nothing survives the run",
        "  --snapshot-every N      snapshot the engine every N inputs (default " + DEFAULT_SNAPSHOT_EVERY + "), so a",
        "                          restart replays only the journal after the latest snapshot",
        "  --retain-days N         delete the journal's daily files older than N days, never one a restart needs",
        "                          (default 0: keep everything)",
        "  --quiet                 print the summary only",
        "  --help                  print this help",
        "",
        "Durations are a whole number and a unit: ns, us, ms, s, m, h or d (500ms, 1s, 5m, 12h).",
        "Exit status: 0 done (also when stopped by Ctrl-C or SIGTERM), 1 the run failed (engine fault, or it did",
        "not drain), 2 bad options, config or journal; 130 or 143 when a second signal cut the stop short.");

    /** Parses the arguments; never returns null. */
    static DaemonOptions parse(final String... args) throws UsageException {
        final Parsed parsed = new Parsed();
        final Arguments arguments = new Arguments(args);
        while (arguments.next()) {
            final String name = arguments.name();
            switch (name) {
                case "--quiet":
                    parsed.quiet = arguments.flag();
                    break;
                case "--help":
                case "-h":
                    parsed.help = arguments.flag();
                    break;
                case "--no-journal":
                    parsed.noJournal = arguments.flag();
                    break;
                case "--config":
                case "--ticks":
                case "--seed":
                case "--tick-interval":
                case "--start":
                case "--status-every":
                case "--rate":
                case "--venue":
                case "--fix-settings":
                case "--shutdown-timeout":
                case "--journal":
                case "--snapshot-every":
                case "--retain-days":
                case "--market":
                case "--speed":
                case "--jump-limit":
                case "--record-feed":
                    parsed.set(name, arguments.value("a value"));
                    break;
                default:
                    throw arguments.unknown();
            }
        }
        return parsed.options();
    }

    /** The options as parsed so far, defaults until an argument says otherwise. */
    private static final class Parsed {
        private Path config = Path.of(DEFAULT_CONFIG);
        private long ticks = DEFAULT_TICKS;
        private boolean ticksGiven;
        private long seed = DEFAULT_SEED;
        private long interval = DEFAULT_TICK_INTERVAL_NANOS;
        private long start = DEFAULT_START_NANOS;
        private long status = DEFAULT_STATUS_INTERVAL_NANOS;
        private long rate;
        private boolean quiet;
        private boolean help;
        private boolean fix = true;
        private Path fixSettings;
        private long shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT_NANOS;
        private Path journal = Path.of(DEFAULT_JOURNAL);
        private boolean journalNamed;
        private boolean noJournal;
        private long snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
        private int retainDays;
        private String market = "synthetic";
        private double speed;
        private long jumpLimit = EdgeSettings.DEFAULT_JUMP_LIMIT_PPM;
        private Path recordTo;

        void set(final String name, final String value) throws UsageException {
            switch (name) {
                case "--config":
                    config = path(name, value, "a directory");
                    break;
                case "--ticks":
                    ticks = positive(name, value);
                    ticksGiven = true;
                    break;
                case "--seed":
                    seed = number(name, value);
                    break;
                case "--tick-interval":
                    interval = duration(name, value);
                    break;
                case "--start":
                    start = instant(name, value);
                    break;
                case "--status-every":
                    status = duration(name, value);
                    break;
                case "--venue":
                    fix = venue(value);
                    break;
                case "--shutdown-timeout":
                    shutdownTimeout = duration(name, value);
                    break;
                case "--fix-settings":
                    fixSettings = path(name, value, "a QuickFIX/J settings file");
                    break;
                case "--rate":
                    rate = rate(value);
                    break;
                case "--journal":
                    journal = path(name, value, "a directory");
                    journalNamed = true;
                    break;
                case "--snapshot-every":
                    snapshotEvery = positive(name, value);
                    break;
                case "--retain-days":
                    final long days = number(name, value);
                    if (days < 0) {
                        throw new UsageException(name + ": '" + value + "' must be 0 (keep everything) or more days");
                    }
                    retainDays = (int)Math.min(Integer.MAX_VALUE, days);
                    break;
                case "--market":
                    market = value;
                    break;
                case "--speed":
                    speed = MarketOptions.speed(value);
                    break;
                case "--jump-limit":
                    jumpLimit = MarketOptions.jumpLimit(value);
                    break;
                case "--record-feed":
                    recordTo = path(name, value, "a directory");
                    break;
                default:
                    throw new IllegalStateException(name + " is listed as taking a value but not parsed");
            }
        }

        DaemonOptions options() throws UsageException {
            if (fixSettings != null && !fix) {
                throw new UsageException("--fix-settings needs --venue fix, not paper");
            }
            if (noJournal && journalNamed) {
                throw new UsageException("--journal and --no-journal contradict each other");
            }
            final MarketOptions source = MarketOptions.parse(market, speed, jumpLimit, recordTo);
            if (speed > 0 && (source.kind() == MarketOptions.Kind.SYNTHETIC
                || source.kind() == MarketOptions.Kind.FIX)) {
                throw new UsageException("--speed paces a file or a recording; pace the synthetic market with --rate");
            }
            if (source.kind() == MarketOptions.Kind.FIX && source.source() == null && (!fix || fixSettings != null)) {
                throw new UsageException("--market fix takes prices from the in-process venue simulator, which runs"
                    + " only with --venue fix and no --fix-settings; name the market-data session's settings instead:"
                    + " --market fix:FILE");
            }
            final boolean generated = source.kind() == MarketOptions.Kind.SYNTHETIC
                || source.kind() == MarketOptions.Kind.FIX && source.source() == null;
            final long length = ticksGiven || generated ? ticks : Long.MAX_VALUE;
            return new DaemonOptions(config, length, seed, interval, start, status, rate, quiet, help, fix,
                fixSettings, shutdownTimeout, noJournal ? null : journal, journalNamed, snapshotEvery,
                retainDays, source);
        }
    }

    private static Path path(final String name, final String value, final String what) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(name + " needs " + what);
        }
        return Path.of(value);
    }

    private static boolean venue(final String value) throws UsageException {
        switch (value) {
            case "paper":
                return false;
            case "fix":
                return true;
            default:
                throw new UsageException("--venue: '" + value + "' is not paper or fix");
        }
    }

    private static long rate(final String value) throws UsageException {
        final long rate = number("--rate", value);
        if (rate < 0) {
            throw new UsageException("--rate: '" + value + "' must be 0 or more ticks per second");
        }
        return rate;
    }

    /** A whole number, underscores allowed: {@code 50_000}. */
    static long number(final String name, final String value) throws UsageException {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (final NumberFormatException ex) {
            throw new UsageException(name + ": '" + value + "' is not a whole number");
        }
    }

    private static long positive(final String name, final String value) throws UsageException {
        final long n = number(name, value);
        if (n <= 0) {
            throw new UsageException(name + ": '" + value + "' must be a positive whole number");
        }
        return n;
    }

    /** A whole number with a unit: ns, us, ms, s, m, h or d. */
    static long duration(final String name, final String value) throws UsageException {
        int split = 0;
        while (split < value.length() && Character.isDigit(value.charAt(split))) {
            split++;
        }
        final long unit;
        switch (value.substring(split)) {
            case "ns":
                unit = 1;
                break;
            case "us":
                unit = 1_000;
                break;
            case "ms":
                unit = 1_000_000;
                break;
            case "s":
                unit = 1_000_000_000L;
                break;
            case "m":
                unit = 60_000_000_000L;
                break;
            case "h":
                unit = 3_600_000_000_000L;
                break;
            case "d":
                unit = 86_400_000_000_000L;
                break;
            default:
                unit = 0;
        }
        if (split == 0 || unit == 0 || split > 18) {
            throw new UsageException(name + ": '" + value + "' is not a duration such as 500ms, 1s, 5m, 12h or 1d");
        }
        final long amount = Long.parseLong(value.substring(0, split));
        if (amount == 0) {
            throw new UsageException(name + ": '" + value + "' must be longer than zero");
        }
        try {
            return Math.multiplyExact(amount, unit);
        } catch (final ArithmeticException ex) {
            throw new UsageException(name + ": '" + value + "' is too long");
        }
    }

    /** A UTC time such as {@link #DEFAULT_START}, as epoch nanos. */
    static long instant(final String name, final String value) throws UsageException {
        try {
            final Instant instant = Instant.parse(value);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (final DateTimeParseException | ArithmeticException ex) {
            throw new UsageException(name + ": '" + value + "' is not a UTC time such as " + DEFAULT_START);
        }
    }
}
