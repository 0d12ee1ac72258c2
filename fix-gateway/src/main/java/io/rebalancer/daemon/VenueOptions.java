package io.rebalancer.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone venue simulator's command line ({@link VenueMain}). The market options and their defaults are
 * the daemon's, so a venue started with the same seed and start quotes the same prices as the daemon's market;
 * so are the parsers of their values (numbers, durations, times), so both commands accept and refuse alike.
 *
 * @param configDir          the engine config directory: instruments.csv gives the symbols, ticks and lots
 * @param settings           QuickFIX/J acceptor settings files; every session of every file is served
 * @param port               listen on this port for every session: -1 keeps the files' ports, 0 picks a free one
 * @param seed               the synthetic market's seed
 * @param startEpochNanos    simulated time of the first tick
 * @param tickIntervalNanos  simulated time between ticks
 * @param ticksPerSecond     wall-clock pacing of the market
 * @param statusIntervalNanos wall-clock time between status lines
 * @param venueKeys          {@code Venue*} settings given on the command line; they override the files'
 * @param help               print the usage and exit
 */
record VenueOptions(Path configDir, List<Path> settings, int port, long seed, long startEpochNanos,
                    long tickIntervalNanos, long ticksPerSecond, long statusIntervalNanos,
                    Map<String, String> venueKeys, boolean help) {
    static final long DEFAULT_TICKS_PER_SECOND = 100;
    static final long DEFAULT_STATUS_INTERVAL_NANOS = 10_000_000_000L;

    static final String USAGE = String.join(System.lineSeparator(),
        "Usage: java -cp rebalancer.jar io.rebalancer.daemon.VenueMain [options]",
        "",
        "Runs the FIX venue simulator as its own process: a QuickFIX/J acceptor (FIX 4.4 and/or 4.2 sessions)",
        "that fills orders at the touch of a synthetic market priced like the daemon's, until Ctrl-C or SIGTERM.",
        "",
        "  --config DIR            engine config directory, for the instruments (default config)",
        "  --settings FILE         acceptor settings; repeat for more files (default DIR/fix/venue.cfg)",
        "  --port N                listen on port N for every session; 0 picks a free port (default: the files')",
        "  --seed S                synthetic market seed (default " + DaemonOptions.DEFAULT_SEED + ", as the daemon)",
        "  --start T               simulated time of the first tick (default " + DaemonOptions.DEFAULT_START + ")",
        "  --tick-interval D       simulated time between ticks (default 1s)",
        "  --rate N                ticks per wall-clock second (default " + DEFAULT_TICKS_PER_SECOND + ")",
        "  --status-every D        wall-clock time between status lines (default 10s)",
        "  --VenueKey=VALUE        any Venue* setting of venue.cfg (see config/README.md, 'Venue simulator'),",
        "                          overriding the files: --VenueAckDelay=5ms --VenueRejectProbability=0.1",
        "  --help                  print this help",
        "",
        "Durations are a whole number and a unit: ns, us, ms, s, m, h or d.",
        "Exit status: 0 stopped cleanly, 2 bad options or settings.");

    static VenueOptions parse(final String... args) throws UsageException {
        Path config = Path.of(DaemonOptions.DEFAULT_CONFIG);
        final List<Path> settings = new ArrayList<>();
        int port = -1;
        long seed = DaemonOptions.DEFAULT_SEED;
        long start = DaemonOptions.instant("--start", DaemonOptions.DEFAULT_START);
        long interval = DaemonOptions.DEFAULT_TICK_INTERVAL_NANOS;
        long rate = DEFAULT_TICKS_PER_SECOND;
        long status = DEFAULT_STATUS_INTERVAL_NANOS;
        final Map<String, String> venueKeys = new LinkedHashMap<>();
        boolean help = false;
        final Arguments arguments = new Arguments(args);
        while (arguments.next()) {
            final String name = arguments.name();
            if ("--help".equals(name) || "-h".equals(name)) {
                help = true;
                continue;
            }
            if (!name.startsWith("--")) {
                throw arguments.unknown();
            }
            final String value = arguments.value("a value");
            switch (name) {
                case "--config":
                    config = Path.of(value);
                    break;
                case "--settings":
                    settings.add(Path.of(value));
                    break;
                case "--port":
                    port = (int)range(name, value, 0, 65_535);
                    break;
                case "--seed":
                    seed = DaemonOptions.number(name, value);
                    break;
                case "--start":
                    start = DaemonOptions.instant(name, value);
                    break;
                case "--tick-interval":
                    interval = DaemonOptions.duration(name, value);
                    break;
                case "--rate":
                    rate = range(name, value, 1, 1_000_000);
                    break;
                case "--status-every":
                    status = DaemonOptions.duration(name, value);
                    break;
                default:
                    if (!name.startsWith("--Venue")) {
                        throw new UsageException("unknown option " + name);
                    }
                    venueKeys.put(name.substring(2), value);
            }
        }
        if (settings.isEmpty()) {
            settings.add(config.resolve("fix").resolve("venue.cfg"));
        }
        return new VenueOptions(config, List.copyOf(settings), port, seed, start, interval, rate, status,
            Map.copyOf(venueKeys), help);
    }

    private static long range(final String name, final String value, final long min, final long max)
        throws UsageException {
        final long n = DaemonOptions.number(name, value);
        if (n < min || n > max) {
            throw new UsageException(name + ": " + n + " is outside " + min + ".." + max);
        }
        return n;
    }
}
