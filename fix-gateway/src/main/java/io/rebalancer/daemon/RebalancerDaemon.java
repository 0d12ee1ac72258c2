package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.PortfolioSpec;
import io.rebalancer.engine.domain.WaitStrategyKind;
import io.rebalancer.engine.journaling.JournalException;
import io.rebalancer.engine.journaling.JournalSession;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The rebalancer daemon's entry point. It drives the engine with a built-in synthetic market and sends its orders
 * over a FIX 4.4 session (to the in-process venue simulator, or to a real acceptor with {@code --fix-settings}), or
 * with {@code --venue paper} to an in-process paper venue; prints what happens and ends with a summary. Ctrl-C
 * (SIGINT) or SIGTERM stops the market and trading the same way the end of a run does ({@link StopTrading}), prints
 * the summary and exits with the run's status; a second signal exits at once ({@link SignalStop}).
 */
public final class RebalancerDaemon {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /**
     * Beyond the shutdown timeout, how long a signal waits for the run to close the market, drain, stop the engine
     * (10 s at most each), log out and print.
     */
    private static final long SHUTDOWN_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(45);

    private RebalancerDaemon() {
    }

    public static void main(final String[] args) {
        chronicleQuiet();
        final PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out),
            1 << 16), false, Charset.defaultCharset());
        int status = EXIT_FAILED;
        try {
            status = args.length > 0 && "journal".equals(args[0]) ? JournalTool.run(rest(args), out, System.err)
                : args.length > 0 && "replay".equals(args[0]) ? ReplayTool.run(rest(args), out, System.err)
                : run(args, out, System.err, ConfigLoader::load, true);
        } catch (final RuntimeException | Error ex) {
            // A bug or a broken JVM setup: say so and exit, rather than hang on threads already started.
            out.flush();
            ex.printStackTrace();
        }
        out.flush();
        System.exit(status);
    }

    private static String[] rest(final String[] args) {
        return java.util.Arrays.copyOfRange(args, 1, args.length);
    }

    /**
     * Chronicle would otherwise try to send usage analytics and print a banner: before any of its classes load.
     * The launcher may set them too; a value it set wins.
     */
    static void chronicleQuiet() {
        if (System.getProperty("chronicle.analytics.disable") == null) {
            System.setProperty("chronicle.analytics.disable", "true");
        }
        if (System.getProperty("chronicle.announcer.disable") == null) {
            System.setProperty("chronicle.announcer.disable", "true");
        }
    }

    /**
     * The whole command, for {@link #main} and tests.
     *
     * @param shutdownHook whether Ctrl-C should stop the run cleanly (only the real process wants the hook)
     * @return the exit status
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err, final ConfigSource source,
        final boolean shutdownHook) {
        final DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (final UsageException ex) {
            err.println("rebalancer: " + ex.getMessage());
            err.println("Try --help for the options.");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.println(DaemonOptions.USAGE);
            out.flush();
            return EXIT_OK;
        }
        final EngineConfig config;
        try {
            config = source.load(options.configDir());
        } catch (final ConfigException ex) {
            err.println(ex.getMessage());
            return EXIT_USAGE;
        }
        warn(config, options, err);
        final DemoRun demo;
        try {
            demo = new DemoRun(config, options, out, UnaryOperator.identity());
        } catch (final IllegalArgumentException | UncheckedIOException | JournalException ex) {
            err.println("rebalancer: " + ex.getMessage());
            return EXIT_USAGE;
        }
        if (!options.quiet()) {
            banner(config, options, out, demo);
        }
        final SignalStop signals = new SignalStop(demo::requestStop,
            options.shutdownTimeoutNanos() + SHUTDOWN_MARGIN_NANOS);
        if (shutdownHook) {
            signals.install();
            // Only the real process owns its standard input (a test runner may talk to its JVM through it).
            new OperatorConsole(System.in, out, demo).start();
        }
        int status = EXIT_FAILED;
        try {
            final RunReport report = demo.execute();
            out.print(report.summary());
            out.flush();
            status = report.ok() ? EXIT_OK : EXIT_FAILED;
            return status;
        } finally {
            if (shutdownHook) {
                signals.finished(status);
            }
        }
    }

    private static void warn(final EngineConfig config, final DaemonOptions options, final PrintStream err) {
        final long step = Math.multiplyHigh(options.tickIntervalNanos(), config.universe().size()) != 0
            ? Long.MAX_VALUE : options.tickIntervalNanos() * config.universe().size();
        if (step > config.settings().maxPriceAgeNanos()) {
            err.println("rebalancer: warning: each instrument is quoted every " + Text.duration(step)
                + " of simulated time, longer than the config's maximum price age of "
                + Text.duration(config.settings().maxPriceAgeNanos()) + ": many drift checks will find a stale price"
                + " and wait; use a shorter --tick-interval");
        }
        if (config.settings().waitStrategy() == WaitStrategyKind.BUSY_SPIN
            && Runtime.getRuntime().availableProcessors() < 4) {
            err.println("rebalancer: warning: the engine busy-spins while the synthetic market runs flat out on "
                + Runtime.getRuntime().availableProcessors() + " cores: both will crawl; configure a sleeping or "
                + "yielding wait strategy, or pace the market with --rate");
        }
    }

    private static void banner(final EngineConfig config, final DaemonOptions options, final PrintStream out,
        final DemoRun demo) {
        final JournalSession.Recovery recovery = demo.recovery();
        final StringJoiner symbols = new StringJoiner(" ");
        for (int id = 0; id < config.universe().size(); id++) {
            symbols.add(config.universe().get(id).symbol());
        }
        final StringJoiner names = new StringJoiner(", ");
        for (final PortfolioSpec spec : config.portfolios()) {
            names.add(spec.name());
        }
        out.println("rebalancer demo: " + config.universe().size() + " instruments (" + symbols + "), "
            + config.portfolios().size() + " portfolios (" + names + "), config " + options.configDir());
        if (options.market().kind() == MarketOptions.Kind.SYNTHETIC) {
            out.println("synthetic market: seed " + options.seed() + ", " + Text.count(options.ticks())
                + " ticks, one every " + Text.duration(options.tickIntervalNanos()) + " of simulated time from "
                + Text.time(demo.firstTickTime(), config.settings().zone()) + " " + config.settings().zone()
                + (options.ticksPerSecond() > 0 ? ", at most " + Text.count(options.ticksPerSecond()) + " ticks/s"
                : ""));
        } else {
            out.println("market: " + demo.feedDescription()
                + (options.ticks() < Long.MAX_VALUE ? ", at most " + Text.count(options.ticks()) + " ticks" : "")
                + (options.ticksPerSecond() > 0 ? ", at most " + Text.count(options.ticksPerSecond()) + " ticks/s"
                : ""));
        }
        out.println("market data: a tick moving more than " + (options.market().jumpLimitPpm() == 0 ? "any limit (off)"
            : options.market().jumpLimitPpm() / 10_000.0 + "%") + " from the last good price waits for the next to"
            + " confirm it; bad ticks are counted in the status and the summary");
        out.println((!options.fixVenue() ? "orders go to the in-process paper venue, which fills at the touch"
            : options.fixSettings() == null ? "orders go over FIX 4.4 to the venue simulator, in-process on loopback"
            : "orders go over FIX 4.4 as " + options.fixSettings() + " says") + "; on stop: "
            + Text.words(config.orders().onShutdown()) + " working orders (config [orders] on-shutdown)");
        out.println(recovery == null ? "no journal (--no-journal): nothing of this run survives it"
            : "journal " + options.journal() + ": " + recovery.describe());
        out.println();
        out.flush();
    }
}
