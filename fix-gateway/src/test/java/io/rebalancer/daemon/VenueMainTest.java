package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone venue simulator: starts on a free port from the shipped files, runs its market, stops cleanly. */
class VenueMainTest {
    private static final Path CONFIG = Path.of("..", "config");

    @Test
    @Timeout(30)
    void shouldListenOnTheGivenPortPrintStatusAndStopCleanly(@TempDir final Path dir) throws Exception {
        final int port = TestSessions.freePort();
        final VenueOptions options = VenueOptions.parse("--config", CONFIG.toString(), "--settings",
            shipped(dir, "venue.cfg").toString(), "--settings", shipped(dir, "venue-fix42.cfg").toString(),
            "--port", Integer.toString(port), "--rate", "1000", "--status-every", "20ms", "--VenueAckDelay=5ms");
        final VenueMain main = new VenueMain(options, ConfigLoader.load(CONFIG).universe());
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final Thread runner = new Thread(() -> main.execute(out), "venue-main-test");
        runner.start();
        while (!text(bytes).contains(" ticks, market time ")) {
            Thread.sleep(5);
        }
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertTrue(client.isConnected());
        }
        assertEquals(2, main.venue().sessions().size(), "the FIX 4.4 and FIX 4.2 sessions");
        assertEquals(TimeUnit.MILLISECONDS.toNanos(5), main.venue().behaviour().ackDelayNanos());
        assertEquals(TimeUnit.SECONDS.toNanos(5), main.venue().behaviour().maxRestNanos(), "venue.cfg's VenueMaxRest");
        main.requestStop();
        runner.join();
        assertTrue(text(bytes).contains("FIX.4.4:VENUE->REBALANCER on 127.0.0.1:" + port), text(bytes));
        assertTrue(text(bytes).endsWith("venue: stopped" + System.lineSeparator()), text(bytes));
    }

    @Test
    void shouldMergeTheSessionsOfSeveralFilesOnTheOverriddenPort(@TempDir final Path dir) throws Exception {
        final VenueOptions options = VenueOptions.parse("--settings", shipped(dir, "venue.cfg").toString(),
            "--settings", shipped(dir, "venue-fix42.cfg").toString(), "--port", "4321");
        final SessionSettings merged = VenueMain.merge(options);
        final List<String> sessions = new ArrayList<>();
        for (final Iterator<SessionID> it = merged.sectionIterator(); it.hasNext();) {
            final SessionID id = it.next();
            sessions.add(id.getBeginString() + " " + merged.getString(id, "DataDictionary") + " "
                + merged.getLong(id, "SocketAcceptPort"));
        }
        sessions.sort(null);
        assertEquals(List.of("FIX.4.2 FIX42.xml 4321", "FIX.4.4 FIX44.xml 4321"), sessions);
        assertEquals("5s", merged.getString(VenueBehaviour.KEY_MAX_REST));
    }

    @Test
    void shouldRefuseBadOptionsWithUsageStatusAndPrintHelp() {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(VenueMain.EXIT_USAGE, VenueMain.run(new String[] {"--rate", "0"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            false));
        assertTrue(text(err).contains("--rate"), text(err));
        assertEquals(VenueMain.EXIT_USAGE, VenueMain.run(new String[] {"--bogus", "1"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            false));
        assertTrue(text(err).contains("unknown option --bogus"), text(err));
        assertEquals(VenueMain.EXIT_OK, VenueMain.run(new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            false));
        assertTrue(text(out).contains("--VenueKey=VALUE"), text(out));
    }

    /** A shipped settings file with its sequence-number store moved into the test's directory. */
    private static Path shipped(final Path dir, final String name) throws IOException {
        final String text = Files.readString(CONFIG.resolve("fix").resolve(name))
            .replaceAll("FileStorePath=.*", "FileStorePath=" + dir.resolve("store").toString().replace("\\", "/"));
        return Files.writeString(dir.resolve(name), text);
    }

    private static String text(final ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
