package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.pipeline.ExecType;
import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the daemon over its journal. Opening it recovers: the engine is rebuilt by replaying the journal
 * (checking that it decides again what the journal says it decided), damage at the journal's end is left out and
 * recorded, and the journal resumes after the last good record; a new session is then recorded (the command line,
 * the configuration) and the engine's decisions go live. Closing it records a clean stop.
 * <p>
 * The journal holds one book: it refuses a configuration that differs from the one it was written with, since
 * holdings, orders and ids recovered under one configuration mean nothing under another.
 */
public final class JournalSession implements AutoCloseable {
    /** What recovery found, for the daemon to print. */
    public record Recovery(boolean found, long inputs, long decisions, long lastSequence, long lastSourceSequence,
        boolean cleanStop, JournalReader.Damage damage, long damagedRecords, long workingOrders,
        long snapshotSequence, List<String> skippedSnapshots, int prunedFiles, int recreatedDecisions) {
        public String describe() {
            if (!found) {
                return "new journal";
            }
            return (snapshotSequence < 0 ? "replayed all " : "restored the snapshot after input " + snapshotSequence
                + ", replayed the ") + inputs + " inputs and " + decisions + " decisions "
                + (snapshotSequence < 0 ? "" : "after it ") + "to the same decisions"
                + (skippedSnapshots.isEmpty() ? "" : " (snapshots skipped: " + skippedSnapshots + ")")
                + (cleanStop ? ", last session stopped cleanly" : ", last session did NOT stop cleanly")
                + (damage == null ? "" : "; " + damagedRecords + " damaged records at the end left out (" + damage
                + ")") + (workingOrders > 0 ? "; " + workingOrders + " orders were working" : "")
                + (prunedFiles > 0 ? "; " + prunedFiles + " daily files past the retention deleted" : "")
                + (recreatedDecisions > 0 ? "; " + recreatedDecisions + " decisions the crash kept out of the journal"
                + " made again and journaled" : "");
        }
    }

    private final Journal journal;
    private final Engine engine;
    private final JournalingHandler handler;
    private final Recovery recovery;
    private boolean closed;

    private JournalSession(final Journal journal, final Engine engine, final JournalingHandler handler,
        final Recovery recovery) {
        this.journal = journal;
        this.engine = engine;
        this.handler = handler;
        this.recovery = recovery;
    }

