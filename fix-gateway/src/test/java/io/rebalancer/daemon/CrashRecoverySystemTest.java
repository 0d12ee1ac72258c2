package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueCounters;
import io.rebalancer.venue.VenueFill;
import io.rebalancer.venue.VenueOrder;
import io.rebalancer.venue.VenueSimulator;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import quickfix.MemoryStoreFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The daemon killed at many points of a live run, restarted on the same journal and FIX message store, each time
 * ending with exactly the holdings the venue filled and no ClOrdID offered twice (issue 4, crash tests).
 * <p>
 * The venue is a {@link VenueSimulator} in this JVM on a free loopback port with an in-memory store that outlives
 * every daemon process, so it can resend what a dead daemon never journaled. It sees none of the daemon's quotes, so
 * it fills every order at its own limit price ({@link VenueBehaviour#fillAtLimit()}), slowly enough that orders are
 * working when the kill comes: acknowledged after {@link #ACK_DELAY_MILLIS}, first half filled
 * {@link #FILL_DELAY_MILLIS} later, the rest {@link #PARTIAL_GAP_MILLIS} after that. The daemon is a child JVM
 * trading the shipped configuration over the initiator settings of {@link ShippedFixPair} (a file store in the test
 * directory, reconnecting every second), journaling to the test directory. The configuration is the shipped one,
 * copied, with bands tight enough (0.05 points) and a minimum trade small enough (100.00) that a portfolio
 * rebalances every few hundred ticks, so orders, replaces and fills come all through a run, and with an order age
 * (4h) and request timeout (1h) long in simulated time: the market runs a few thousand times faster than the wall
 * clock, and the venue's delays are wall-clock.
 * <p>
 * Each scenario kills the daemon one or more times (SIGKILL, or the daemon's own test-only {@link CrashPoint}, which
 * halts as SIGKILL does at a point no outside observer can hit), restarts it after each kill, and lets the last
 * restart recover, reconcile, trade on for {@link #FINAL_TICKS} ticks and stop cleanly, cancelling what still works
 * ({@code [orders] on-shutdown = cancel}). Then the journal must replay to the same decisions, the book it holds
 * must be the configured holdings and cash moved by exactly the venue's executed fills, nothing must still work, the
 * venue must have refused no duplicate ClOrdID, and no id may have been used twice across the restarts.
 * <p>
 * The seeded random scenario replays with {@code -Drebalancer.test.crash.seed=S}; more random scenarios, each with a
 * fresh seed, run with {@code -Drebalancer.test.crash.random=N} (through {@code -Djvm.extra.flags=...}), and
 * {@code -Drebalancer.test.crash.only=TEXT} runs only the scenarios whose name contains TEXT;
 * {@code -Drebalancer.test.crash.verbose=true} prints each journal (without its ticks) and the venue's fills.
 */
class CrashRecoverySystemTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final long ACK_DELAY_MILLIS = 150;
    private static final long FILL_DELAY_MILLIS = 250;
    private static final long PARTIAL_GAP_MILLIS = 400;
    private static final VenueBehaviour VENUE = VenueBehaviour.builder().fillAtLimit(true).partialFills(true)
        .ackDelayNanos(TimeUnit.MILLISECONDS.toNanos(ACK_DELAY_MILLIS))
        .fillDelayNanos(TimeUnit.MILLISECONDS.toNanos(FILL_DELAY_MILLIS))
        .partialGapNanos(TimeUnit.MILLISECONDS.toNanos(PARTIAL_GAP_MILLIS)).build();
    /**
     * Simulated time between ticks: five seconds, the most that keeps each of the eight instruments quoted within the
     * shipped maximum price age, so prices move enough to breach the test's tight bands every few dozen ticks.
     */
    private static final String TICK_INTERVAL = "5s";
    /** Ticks per wall-clock second: 25 simulated minutes a second, an order's life at the venue about twenty. */
    private static final long RATE = 300;
    /** Ticks of the last run, which recovers, trades on and stops cleanly. */
    private static final long FINAL_TICKS = 1_500;
    /** Ticks of a run that is killed: more than it can publish before the kill. */
    private static final long ENDLESS = 100_000_000;
    /** The longest a run may take to reach its kill point. */
    private static final long KILL_POINT_TIMEOUT_MILLIS = 60_000;
    /** How long the venue must do nothing after the last run before its fills are final. */
    private static final long VENUE_QUIET_MILLIS = 2 * (ACK_DELAY_MILLIS + FILL_DELAY_MILLIS + PARTIAL_GAP_MILLIS);
    private static final long RANDOM_SEED = Long.getLong("rebalancer.test.crash.seed", 4);

    /** Where a run is killed. */
    enum How {
        /** The daemon halts itself at a {@link CrashPoint}. */
        HOOK,
        /** SIGKILL once the venue has received a new order of this run and not acknowledged it yet. */
        AFTER_SEND_BEFORE_ACK,
        /** SIGKILL once an order has had the first of its two fills and not the second. */
        MID_PARTIAL_FILLS,
        /** SIGKILL once the restarted daemon's first order status request reached the venue. */
        WHILE_RECONCILING,
        /**
         * SIGTERM once an order is partly filled, then SIGKILL once the venue took the first of the cancels the clean
         * stop sends ({@code on-shutdown = cancel}): an operator's Ctrl-C followed by kill -9.
         */
        DURING_CLEAN_STOP,
        /** SIGKILL a given time after the process started: during start-up, recovery, reconciliation or trading. */
        AFTER_MILLIS,
        /** SIGKILL a given time after the process logged on: during reconciliation, resends or trading. */
        AFTER_LOGON_MILLIS
    }

    /**
     * One kill.
     *
     * @param crashAt the {@link CrashPoint} property value, for {@link How#HOOK}
     * @param n       the order of this run to wait for ({@link How#AFTER_SEND_BEFORE_ACK}), or the wall-clock
     *                milliseconds after the start or the logon ({@link How#AFTER_MILLIS},
     *                {@link How#AFTER_LOGON_MILLIS})
     */
    record Kill(How how, String crashAt, long n) {
        static Kill hook(final String crashAt) {
            return new Kill(How.HOOK, crashAt, 0);
        }

        static Kill of(final How how, final long n) {
            return new Kill(how, null, n);
        }

        @Override
        public String toString() {
            return how == How.HOOK ? crashAt : how + (n > 0 ? ":" + n : "");
        }
    }

    /**
     * Kills, one per run, then a last run that ends cleanly.
     *
     * @param venueResends whether the venue keeps what it sent and resends it on request ({@code PersistMessages=Y},
     *                     QuickFIX/J's default); otherwise it gap-fills, and what the daemon missed is learnt only
     *                     from the order status answers
     */
    record Scenario(String name, List<Kill> kills, boolean venueResends) {
        Scenario(final String name, final List<Kill> kills) {
            this(name, kills, true);
        }

        @Override
        public String toString() {
            return name + " " + kills + (venueResends ? "" : " NO_RESEND");
        }
    }

    static Stream<Scenario> scenarios() {
        final String only = System.getProperty("rebalancer.test.crash.only", "");
        final List<Scenario> all = new ArrayList<>(List.of(
            new Scenario("before journaling a fill", List.of(Kill.hook("BEFORE_JOURNAL:3"))),
            new Scenario("after journaling an order, before sending it",
                List.of(Kill.hook("AFTER_JOURNAL_BEFORE_SEND:8"))),
            new Scenario("after journaling a cancel or replace, before sending it",
                List.of(Kill.hook("AFTER_JOURNAL_BEFORE_SEND_REQUEST:1"))),
            new Scenario("after sending an order, before its acknowledgement",
                List.of(Kill.of(How.AFTER_SEND_BEFORE_ACK, 2))),
            new Scenario("in the middle of partial fills", List.of(Kill.of(How.MID_PARTIAL_FILLS, 0))),
            new Scenario("in the middle of partial fills, then while reconciling",
                List.of(Kill.of(How.MID_PARTIAL_FILLS, 0), Kill.of(How.WHILE_RECONCILING, 0))),
            new Scenario("while a clean stop cancels", List.of(Kill.of(How.DURING_CLEAN_STOP, 0))),
            new Scenario("before journaling a fill, at a venue that does not resend",
                List.of(Kill.hook("BEFORE_JOURNAL:3")), false),
            new Scenario("in the middle of partial fills, at a venue that does not resend",
                List.of(Kill.of(How.MID_PARTIAL_FILLS, 0)), false),
            random(RANDOM_SEED)));
        final Random seeds = new Random();
        for (int i = 0, extra = Integer.getInteger("rebalancer.test.crash.random", 0); i < extra; i++) {
            all.add(random(seeds.nextLong()));
        }
        return all.stream().filter(scenario -> scenario.toString().contains(only));
    }

    /**
     * Three kills of three runs in a row, each at a random time after the process started (anywhere from JVM start-up
     * and recovery to trading) or after it logged on (reconciliation, resends, trading).
     */
    private static Scenario random(final long seed) {
        final Random random = new Random(seed);
        final List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            kills.add(random.nextInt(3) == 0 ? Kill.of(How.AFTER_MILLIS, 1_000 + random.nextInt(3_000))
                : Kill.of(How.AFTER_LOGON_MILLIS, random.nextInt(3_000)));
        }
        return new Scenario("at random times, seed " + seed + " (-Drebalancer.test.crash.seed)", kills);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @Timeout(240)
    void shouldHoldExactlyWhatTheVenueFilledAfterEachKillAndRestart(final Scenario scenario,
        @TempDir final Path dir) throws Exception {
        final Rig rig = new Rig(dir, scenario.venueResends());
        try (VenueSimulator venue = rig.venue) {
            venue.start();
            final List<String> log = new ArrayList<>();
            for (int run = 1; run <= scenario.kills().size(); run++) {
                final Kill kill = scenario.kills().get(run - 1);
                try (DaemonProcess daemon = rig.daemon("run" + run, kill.crashAt(), ENDLESS)) {
                    final String at = killAt(kill, daemon, venue);
                    log.add("run " + run + ": " + at);
                }
            }
            try (DaemonProcess daemon = rig.daemon("final", null, FINAL_TICKS)) {
                final int status = daemon.awaitExit(120, TimeUnit.SECONDS);
                assertEquals(RebalancerDaemon.EXIT_OK, status, () -> log + "\n" + daemon.output());
                log.add("last run: " + lastLines(daemon.stdout()));
            }
            awaitQuiet(venue);
            final CrashCheck check = new CrashCheck(rig.journal, rig.engineConfig, venue, log);
            final String engine = check.all(scenario.kills().size() + 1,
                scenario.kills().get(0).crashAt() != null
                && scenario.kills().get(0).crashAt().startsWith("AFTER_JOURNAL_BEFORE_SEND:"));
            System.out.println(scenario + ":\n  " + String.join("\n  ", log) + "\n  " + venueState(venue) + "\n  "
                + engine + (Boolean.getBoolean("rebalancer.test.crash.verbose") ? check.context() : ""));
        }
    }

    /** Waits for the kill point, kills (or sees the daemon halt itself); says what the venue had seen then. */
    private static String killAt(final Kill kill, final DaemonProcess daemon, final VenueSimulator venue)
        throws InterruptedException {
        final VenueCounters c = venue.counters();
        final long received = c.get(VenueCounters.ORDERS_RECEIVED);
        final long statusRequests = c.get(VenueCounters.STATUS_REQUESTS);
        final long logons = c.get(VenueCounters.LOGONS);
        final long cancels = c.get(VenueCounters.CANCELS);
        final long[] loggedOnAt = {-1};
        final BooleanSupplier reached;
        switch (kill.how()) {
            case HOOK:
                final int status = daemon.awaitExit(KILL_POINT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                assertEquals(CrashPoint.EXIT_STATUS, status, () -> "the daemon did not halt at " + kill + " within "
                    + KILL_POINT_TIMEOUT_MILLIS + " ms; " + venueState(venue) + "\n" + daemon.output());
                return "halted at " + kill + "; " + venueState(venue);
            case AFTER_SEND_BEFORE_ACK:
                reached = () -> c.get(VenueCounters.ORDERS_RECEIVED) >= received + kill.n();
                break;
            case MID_PARTIAL_FILLS:
                reached = () -> partlyFilled(venue) != null;
                break;
            case WHILE_RECONCILING:
                reached = () -> c.get(VenueCounters.STATUS_REQUESTS) > statusRequests;
                break;
            case DURING_CLEAN_STOP:
                await(() -> partlyFilled(venue) != null, kill, daemon, venue);
                daemon.terminate();
                reached = () -> c.get(VenueCounters.CANCELS) > cancels;
                break;
            case AFTER_MILLIS:
                reached = () -> daemon.ageMillis() >= kill.n();
                break;
            case AFTER_LOGON_MILLIS:
                reached = () -> {
                    if (loggedOnAt[0] < 0 && c.get(VenueCounters.LOGONS) > logons) {
                        loggedOnAt[0] = daemon.ageMillis();
                    }
                    return loggedOnAt[0] >= 0 && daemon.ageMillis() >= loggedOnAt[0] + kill.n();
                };
                break;
            default:
                throw new IllegalArgumentException(kill.toString());
        }
        await(reached, kill, daemon, venue);
        final long acks = c.get(VenueCounters.ACKS);
        final long orders = c.get(VenueCounters.ORDERS_RECEIVED);
        final String partly = partlyFilled(venue);
        final int status = daemon.kill();
        assertEquals(DaemonProcess.KILLED, status, daemon::output);
        if (kill.how() == How.AFTER_SEND_BEFORE_ACK) {
            assertTrue(acks < orders, "an order was still unacknowledged at the kill");
        }
        return "killed " + kill + " after " + daemon.ageMillis() + " ms" + (loggedOnAt[0] < 0 ? ""
            : " (logged on after " + loggedOnAt[0] + " ms)") + ", when the venue had received " + orders
            + " orders and acknowledged " + acks + (partly == null ? "" : ", order " + partly + " partly filled")
            + "; " + venueState(venue);
    }

    /** Waits, sleeping a millisecond at a time, until the kill point is reached; fails if the daemon ended first. */
    private static void await(final BooleanSupplier reached, final Kill kill, final DaemonProcess daemon,
        final VenueSimulator venue) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_POINT_TIMEOUT_MILLIS);
        while (!reached.getAsBoolean()) {
            if (!daemon.isAlive() || System.nanoTime() > deadline) {
                fail("the run ended or took over " + KILL_POINT_TIMEOUT_MILLIS + " ms before " + kill + "; "
                    + venueState(venue) + "\n" + daemon.output());
            }
            Thread.sleep(1);
        }
    }

    /** The ClOrdID of an order that has had some of its fills and not all of them, or null. */
    private static String partlyFilled(final VenueSimulator venue) {
        final Map<String, Long> filled = new HashMap<>();
        for (final VenueFill fill : venue.executedFills()) {
            filled.merge(fill.clOrdId(), fill.quantity(), Long::sum);
        }
        for (final VenueOrder order : venue.receivedOrders()) {
            final long quantity = filled.getOrDefault(order.clOrdId(), 0L);
            if (quantity > 0 && quantity < order.quantity()) {
                return order.clOrdId();
            }
        }
        return null;
    }

    private static String venueState(final VenueSimulator venue) {
        final VenueCounters c = venue.counters();
        return "venue: " + c.get(VenueCounters.ORDERS_RECEIVED) + " orders, " + c.get(VenueCounters.ACKS) + " acks, "
            + c.get(VenueCounters.FILLS) + " fills, " + c.get(VenueCounters.CANCELS) + " cancels, "
            + c.get(VenueCounters.REPLACES) + " replaces, " + c.get(VenueCounters.STATUS_REQUESTS)
            + " status requests, " + c.get(VenueCounters.LOGONS) + " logons";
    }

    /** Waits until the venue has sent nothing new for a while: what it still had has filled or never will. */
    private static void awaitQuiet(final VenueSimulator venue) throws InterruptedException {
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(VENUE_QUIET_MILLIS)) {
            final VenueCounters c = venue.counters();
            final long activity = c.get(VenueCounters.ACKS) + c.get(VenueCounters.FILLS)
                + c.get(VenueCounters.CANCELS) + c.get(VenueCounters.REPLACES) + c.get(VenueCounters.REJECTS);
            if (activity != last) {
                last = activity;
                quietSince = System.nanoTime();
            }
            Thread.sleep(20);
        }
    }

    private static String lastLines(final String out) {
        final String[] lines = out.split("\n");
        final StringBuilder s = new StringBuilder();
        for (final String line : lines) {
            if (line.startsWith("fix ") || line.startsWith("shutdown ") || line.startsWith("journal ")) {
                s.append("\n  ").append(line);
            }
        }
        return s.toString();
    }

    /** The test directory's config copy, journal, FIX settings and the venue. */
    private static final class Rig {
        final Path dir;
        final Path config;
        final Path journal;
        final Path fixSettings;
        final EngineConfig engineConfig;
        final VenueSimulator venue;

        Rig(final Path dir, final boolean venueResends) throws IOException, ConfigException {
            this.dir = dir;
            config = copyConfig(dir.resolve("config"));
            journal = Files.createDirectories(dir.resolve("journal"));
            final ShippedFixPair fix = ShippedFixPair.onFreePort(CONFIG, dir);
            if (!venueResends) {
                fix.acceptor().setString("PersistMessages", "N");
            }
            fixSettings = fix.initiator();
            Files.writeString(fixSettings, Files.readString(fixSettings)
                .replace("ReconnectInterval=1;2;5;10", "ReconnectInterval=1"));
            engineConfig = ConfigLoader.load(config);
            venue = new VenueSimulator(fix.acceptor(), new MemoryStoreFactory(),
                new LatestQuotes(engineConfig.universe().size()), engineConfig.universe(), VENUE);
        }

        DaemonProcess daemon(final String name, final String crashAt, final long ticks) throws IOException {
            return DaemonProcess.start(dir, name,
                crashAt == null ? List.of() : List.of(CrashPoint.PROPERTY + "=" + crashAt),
                List.of("--config", config.toString(), "--fix-settings", fixSettings.toString(), "--journal",
                    journal.toString(), "--tick-interval", TICK_INTERVAL, "--rate", Long.toString(RATE), "--ticks",
                    Long.toString(ticks), "--shutdown-timeout", "10s", "--quiet"));
        }

        private static Path copyConfig(final Path to) throws IOException {
            JournalFixture.copyShippedConfig(to);
            edit(to.resolve("engine.conf"), Map.of("max-order-age", "4h", "request-timeout", "1h"));
            try (Stream<Path> portfolios = Files.list(to.resolve("portfolios"))) {
                for (final Path portfolio : (Iterable<Path>)portfolios::iterator) {
                    edit(portfolio, Map.of("absolute", "0.05", "min-trade-notional", "100.00"));
                }
            }
            return to.toAbsolutePath();
        }

        /** Sets each key that the file has (a line {@code key = value}) to the given value. */
        private static void edit(final Path file, final Map<String, String> values) throws IOException {
            final List<String> lines = Files.readAllLines(file);
            lines.replaceAll(line -> {
                final int equals = line.indexOf('=');
                final String key = equals < 0 ? "" : line.substring(0, equals).trim();
                return values.containsKey(key) ? key + " = " + values.get(key) : line;
            });
            Files.write(file, lines);
        }
    }
}
