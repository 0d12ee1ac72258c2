package io.rebalancer.engine.journaling;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.List;

/**
 * The journal being written: a Chronicle Queue rolled daily, fed from one {@link RecordBuffer}. Each flush of the
 * buffer is one Chronicle document holding whole records, so a record is either entirely in the queue or not at
 * all (Chronicle never shows a reader a document whose writer died half-way; our own length and chain checks catch
 * damage Chronicle cannot see). Appends go to memory-mapped files: once flushed, a record survives the process
 * being killed; surviving the machine losing power is the operating system's page cache's business (or a
 * replica's).
 * <p>
 * One thread writes (the engine's, or the starting thread before the engine runs).
 */
public final class Journal implements RecordBuffer.Drain, AutoCloseable {
    /** The largest burst of records appended as one document, and the largest single record (a config). */
    public static final int RECORD_BUFFER_BYTES = 1 << 20;

    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final RecordBuffer records;

    private Journal(final ChronicleQueue queue, final long chain) {
        this.queue = queue;
        appender = queue.createAppender();
        records = new RecordBuffer(RECORD_BUFFER_BYTES, chain, this);
    }

    /**
     * Opens (or creates) the queue in {@code dir} for appending, chained after {@code chain}: the chain value of the
     * last good record already there ({@link RunningHash#GENESIS} for a new journal).
     *
     * @param time the clock that names the daily files, the wall clock but for tests
     */
    public static Journal open(final Path dir, final long chain, final TimeProvider time) {
        return new Journal(queue(dir, time, false), chain);
    }

    static ChronicleQueue queue(final Path dir, final TimeProvider time, final boolean readOnly) {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).timeProvider(time)
            .readOnly(readOnly).build();
    }

    /** Where records are assembled; the engine's decisions and inputs go here. */
    public RecordBuffer records() {
        return records;
    }

    /** Appends everything assembled so far as one document. */
    public void flush() {
        records.flush();
    }

    @Override
    public void drain(final byte[] bytes, final UnsafeBuffer buffer, final int length) {
        try (DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().write(bytes, 0, length);
        }
    }

    /**
     * Lets another thread write from now on: Chronicle's appender checks that one thread uses it. The starting
     * thread writes the session's first records, then hands the journal to the engine thread; after the engine
     * stopped, the closing thread takes it back.
     */
    public void handOver() {
        appender.singleThreadedCheckReset();
    }

    /** The Chronicle index of the last document appended, -1 before the first. */
    public long lastIndex() {
        return appender.lastIndexAppended();
    }

    /** The chain value of the last record assembled: print it somewhere safe to make rewriting the journal evident. */
    public long chain() {
        return records.chain();
    }

    /**
     * Opens a session: who started, from which snapshot, and a line of text (the command line). Flushed at once.
     *
     * @param lastSequence     the last input sequence the engine has handled, -1 for none
     * @param snapshotSequence the input sequence of the snapshot the engine was restored from, -1 for none
     */
    public void sessionStart(final long lastSequence, final long time, final long wallClockMillis,
        final long snapshotSequence, final String text) {
        final byte[] bytes = RecordBuffer.utf8(text);
        final int at = records.begin(JournalRecords.SESSION_START, 0, JournalRecords.START_TEXT + bytes.length,
            lastSequence, time);
        final UnsafeBuffer buffer = records.buffer();
        buffer.putInt(at + JournalRecords.START_FORMAT_VERSION, JournalRecords.FORMAT_VERSION);
        buffer.putLong(at + JournalRecords.START_WALL_CLOCK_MILLIS, wallClockMillis);
        buffer.putLong(at + JournalRecords.START_SNAPSHOT_SEQUENCE, snapshotSequence);
        buffer.putInt(at + JournalRecords.START_TEXT_LENGTH, bytes.length);
        records.putText(at + JournalRecords.START_TEXT, bytes);
        records.end(at);
        records.flush();
    }

    /** Records the configuration the engine runs with, file by file. Flushed at once. */
    public void config(final long lastSequence, final long time, final List<ConfigArchive.Entry> files) {
        final int length = ConfigArchive.recordLength(files);
        final int at = records.begin(JournalRecords.CONFIG, 0, length, lastSequence, time);
        ConfigArchive.write(records.buffer(), at, files);
        records.end(at);
        records.flush();
    }

    /**
     * Records that the records after the last good one were found damaged and left out, so a reader verifying the
     * chain knows where it resumes. Flushed at once.
     */
    public void recovered(final long lastSequence, final long time, final long damagedRecords,
        final long resumedChain, final String text) {
        final byte[] bytes = RecordBuffer.utf8(text);
        final int at = records.begin(JournalRecords.RECOVERED, 0, JournalRecords.RECOVERED_TEXT + bytes.length,
            lastSequence, time);
        final UnsafeBuffer buffer = records.buffer();
        buffer.putLong(at + JournalRecords.RECOVERED_DAMAGED_RECORDS, damagedRecords);
        buffer.putLong(at + JournalRecords.RECOVERED_RESUMED_CHAIN, resumedChain);
        buffer.putInt(at + JournalRecords.RECOVERED_TEXT_LENGTH, bytes.length);
        records.putText(at + JournalRecords.RECOVERED_TEXT, bytes);
        records.end(at);
        records.flush();
    }

    /**
     * Journals decisions the engine made again on recovery that the journal lacked, each as it was made (type,
     * sequence, time, fields) and flagged {@link JournalRecords#RECREATED}. Flushed at once.
     */
    public void recreated(final DirectBuffer decisions, final int from, final int to) {
        for (int at = from; at < to; at += decisions.getInt(at + JournalRecords.LENGTH_OFFSET)) {
            final int length = decisions.getInt(at + JournalRecords.LENGTH_OFFSET);
            final int copy = records.begin(decisions.getShort(at + JournalRecords.TYPE_OFFSET),
                decisions.getShort(at + JournalRecords.FLAGS_OFFSET) | JournalRecords.RECREATED, length,
                decisions.getLong(at + JournalRecords.SEQUENCE_OFFSET),
                decisions.getLong(at + JournalRecords.TIME_OFFSET));
            records.buffer().putBytes(copy + JournalRecords.FIELDS_OFFSET, decisions, at + JournalRecords.FIELDS_OFFSET,
                length - JournalRecords.FIELDS_OFFSET);
            records.end(copy);
        }
        records.flush();
    }

    /**
     * Records that a snapshot of the engine after input {@code sequence} was taken, and flushes.
     *
     * @return the index of the document holding this record: a restart from the snapshot reads from there on
     */
    public long snapshotTaken(final long sequence, final long time, final int length, final long hash) {
        final int at = records.begin(JournalRecords.SNAPSHOT_TAKEN, 0, JournalRecords.SNAPSHOT_TAKEN_LENGTH, sequence,
            time);
        records.buffer().putLong(at + JournalRecords.SNAPSHOT_LENGTH, length);
        records.buffer().putLong(at + JournalRecords.SNAPSHOT_HASH, hash);
        records.end(at);
        records.flush();
        return appender.lastIndexAppended();
    }

    /** Records a clean stop and flushes. */
    public void sessionStop(final long lastSequence, final long time) {
        handOver();
        records.end(records.begin(JournalRecords.SESSION_STOP, 0, JournalRecords.BARE_LENGTH, lastSequence, time));
        records.flush();
    }

    /** Closes the queue as a crash leaves it: what was assembled and not appended is lost. For tests of recovery. */
    void abandon() {
        handOver();
        appender.close();
        queue.close();
    }

    @Override
    public void close() {
        handOver();
        records.flush();
        appender.close();
        queue.close();
    }
}
