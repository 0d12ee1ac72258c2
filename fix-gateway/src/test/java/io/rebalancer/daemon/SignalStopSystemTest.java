package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.venue.VenueSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon as a real process, stopped by SIGTERM ({@link Process#destroy()}) while it trades over FIX with a real
 * QuickFIX/J acceptor in this JVM on a free port. The acceptor sees none of the daemon's quotes, so it acknowledges
 * every order and fills none: whatever the daemon sent is still working when the signal comes. The config is the
 * shipped one, copied, with {@code [orders] on-shutdown} set per test and orders never cancelled for age.
 */
@Timeout(120)
class SignalStopSystemTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final Pattern STILL_WORKING = Pattern.compile("; (\\d+) still working");

    /** What the process printed and how it ended. */
    private record Stopped(int exitStatus, String out, String err, int ordersAtVenue) {
        long stillWorking() {
            long working = 0;
            final Matcher m = STILL_WORKING.matcher(out);
            while (m.find()) {
                working += Long.parseLong(m.group(1));
            }
            return working;
        }
    }

    @Test
    void shouldCancelWorkingOrdersAndExitZeroWithTheSummaryOnSigterm(@TempDir final Path dir) throws Exception {
        final Stopped run = runUntilTradingThenSigterm(dir, "cancel");
        assertEquals(RebalancerDaemon.EXIT_OK, run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().contains("==== summary") && run.out().contains("stopped early"), run.out());
        assertTrue(run.out().contains("shutdown on-shutdown cancel: "), run.out());
        assertTrue(run.ordersAtVenue() > 0, "orders were working at the venue when the signal came");
        assertFalse(run.out().contains("the engine refused the cancel command"), run.out());
        assertTrue(run.out().contains(" working orders cancelled (or finished first)"), run.out());
        assertEquals(0, run.stillWorking(), run.out());
    }

    @Test
    void shouldLeaveWorkingOrdersAndExitZeroWithTheSummaryOnSigterm(@TempDir final Path dir) throws Exception {
        final Stopped run = runUntilTradingThenSigterm(dir, "leave");
        assertEquals(RebalancerDaemon.EXIT_OK, run.exitStatus(), run.out() + run.err());
        assertTrue(run.out().contains("==== summary") && run.out().contains("stopped early"), run.out());
        assertTrue(run.stillWorking() > 0, run.out());
        assertTrue(run.out().contains("shutdown on-shutdown leave: " + Text.count(run.stillWorking())
            + " orders left working at the venue"), run.out());
        assertFalse(run.out().contains("-> cancel order"), "nothing is cancelled: " + run.out());
    }

    private static Stopped runUntilTradingThenSigterm(final Path dir, final String onShutdown) throws Exception {
        final Path config = copyConfig(dir.resolve("config"), onShutdown);
        final ShippedFixPair fix = ShippedFixPair.onFreePort(CONFIG, dir);
        final Path broker = fix.initiator();
        final EngineConfig engine = ConfigLoader.load(config);
        try (VenueSimulator venue = fix.venue(engine)) {
            venue.start();
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // Agrona needs the module exports the jar's manifest and Surefire's argLine give: pass ours on.
            for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (flag.startsWith("--add-opens") || flag.startsWith("--add-exports")) {
                    command.add(flag);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RebalancerDaemon.class.getName(),
                "--config", config.toString(), "--fix-settings", broker.toString(), "--ticks", "100000000",
                "--rate", "1000", "--shutdown-timeout", "5s", "--no-journal"));
            final Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
            try {
                final Output out = new Output(process);
                assertTrue(out.trading.await(60, TimeUnit.SECONDS), () -> "no order within 60 s: " + out.text()
                    + readQuietly(dir.resolve("stderr.txt")));
                // SIGTERM, as Process.destroy() sends it, but through the handle: Process.destroy() also closes our
                // end of the daemon's stdout, and the summary would be lost.
                assertTrue(process.toHandle().destroy(), "SIGTERM sent");
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running 60 s after SIGTERM: " + out.text());
                out.reader.join(TimeUnit.SECONDS.toMillis(10));
                return new Stopped(process.exitValue(), out.text(), Files.readString(dir.resolve("stderr.txt")),
                    venue.receivedOrders().size());
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** Reads the process's stdout on a thread of its own, so the pipe never fills, and notes the first order. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CountDownLatch trading = new CountDownLatch(1);
        private final Thread reader;

        Output(final Process process) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    Charset.defaultCharset()))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        text.append(line).append('\n');
                        if (line.contains("-> order")) {
                            trading.countDown();
                        }
                    }
                } catch (final IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }, "daemon-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return text.toString();
        }
    }

    /** The shipped config, with the given on-shutdown policy and no cancels for age (the venue never fills). */
    private static Path copyConfig(final Path to, final String onShutdown) throws IOException, ConfigException {
        try (Stream<Path> files = Files.walk(CONFIG)) {
            for (final Path from : (Iterable<Path>)files::iterator) {
                final Path target = to.resolve(CONFIG.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(from, target);
                }
            }
        }
        final Path engine = to.resolve("engine.conf");
        final List<String> lines = Files.readAllLines(engine);
        lines.replaceAll(line -> line.startsWith("on-shutdown") ? "on-shutdown = " + onShutdown
            : line.startsWith("max-order-age") ? "max-order-age = off" : line);
        Files.write(engine, lines);
        assertEquals(onShutdown, ConfigLoader.load(to).orders().onShutdown().name().toLowerCase(java.util.Locale.ROOT));
        return to;
    }

    private static String readQuietly(final Path file) {
        try {
            return Files.readString(file);
        } catch (final IOException ex) {
            return ex.toString();
        }
    }
}
