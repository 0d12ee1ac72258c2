package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.journaling.Replay;
import io.rebalancer.engine.pipeline.ExecType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live run over FIX, recorded by the daemon's journal, replayed through a fresh engine with no venue and no clock:
 * three portfolios, breaches, partial fills, venue rejects and a venue that drops the session every few orders.
 * Replay must reach every decision the live run made; with one parameter changed it must say where it parts.
 */
class JournalReplaySystemTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldReplayALiveRunToTheSameOrdersAndReportAChangedParameter() throws IOException {
        final Path config = JournalFixture.copyShippedConfig(dir.resolve("config"));
        final Path venue = config.resolve("fix").resolve("venue.cfg");
        Files.writeString(venue, Files.readString(venue)
            .replace("VenueRejectProbability=0", "VenueRejectProbability=0.1")
            .replace("VenueDisconnectEveryOrders=0", "VenueDisconnectEveryOrders=7")
            .replace("VenueFillDelay=0", "VenuePartialFills=Y\nVenuePartialFillGap=2ms\nVenueFillDelay=0"));
        final Path journal = dir.resolve("journal");
        Files.createDirectories(journal);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = RebalancerDaemon.run(new String[] {"--config", config.toString(), "--journal",
            journal.toString(), "--ticks", "60000", "--quiet"}, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), ConfigLoader::load, false);
        assertEquals(RebalancerDaemon.EXIT_OK, status, () -> err.toString(StandardCharsets.UTF_8) + out);

        final Recorded recorded = Recorded.read(journal);
        assertTrue(recorded.orders > 5, "orders: " + recorded.orders);
        assertTrue(recorded.partialFills > 0, "partial fills: " + recorded.partialFills);
        assertTrue(recorded.venueRejects > 0, "venue rejects: " + recorded.venueRejects);
        assertTrue(recorded.portfolios.size() > 1, "portfolios that traded: " + recorded.portfolios);
        final java.util.regex.Matcher logons = java.util.regex.Pattern.compile("\\((\\d+) logons")
            .matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(logons.find() && Integer.parseInt(logons.group(1)) > 1, "the venue dropped the session: "
            + out.toString(StandardCharsets.UTF_8));

        final Replay.Outcome same = Replay.run(journal, null);
        assertNull(same.difference(), () -> String.valueOf(same.difference()));
        assertTrue(same.identical());
        assertTrue(same.decisions() >= recorded.decisions, same.decisions() + " of " + recorded.decisions);

        final Path changed = config.resolve("portfolios").resolve("balanced-60-40.conf");
        Files.writeString(changed, Files.readString(changed).replace("absolute = 5", "absolute = 3"));
        final Replay.Outcome different = Replay.run(journal, config);
        assertNotNull(different.difference(), "a narrower band must change what the engine decides");
        assertTrue(different.difference().toString().contains("journal:"), different.difference().toString());
    }

    /** What the journal holds, counted straight from its records. */
    private static final class Recorded implements JournalReader.Handler {
        private long orders;
        private long partialFills;
        private long venueRejects;
        private long decisions;
        private final Set<Integer> portfolios = new HashSet<>();

        static Recorded read(final Path journal) {
            final Recorded recorded = new Recorded();
            try (JournalReader reader = JournalReader.open(journal)) {
                final JournalReader.Outcome outcome = reader.readAll(recorded);
                assertNull(outcome.firstDamage());
            }
            return recorded;
        }

        @Override
        public boolean onRecord(final org.agrona.DirectBuffer buffer, final int at, final long documentIndex) {
            final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
            if (JournalRecords.isDecision(type)) {
                decisions++;
            }
            if (type == JournalRecords.NEW_ORDER) {
                orders++;
                portfolios.add(buffer.getInt(at + JournalRecords.ORDER_PORTFOLIO));
            } else if (type == JournalRecords.FILL && buffer.getLong(at + JournalRecords.FILL_LEAVES) > 0) {
                partialFills++;
            } else if (type == JournalRecords.ORDER_CLOSED
                && buffer.getInt(at + JournalRecords.CLOSED_EXEC_TYPE) == ExecType.REJECTED) {
                venueRejects++;
            }
            return true;
        }
    }
}
