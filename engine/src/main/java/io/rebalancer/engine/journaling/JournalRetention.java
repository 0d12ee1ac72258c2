package io.rebalancer.engine.journaling;

import net.openhft.chronicle.queue.RollCycles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes the journal's daily files older than the retention, never one a restart needs: only files wholly before
 * the day of the oldest snapshot kept go, so recovery (snapshot plus tail) always finds its tail. Without a
 * snapshot nothing is deleted, as recovery would replay from the first record.
 */
public final class JournalRetention {
    /** Chronicle's FAST_DAILY file names: {@code 20261124F.cq4}. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String SUFFIX = "F.cq4";

    private JournalRetention() {
    }

    /**
     * @param retentionDays keep at least this many days of journal (0: keep everything)
     * @param today         the day that counts as today (the wall clock's, as Chronicle names files)
     * @return the files deleted
     */
    public static List<Path> prune(final Path dir, final int retentionDays, final LocalDate today) {
        final List<Path> deleted = new ArrayList<>();
        if (retentionDays <= 0) {
            return deleted;
        }
        final List<SnapshotStore.Snapshot> snapshots = SnapshotStore.readAll(dir, new ArrayList<>());
        if (snapshots.isEmpty()) {
            return deleted;
        }
        final long neededDay = snapshots.stream().mapToLong(s -> RollCycles.FAST_DAILY.toCycle(s.documentIndex()))
            .min().orElseThrow();
        final long keepFrom = Math.min(neededDay, today.toEpochDay() - retentionDays);
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.toList()) {
                final String name = file.getFileName().toString();
                if (!name.endsWith(SUFFIX)) {
                    continue;
                }
                try {
                    final long day = LocalDate.parse(name.substring(0, name.length() - SUFFIX.length()), DAY)
                        .toEpochDay();
                    if (day < keepFrom) {
                        Files.delete(file);
                        deleted.add(file);
                    }
                } catch (final DateTimeParseException ex) {
                    // Not one of the journal's daily files: not ours to delete.
                }
            }
        } catch (final IOException ex) {
            throw new JournalException("cannot prune journal " + dir + ": " + ex.getMessage(), ex);
        }
        return deleted;
    }
}
