package io.rebalancer.engine.journal;

import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.pipeline.ExecType;
import net.openhft.chronicle.core.time.TimeProvider;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
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
        boolean cleanStop, JournalReader.Damage damage, long damagedRecords, long workingOrders) {
        public String describe() {
            if (!found) {
                return "new journal";
            }
            return "recovered " + inputs + " inputs and " + decisions + " decisions (replayed to the same decisions)"
                + (cleanStop ? ", last session stopped cleanly" : ", last session did NOT stop cleanly")
                + (damage == null ? "" : "; " + damagedRecords + " damaged records at the end left out (" + damage
                + ")") + (workingOrders > 0 ? "; " + workingOrders + " orders were working" : "");
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
     * @param commandLine recorded in the session's first record
     * @throws JournalException when the journal cannot be trusted or was written with another configuration
     */
    public static JournalSession open(final Path dir, final List<ConfigArchive.Entry> files, final EngineConfig config,
        final EngineListener listener, final OrderSink orders, final SnapshotPolicy snapshots,
        final String commandLine, final TimeProvider clock) {
        final DecisionJournal decisions = new DecisionJournal(listener, orders);
        final RecordText text = new RecordText();
        text.config(config);
        final Scan scan = new Scan(dir, files, config, decisions, text);
        final JournalReader.Outcome read;
        if (JournalDirectory.hasJournal(dir)) {
            try (JournalReader reader = JournalReader.open(dir)) {
                read = reader.read(-1, RunningHash.GENESIS, scan);
            }
        } else {
            read = null;
        }
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
        final Engine engine = scan.replayer.engine() != null ? scan.replayer.engine()
            : new Engine(config, decisions, decisions);
        final long lastSequence = scan.replayer.lastSequence();
        final Journal journal = Journal.open(dir, read == null ? RunningHash.GENESIS : read.chain(), clock);
        if (found && read.damagedAtEnd()) {
            journal.recovered(lastSequence, engine.now(), read.damagedRecords(), read.chain(),
                read.firstDamage().toString());
        }
        journal.sessionStart(lastSequence, engine.now(), clock.currentTimeMillis(), -1, commandLine);
        journal.config(lastSequence, engine.now(), files);
        decisions.goLive(journal.records());
        journal.handOver();
        final JournalingHandler handler = new JournalingHandler(engine, journal.records(), decisions,
            lastSequence + 1, snapshots);
        handler.lastSourceSequence(scan.lastSourceSequence);
        final Recovery recovery = new Recovery(found, scan.replayer.inputs(), scan.replayer.decisionsCompared(),
            lastSequence, scan.lastSourceSequence, scan.cleanStop, found && read.damagedAtEnd() ? read.firstDamage()
            : null, found ? read.damagedRecords() : 0, engine.workingOrders());
        return new JournalSession(journal, engine, handler, recovery);
    }

    /** Reads the journal: replays it and notes what recovery needs besides the engine. */
    private static final class Scan implements JournalReader.Handler {
        private final Replayer replayer;
        private long lastSourceSequence;
        private boolean cleanStop;

        Scan(final Path dir, final List<ConfigArchive.Entry> files, final EngineConfig config,
            final DecisionJournal decisions, final RecordText text) {
            replayer = new Replayer((buffer, at, journaled) -> {
                final List<ConfigArchive.Entry> recorded = ConfigArchive.parse(buffer, at);
                if (!recorded.equals(files)) {
                    throw new JournalException("the configuration differs from the one journal " + dir
                        + " was written with (" + firstChange(recorded, files) + "): its holdings, orders and ids"
                        + " belong to that configuration; run with the journal's configuration, or start a new book"
                        + " with another --journal folder");
                }
                return new Engine(config, journaled, journaled);
            }, decisions, text);
        }

        @Override
        public boolean onRecord(final DirectBuffer buffer, final int offset, final long documentIndex) {
            final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
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

    /** Closes the journal as a crash would leave it (no stop record): for tests of recovery. */
    void closeWithoutStop() {
        closed = true;
        journal.handOver();
        journal.close();
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
