package io.rebalancer.engine.journal;

import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.state.Portfolio;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A daemon's session over its journal: a restart continues the same book, whatever ended the last session. */
class JournalSessionTest {
    @TempDir
    Path dir;

    private Path config() {
        return JournalledEngine.copyShippedConfig(dir.resolve("config"));
    }

    @Test
    void shouldContinueTheSameBookAfterACleanStop() {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final String before;
        final long inputs;
        try (JournalledEngine first = new JournalledEngine(config, journal, 1, SnapshotPolicy.NEVER)) {
            assertFalse(first.session.recovery().found());
            first.run(1_500);
            first.cancelAll();
            before = book(first);
            inputs = first.inputs();
        }
        try (JournalledEngine second = new JournalledEngine(config, journal, 2, SnapshotPolicy.NEVER)) {
            final JournalSession.Recovery recovery = second.session.recovery();
            assertTrue(recovery.found() && recovery.cleanStop(), recovery.describe());
            assertEquals(inputs, recovery.inputs());
            assertEquals(before, book(second), "holdings, cash, working orders and counts as they were");
            second.run(1_500);
        }
        assertOrderIdsNeverReused(journal);
        final Replay.Outcome replay = Replay.run(journal, null);
        assertTrue(replay.identical(), () -> String.valueOf(replay.difference()));
    }

    @Test
    void shouldContinueTheSameBookAfterACrash() {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final JournalledEngine first = new JournalledEngine(config, journal, 3, SnapshotPolicy.NEVER);
        first.run(1_000);
        final String before = book(first);
        first.crash();
        try (JournalledEngine second = new JournalledEngine(config, journal, 4, SnapshotPolicy.NEVER)) {
            assertFalse(second.session.recovery().cleanStop());
            assertEquals(before, book(second));
            second.run(500);
        }
        assertOrderIdsNeverReused(journal);
        assertTrue(Replay.run(journal, null).identical());
    }

    @Test
    void shouldRefuseAConfigurationOtherThanTheJournals() throws IOException {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        try (JournalledEngine first = new JournalledEngine(config, journal, 5, SnapshotPolicy.NEVER)) {
            first.run(100);
        }
        final Path portfolio = config.resolve("portfolios/balanced-60-40.conf");
        Files.writeString(portfolio, Files.readString(portfolio).replace("absolute = 5", "absolute = 4"));

        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalledEngine(config, journal, 6, SnapshotPolicy.NEVER));
        assertTrue(refused.getMessage().contains("portfolios/balanced-60-40.conf changed"), refused.getMessage());
    }

    /** Everything a restart must bring back, as text so a difference reads well. */
    private static String book(final JournalledEngine run) {
        final StringBuilder text = new StringBuilder();
        for (int id = 0; id < run.engine.portfolioCount(); id++) {
            final Portfolio portfolio = run.engine.portfolio(id);
            text.append(id).append(": cash ").append(portfolio.settledCash()).append(" open ")
                .append(portfolio.openOrders());
            for (int slot = 0; slot < run.engineConfig.portfolios().get(id).assets(); slot++) {
                text.append(' ').append(portfolio.settledQuantity(slot));
            }
            text.append('\n');
        }
        final EngineCounters counters = run.engine.counters();
        for (int counter = 0; counter < EngineCounters.fixedCounters(); counter++) {
            text.append(EngineCounters.name(counter)).append(' ').append(counters.get(counter)).append('\n');
        }
        return text.append("now ").append(run.engine.now()).append(" working ").append(run.engine.workingOrders())
            .toString();
    }

    private static void assertOrderIdsNeverReused(final Path journal) {
        final List<Long> ids = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            assertNull(reader.readAll((DirectBuffer buffer, int at, long index) -> {
                final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
                if (type == JournalRecords.NEW_ORDER || type == JournalRecords.CANCEL_REQUEST
                    || type == JournalRecords.REPLACE_REQUEST) {
                    ids.add(buffer.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID));
                }
                return true;
            }).firstDamage());
        }
        assertTrue(ids.size() > 10, ids.size() + " ids");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no client order id used twice");
    }
}
