package io.rebalancer.daemon;

import io.rebalancer.engine.journaling.JournalReader;
import io.rebalancer.engine.journaling.SnapshotStore;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * How a journal's chain is verified: normally from its first record, which follows the chain's start. When
 * retention deleted the journal's first days (it does so only once a snapshot exists), the first record left
 * follows one that is gone: its chain value is then taken as it stands and everything after it verified from
 * there. A journal whose first record is damaged looks the same, which the verdict says.
 */
final class JournalStart {
    private final boolean afterRetention;

    private JournalStart(final boolean afterRetention) {
        this.afterRetention = afterRetention;
    }

    static JournalStart of(final Path dir) {
        final JournalReader.Outcome first;
        try (JournalReader reader = JournalReader.open(dir)) {
            first = reader.readAll((buffer, at, document) -> false);
        }
        return new JournalStart(first.firstDamage() != null
            && !SnapshotStore.readAll(dir, new ArrayList<>()).isEmpty());
    }

    /** Reads the journal from its first record to its end. */
    JournalReader.Outcome read(final Path dir, final JournalReader.Handler handler) {
        try (JournalReader reader = JournalReader.open(dir)) {
            return afterRetention ? reader.readAfterRetention(handler) : reader.readAll(handler);
        }
    }

    /** What the verdict says first when the first record left is not verified, else "". */
    String note() {
        return afterRetention ? "the journal's first record does not follow the chain's start (its first days were"
            + " deleted, or it is damaged): verified from that record on; " : "";
    }
}
