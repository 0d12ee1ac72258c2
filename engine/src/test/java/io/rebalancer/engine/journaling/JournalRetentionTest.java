package io.rebalancer.engine.journaling;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old daily files go once past the retention, but never one a restart needs. */
class JournalRetentionTest {
    private static final long DAY = TimeUnit.DAYS.toNanos(1);

    @TempDir
    Path dir;

    @Test
    void shouldDeleteOnlyFilesPastTheRetentionAndBeforeTheOldestSnapshot() throws IOException {
        final SetTimeProvider clock = new SetTimeProvider(20_000 * DAY + TimeUnit.HOURS.toNanos(12));
        final Path config = JournalledEngine.copyShippedConfig(dir.resolve("config"));
        final Path journal = dir.resolve("journal");
        // Six days of journal, a session a day, all kept; no snapshot until the fifth day.
        for (int day = 0; day < 6; day++) {
            try (JournalledEngine run = new JournalledEngine(config, journal, day, day < 4 ? 0 : 300, 0, clock)) {
                run.run(400);
            }
            clock.advanceNanos(DAY);
        }
        assertEquals(6, dailyFiles(journal).size(), dailyFiles(journal).toString());

        final String book;
        try (JournalledEngine run = new JournalledEngine(config, journal, 9, 300, 2, clock)) {
            final JournalSession.Recovery recovery = run.session.recovery();
            assertTrue(recovery.prunedFiles() > 0, recovery.describe());
            assertTrue(recovery.snapshotSequence() > 0, recovery.describe());
            book = run.engine.counters().get(io.rebalancer.engine.core.EngineCounters.ORDERS_SENT) + " orders";
        }
        final List<String> kept = dailyFiles(journal);
        assertEquals(3, kept.size(), "today, and the two days the retention keeps (which hold the snapshots): " + kept);

        try (JournalledEngine run = new JournalledEngine(config, journal, 10, 300, 2, clock)) {
            assertEquals(book, run.engine.counters().get(io.rebalancer.engine.core.EngineCounters.ORDERS_SENT)
                + " orders", "the book recovers from what is left");
        }
        final Replay.Outcome replay = Replay.run(journal, null);
        assertTrue(replay.identical(), () -> String.valueOf(replay.difference()));
        assertTrue(replay.inputs() > 0, "replayed from the oldest snapshot kept");
    }

    private static List<String> dailyFiles(final Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".cq4")).sorted()
                .toList();
        }
    }
}