    /**
     * Opens the journal in {@code dir} (checked already by {@link JournalDirectory}), recovering the engine from
     * it when it holds one.
     *
     * @param files       the configuration's files as read now, compared with the journal's
     * @param config      the configuration they load to
     * @param listener    where the live engine's decisions are reported (after they are journaled)
     * @param orders      where its orders go (after they are journaled)
     * @param snapshotEveryInputs snapshot the engine after this many inputs (at the end of a batch); 0 never
     * @param retentionDays       delete daily journal files older than this, never one a restart needs; 0 keeps all
     * @param commandLine recorded in the session's first record
     * @throws JournalException when the journal cannot be trusted or was written with another configuration
     */
    public static JournalSession open(final Path dir, final List<ConfigArchive.Entry> files, final EngineConfig config,
        final EngineListener listener, final OrderSink orders, final long snapshotEveryInputs,
        final int retentionDays, final String commandLine, final TimeProvider clock) {
        final DecisionJournal decisions = new DecisionJournal(listener, orders);
        final RecordText text = new RecordText();
        text.config(config);
        final boolean exists = JournalDirectory.hasJournal(dir);
        Scan scan = null;
        final List<String> skipped = new ArrayList<>();
        for (final SnapshotStore.Snapshot snapshot : exists ? SnapshotStore.readAll(dir, skipped)
            : List.<SnapshotStore.Snapshot>of()) {
            checkConfig(dir, snapshot.config(), files);
            scan = Scan.fromSnapshot(snapshot, config, decisions, text);
            try (JournalReader reader = JournalReader.open(dir)) {
                scan.read = reader.read(snapshot.documentIndex(), snapshot.chainBefore(), scan);
            } catch (final IllegalArgumentException ex) {
                scan.unusable = ex.getMessage();
            }
            if (scan.unusable == null) {
                break;
            }
            skipped.add(snapshot.file().getFileName() + ": " + scan.unusable);
            scan = null;
        }
        if (scan == null) {
            scan = Scan.fromStart(dir, files, config, decisions, text);
            if (exists) {
                try (JournalReader reader = JournalReader.open(dir)) {
                    scan.read = reader.read(-1, RunningHash.GENESIS, scan);
                }
            }
        }
        final JournalReader.Outcome read = scan.read;
        final boolean found = read != null && read.records() > 0;
        if (found && read.damagedInMiddle()) {
            throw new JournalException("journal " + dir + " is damaged before its end (" + read.firstDamage()
                + ") and good records follow: it cannot be trusted past that point; inspect it with"
                + " 'rebalancer journal --verify --journal " + dir + "'");
        }
        final Replayer.Difference difference = scan.replayer.finish();
        if (difference != null) {
            throw new JournalException("replaying journal " + dir + " does not reach the decisions it records, so"
                + " the state it would recover is not the state the orders were sent from (did the engine change?):"
                + System.lineSeparator() + difference);
        }
        if (found && scan.replayer.engine() == null) {
            throw new JournalException("journal " + dir + " holds records but no configuration (its start was"
                + " removed?) and no usable snapshot" + (skipped.isEmpty() ? "" : " (" + skipped + ")"));
        }
        final Engine engine = scan.replayer.engine() != null ? scan.replayer.engine()
            : new Engine(config, decisions, decisions);
        final long lastSequence = scan.replayer.lastSequence();
        final int pruned = JournalRetention.prune(dir, retentionDays,
            java.time.LocalDate.ofEpochDay(Math.floorDiv(clock.currentTimeMillis(), 86_400_000L))).size();
        final Journal journal = Journal.open(dir, read == null ? RunningHash.GENESIS : read.chain(), clock);
        if (found && read.damagedAtEnd()) {
            journal.recovered(lastSequence, engine.now(), read.damagedRecords(), read.chain(),
                read.firstDamage().toString());
        }
        journal.sessionStart(lastSequence, engine.now(), clock.currentTimeMillis(), scan.snapshotSequence,
            commandLine);
        journal.config(lastSequence, engine.now(), files);
        final int recreated = countRecreated(scan.replayer);
        journal.recreated(scan.replayer.recreated(), scan.replayer.recreatedOffset(), scan.replayer.recreatedEnd());
        decisions.goLive(journal.records());
        final EveryInputs snapshots = new EveryInputs(snapshotEveryInputs, lastSequence, engine, journal,
            snapshotEveryInputs > 0 ? SnapshotStore.of(dir, engine, files) : null, files);
        final JournalingHandler handler = new JournalingHandler(engine, journal.records(), decisions,
            lastSequence + 1, snapshots);
        snapshots.handler = handler;
        handler.lastSourceSequence(scan.lastSourceSequence);
        journal.handOver();
        final Recovery recovery = new Recovery(found, scan.replayer.inputs(), scan.replayer.decisionsCompared(),
            lastSequence, scan.lastSourceSequence, scan.cleanStop, found && read.damagedAtEnd() ? read.firstDamage()
            : null, found ? read.damagedRecords() : 0, engine.workingOrders(), scan.snapshotSequence, skipped, pruned,
            recreated);
        return new JournalSession(journal, engine, handler, recovery);
    }

    private static int countRecreated(final Replayer replayer) {
        int count = 0;
        final DirectBuffer buffer = replayer.recreated();
        for (int at = replayer.recreatedOffset(); at < replayer.recreatedEnd();
            at += buffer.getInt(at + JournalRecords.LENGTH_OFFSET)) {
            count++;
        }
        return count;
    }

    private static void checkConfig(final Path dir, final List<ConfigArchive.Entry> recorded,
        final List<ConfigArchive.Entry> files) {
        if (!recorded.equals(files)) {
            throw new JournalException("the configuration differs from the one journal " + dir
                + " was written with (" + firstChange(recorded, files) + "): its holdings, orders and ids"
                + " belong to that configuration; run with the journal's configuration, or start a new book"
                + " with another --journal folder");
        }
    }

    /** Snapshots the engine every so many inputs, at the end of a batch, on the engine thread. */
    private static final class EveryInputs implements SnapshotPolicy {
        private final long every;
        private final Engine engine;
        private final Journal journal;
        private final SnapshotStore store;
        private final List<ConfigArchive.Entry> files;
        private JournalingHandler handler;
        private long last;

        EveryInputs(final long every, final long last, final Engine engine, final Journal journal,
            final SnapshotStore store, final List<ConfigArchive.Entry> files) {
            this.every = every;
            this.last = last;
            this.engine = engine;
            this.journal = journal;
            this.store = store;
            this.files = files;
        }

