package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.state.Portfolio;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        try (JournalledEngine first = new JournalledEngine(config, journal, 1, 0)) {
            assertFalse(first.session.recovery().found());
            first.run(1_500);
            first.cancelAll();
            before = book(first);
            inputs = first.inputs();
        }
        try (JournalledEngine second = new JournalledEngine(config, journal, 2, 0)) {
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
        final JournalledEngine first = new JournalledEngine(config, journal, 3, 0);
        first.run(1_000);
        final String before = book(first);
        first.crash();
        try (JournalledEngine second = new JournalledEngine(config, journal, 4, 0)) {
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
        try (JournalledEngine first = new JournalledEngine(config, journal, 5, 0)) {
            first.run(100);
        }
        final Path portfolio = config.resolve("portfolios/balanced-60-40.conf");
        Files.writeString(portfolio, Files.readString(portfolio).replace("absolute = 5", "absolute = 4"));

        final JournalException refused = assertThrows(JournalException.class,
            () -> new JournalledEngine(config, journal, 6, 0));
        assertTrue(refused.getMessage().contains("portfolios/balanced-60-40.conf changed"), refused.getMessage());
    }

    @Test
    void shouldRestoreTheLatestSnapshotAndReplayOnlyTheTailToTheStateOfAFullReplay() throws IOException {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final JournalledEngine first = new JournalledEngine(config, journal, 7, 1_000);
        first.run(3_000);
        final long inputs = first.inputs();
        first.crash();
        final Replay.Outcome full = Replay.run(journal, null);
        assertTrue(full.identical());

        try (JournalledEngine second = new JournalledEngine(config, journal, 8, 1_000)) {
            final JournalSession.Recovery recovery = second.session.recovery();
            assertTrue(recovery.snapshotSequence() > inputs - 1_000 - 50, recovery.describe());
            assertTrue(recovery.inputs() < 1_000 + 50, "only the tail is replayed: " + recovery.describe());
            assertEquals(book(first), book(second));
            assertArrayEquals(snapshotOf(full.engine()), snapshotOf(second.engine),
                "snapshot plus tail reaches the very state a full replay reaches");
            second.run(500);
        }
        assertTrue(Replay.run(journal, null).identical());
        try (Stream<Path> snapshots = Files.list(journal.resolve(SnapshotStore.FOLDER))) {
            assertEquals(2, snapshots.count(), "the newest two snapshots are kept");
        }
    }

    @Test
    void shouldSkipADamagedSnapshotForTheOneBefore() throws IOException {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final JournalledEngine first = new JournalledEngine(config, journal, 9, 1_000);
        first.run(2_000);
        final String before = book(first);
        first.crash();
        final Path newest;
        try (Stream<Path> snapshots = Files.list(journal.resolve(SnapshotStore.FOLDER))) {
            newest = snapshots.max(Comparator.naturalOrder()).orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);

        try (JournalledEngine second = new JournalledEngine(config, journal, 10, 1_000)) {
            final JournalSession.Recovery recovery = second.session.recovery();
            assertEquals(1, recovery.skippedSnapshots().size(), recovery.describe());
            assertTrue(recovery.skippedSnapshots().get(0).contains("damaged"), recovery.describe());
            assertTrue(recovery.snapshotSequence() > 0, recovery.describe());
            assertEquals(before, book(second));
        }
    }

    private static byte[] snapshotOf(final io.rebalancer.engine.core.Engine engine) {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(
            new byte[engine.maxSnapshotBytes()]);
        return java.util.Arrays.copyOf(buffer.byteArray(), engine.snapshot(buffer, 0));
    }

    @Test
    void shouldJournalOnRecoveryTheDecisionsACrashKeptOutOfTheJournal() {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final JournalledEngine first = new JournalledEngine(config, journal, 12, 0);
        first.run(300);
        first.crashAtOrder(1);
        assertThrows(JournalledEngine.Crash.class, () -> first.run(3_000));

        try (JournalledEngine second = new JournalledEngine(config, journal, 13, 0)) {
            final JournalSession.Recovery recovery = second.session.recovery();
            assertTrue(recovery.recreatedDecisions() > 0, recovery.describe());
        }
        final List<Integer> recreatedTypes = new ArrayList<>();
        final java.util.Set<Long> newOrders = new HashSet<>();
        final java.util.Set<Long> named = new HashSet<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((DirectBuffer buffer, int at, long index) -> {
                final int type = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
                if ((buffer.getShort(at + JournalRecords.FLAGS_OFFSET) & JournalRecords.RECREATED) != 0) {
                    recreatedTypes.add(type);
                }
                if (type == JournalRecords.NEW_ORDER) {
                    newOrders.add(buffer.getLong(at + JournalRecords.ORDER_CLIENT_ORDER_ID));
                } else if (type == JournalRecords.ORDER_STATE) {
                    named.add(buffer.getLong(at + JournalRecords.STATE_CLIENT_ORDER_ID));
                }
                return true;
            });
        }
        assertTrue(recreatedTypes.contains(JournalRecords.ORDER_STATE), recreatedTypes.toString());
        assertTrue(newOrders.containsAll(named), "every order the journal names has its NEW_ORDER record");
        final Replay.Outcome replay = Replay.run(journal, null);
        assertTrue(replay.identical(), () -> String.valueOf(replay.difference()));
    }

    @Test
    void shouldRecoverFromTheLastGoodRecordWhenTheLastOneIsDamagedAndSaySo() {
        final Path config = config();
        final Path journal = dir.resolve("journal");
        final JournalledEngine first = new JournalledEngine(config, journal, 14, 0);
        first.run(300);
        first.send(new io.rebalancer.engine.pipeline.InboundEvent().command(first.engine.now(),
            io.rebalancer.engine.pipeline.Command.REPORT_STATUS, -1, 0), true);
        final String before = book(first);
        first.crash();
        final long lastChain;
        try (JournalReader reader = JournalReader.open(journal)) {
            lastChain = reader.readAll((DirectBuffer buffer, int at, long index) -> true).chain();
        }
        // The last record (a portfolio status) reached the disk damaged.
        JournalFiles.flip(JournalFiles.find(journal, lastChain).plus(2));

        try (JournalledEngine second = new JournalledEngine(config, journal, 15, 0)) {
            final JournalSession.Recovery recovery = second.session.recovery();
            assertEquals(1, recovery.damagedRecords(), recovery.describe());
            assertTrue(recovery.describe().contains("damaged records at the end left out"), recovery.describe());
            assertEquals(before, book(second), "everything up to the last good record");
            second.run(200);
        }
        try (JournalReader reader = JournalReader.open(journal)) {
            final JournalReader.Outcome outcome = reader.readAll((DirectBuffer buffer, int at, long index) -> true);
            assertTrue(outcome.firstDamage() != null, "the damage stays on record");
            assertFalse(outcome.damagedAtEnd() || outcome.damagedInMiddle(), "resolved by the RECOVERED record");
        }
        assertTrue(Replay.run(journal, null).identical());
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
