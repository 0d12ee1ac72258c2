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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal rolls to a new file each day; reading, the chain and replay run across the files. */
class JournalRollTest {
    @TempDir
    Path dir;

    @Test
    void shouldRollDailyAndVerifyAndReplayAcrossTheFiles() throws IOException {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(20_000) + TimeUnit.HOURS.toNanos(23));
        final Path config = JournalledEngine.copyShippedConfig(dir.resolve("config"));
        final Path journal = dir.resolve("journal");
        try (JournalledEngine run = new JournalledEngine(config, journal, 11, clock)) {
            run.run(500);
            clock.advanceNanos(TimeUnit.HOURS.toNanos(2));
            run.run(500);
            clock.advanceNanos(TimeUnit.DAYS.toNanos(1));
            run.run(500);
        }
        final List<String> files;
        try (Stream<Path> listing = Files.list(journal)) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".cq4")).sorted()
                .toList();
        }
        assertEquals(3, files.size(), "one file per day: " + files);

        try (JournalReader reader = JournalReader.open(journal)) {
            final JournalReader.Outcome outcome = reader.readAll((buffer, at, index) -> true);
            assertNull(outcome.firstDamage());
            assertTrue(outcome.records() > 1_500, outcome.records() + " records");
        }
        assertTrue(Replay.run(journal, null).identical());
    }
}
