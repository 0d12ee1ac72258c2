package io.rebalancer.engine.journaling;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.domain.EngineConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays a whole journal (from its oldest snapshot when retention deleted its first days) through a fresh engine,
 * with no venue and no clock but the journal's, and reports
 * whether it decides exactly what the journal recorded. The engine runs with the configuration the journal
 * recorded, or with another one ({@code --config}) to see what a change would have done.
 */
public final class Replay {
    /**
     * What a replay found.
     *
     * @param engine the engine after the last input replayed (its holdings, cash and orders are the journal's book),
     *               null when the journal held no configuration
     */
    public record Outcome(long inputs, long decisions, Replayer.Difference difference, JournalReader.Outcome read,
        EngineConfig config, Engine engine) {
        public boolean identical() {
            return difference == null && !read.damagedInMiddle();
        }
    }

    private Replay() {
    }

    /**
     * @param configOverride a configuration folder to replay with instead of the journal's, or null
     * @throws IllegalArgumentException when the configuration (the journal's or the override) does not load
     */
    public static Outcome run(final Path journalDir, final Path configOverride) {
        final RecordText text = new RecordText();
        if (!startsWithASession(journalDir)) {
            return fromOldestSnapshot(journalDir, configOverride, text);
        }
        final EngineConfig[] used = new EngineConfig[1];
        final Replayer replayer = new Replayer((buffer, at, decisions) -> {
            used[0] = configOverride != null ? load(configOverride) : loadArchived(ConfigArchive.parse(buffer, at));
            text.config(used[0]);
            return new Engine(used[0], decisions, decisions);
        }, text);
        final JournalReader.Outcome read;
        try (JournalReader reader = JournalReader.open(journalDir)) {
            read = reader.readAll(replayer);
        }
        final Replayer.Difference difference = replayer.finish();
        return new Outcome(replayer.inputs(), replayer.decisionsCompared(), difference, read, used[0],
            replayer.engine());
    }

    /** Whether the first record is a session's start: not when retention removed the journal's first days. */
    private static boolean startsWithASession(final Path journalDir) {
        final int[] first = {-1};
        try (JournalReader reader = JournalReader.open(journalDir)) {
            reader.readAll((buffer, at, index) -> {
                first[0] = buffer.getShort(at + JournalRecords.TYPE_OFFSET);
                return false;
            });
        }
        return first[0] == -1 || first[0] == JournalRecords.SESSION_START;
    }

    /**
     * A journal whose first days were deleted (retention) replays from its oldest snapshot: the engine restored from
     * it, the journal read from the snapshot's record on.
     */
    private static Outcome fromOldestSnapshot(final Path journalDir, final Path configOverride,
        final RecordText text) {
        final List<String> skipped = new ArrayList<>();
        final List<SnapshotStore.Snapshot> snapshots = SnapshotStore.readAll(journalDir, skipped);
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("journal " + journalDir + " does not start with a session (its first"
                + " days were deleted?) and has no snapshot to start from" + (skipped.isEmpty() ? "" : ": " + skipped));
        }
        final SnapshotStore.Snapshot oldest = snapshots.get(snapshots.size() - 1);
        final EngineConfig config = configOverride != null ? load(configOverride) : loadArchived(oldest.config());
        text.config(config);
        final DecisionJournal decisions = new DecisionJournal(io.rebalancer.engine.core.NoOpEngineListener.INSTANCE,
            Replayer.NoOrders.INSTANCE);
        final Engine engine = new Engine(config, decisions, decisions);
        engine.restore(oldest.engine(), 0, oldest.engineLength());
        final Replayer replayer = new Replayer(engine, decisions, oldest.sequence(), text);
        final JournalReader.Outcome read;
        try (JournalReader reader = JournalReader.open(journalDir)) {
            read = reader.read(oldest.documentIndex(), oldest.chainBefore(), replayer);
        }
        final Replayer.Difference difference = replayer.finish();
        return new Outcome(replayer.inputs(), replayer.decisionsCompared(), difference, read, config, engine);
    }

    static EngineConfig loadArchived(final List<ConfigArchive.Entry> entries) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rebalancer-replay-config");
            return load(ConfigArchive.extractTo(entries, dir));
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot make a temporary folder for the journal's configuration", ex);
        } finally {
            delete(dir);
        }
    }

    static EngineConfig load(final Path dir) {
        try {
            return ConfigLoader.load(dir);
        } catch (final ConfigException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
    }

    private static void delete(final Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (final IOException ex) {
            // A temporary folder left behind is harmless.
        }
    }
}