        @Override
        public void afterBatch(final long lastSequence) {
            if (every <= 0 || lastSequence - last < every) {
                return;
            }
            last = lastSequence;
            final long hash = store.capture(engine, files);
            final long chainBefore = journal.chain();
            final long index = journal.snapshotTaken(lastSequence, engine.now(), store.engineLength(), hash);
            store.write(lastSequence, index, chainBefore, handler.lastSourceSequence());
        }
    }

    /** Reads the journal: replays it and notes what recovery needs besides the engine. */
    private static final class Scan implements JournalReader.Handler {
        private final Replayer replayer;
        private final SnapshotStore.Snapshot snapshot;
        private final long snapshotSequence;
        private JournalReader.Outcome read;
        private long lastSourceSequence;
        private boolean cleanStop;
        private boolean first = true;
        /** Why the snapshot cannot be used with this journal, or null. */
        private String unusable;

        private Scan(final Replayer replayer, final SnapshotStore.Snapshot snapshot) {
            this.replayer = replayer;
            this.snapshot = snapshot;
            snapshotSequence = snapshot == null ? -1 : snapshot.sequence();
            lastSourceSequence = snapshot == null ? 0 : snapshot.sourceSequence();
        }

        static Scan fromStart(final Path dir, final List<ConfigArchive.Entry> files, final EngineConfig config,
            final DecisionJournal decisions, final RecordText text) {
            return new Scan(new Replayer((buffer, at, journaled) -> {
                checkConfig(dir, ConfigArchive.parse(buffer, at), files);
                return new Engine(config, journaled, journaled);
            }, decisions, text), null);
        }

        static Scan fromSnapshot(final SnapshotStore.Snapshot snapshot, final EngineConfig config,
            final DecisionJournal decisions, final RecordText text) {
            final Engine engine = new Engine(config, decisions, decisions);
            engine.restore(snapshot.engine(), 0, snapshot.engineLength());
            return new Scan(new Replayer(engine, decisions, snapshot.sequence(), text), snapshot);
        }

        @Override
        public boolean onRecord(final DirectBuffer buffer, final int offset, final long documentIndex) {
            final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
            if (first && snapshot != null) {
                first = false;
                if (type != JournalRecords.SNAPSHOT_TAKEN
                    || buffer.getLong(offset + JournalRecords.SEQUENCE_OFFSET) != snapshot.sequence()
                    || buffer.getLong(offset + JournalRecords.SNAPSHOT_LENGTH) != snapshot.engineLength()
                    || buffer.getLong(offset + JournalRecords.SNAPSHOT_HASH) != SnapshotStore.engineHash(snapshot)) {
                    unusable = "its journal record does not match it";
                    return false;
                }
                return true;
            }
            if (type == JournalRecords.EXECUTION) {
                final long source = buffer.getLong(offset + JournalRecords.EXEC_SOURCE_SEQUENCE);
                if (source > 0 && buffer.getInt(offset + JournalRecords.EXEC_TYPE) != ExecType.ORDER_STATUS) {
                    lastSourceSequence = source;
                }
            } else if (type == JournalRecords.SESSION_START) {
                cleanStop = false;
            } else if (type == JournalRecords.SESSION_STOP) {
                cleanStop = true;
            }
            return replayer.onRecord(buffer, offset, documentIndex);
        }
    }

    static String firstChange(final List<ConfigArchive.Entry> journaled, final List<ConfigArchive.Entry> now) {
        for (final ConfigArchive.Entry entry : journaled) {
            final ConfigArchive.Entry current = now.stream().filter(e -> e.name().equals(entry.name())).findFirst()
                .orElse(null);
            if (current == null) {
                return entry.name() + " is gone";
            }
            if (!current.equals(entry)) {
                return entry.name() + " changed";
            }
        }
        for (final ConfigArchive.Entry entry : now) {
            if (journaled.stream().noneMatch(e -> e.name().equals(entry.name()))) {
                return entry.name() + " is new";
            }
        }
        return "no file differs";
    }

    public Engine engine() {
        return engine;
    }

    /** The engine's stage for the inbound ring (and its fault handler). */
    public JournalingHandler handler() {
        return handler;
    }

    public Recovery recovery() {
        return recovery;
    }

    /** The chain value of the last record: print it somewhere safe to make rewriting the journal evident. */
    public long chain() {
        return journal.chain();
    }

    /** Closes the journal as a crash would leave it (no stop record, nothing more appended): for tests. */
    void closeWithoutStop() {
        closed = true;
        journal.abandon();
    }

    /** Records a clean stop and closes the journal; call once the engine thread has stopped. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            journal.sessionStop(handler.lastSequence(), engine.now());
            journal.close();
        }
    }
}
