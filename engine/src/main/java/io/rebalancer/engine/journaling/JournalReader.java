package io.rebalancer.engine.journaling;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/**
 * Reads a journal record by record and verifies it as it goes: each record's length and type, and its chain value
 * against the one before ({@link RunningHash}). Only records that verify reach the handler.
 * <p>
 * A record that does not verify is damage: the first is named (document index, record in the document, why), the
 * rest counted. A damaged record whose length is sound is stepped over and the chain resumes from the value it
 * stores, so one edited record does not condemn every record after it; one whose length is not sound ends its
 * document. A RECOVERED record (written by a restart that found the journal's end damaged) whose chain follows the
 * last good record resolves the damage before it. The outcome says whether any good record follows unresolved
 * damage: if not, the damage is only at the end, and recovery may continue from the last good record.
 */
public final class JournalReader implements AutoCloseable {
    /** Receives each verified record. */
    public interface Handler {
        /**
         * @param documentIndex the Chronicle index of the document holding the record
         * @return false to stop reading
         */
        boolean onRecord(DirectBuffer buffer, int offset, long documentIndex);
    }

    /** Where the first damage is, and why. */
    public record Damage(long documentIndex, int recordInDocument, String reason) {
        @Override
        public String toString() {
            return "record " + recordInDocument + " of document 0x" + Long.toHexString(documentIndex) + ": " + reason;
        }
    }

    /** What a read found. */
    public static final class Outcome {
        private long records;
        private long documents;
        private long chain;
        private long lastIndex = -1;
        private Damage firstDamage;
        private long damagedRecords;
        private boolean unresolved;
        private long goodAfterUnresolved;
        private boolean stopped;

        /** Records that verified and reached the handler. */
        public long records() {
            return records;
        }

        public long documents() {
            return documents;
        }

        /** The chain value of the last record that verified (the starting value when none did). */
        public long chain() {
            return chain;
        }

        /** The index of the last document read, -1 for none. */
        public long lastIndex() {
            return lastIndex;
        }

        /** The first damaged record, or null when every record verified. */
        public Damage firstDamage() {
            return firstDamage;
        }

        public long damagedRecords() {
            return damagedRecords;
        }

        /** Damage that no RECOVERED record resolved, and after which no good record came: the end is damaged. */
        public boolean damagedAtEnd() {
            return unresolved && goodAfterUnresolved == 0;
        }

        /** Damage followed by good records and not resolved: the journal cannot be trusted past it. */
        public boolean damagedInMiddle() {
            return unresolved && goodAfterUnresolved > 0;
        }

        /** Whether the handler stopped the read. */
        public boolean stopped() {
            return stopped;
        }
    }

    /** Chronicle's FAST_DAILY file names: {@code 20261124F.cq4}. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String DAILY_FILE_SUFFIX = "F.cq4";
    private static final int DAILY_FILE_LENGTH = 8 + DAILY_FILE_SUFFIX.length();

    private final Path dir;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private byte[] bytes = new byte[Journal.RECORD_BUFFER_BYTES];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    /** Take the next record's chain value as it stands: it follows a record that retention deleted. */
    private boolean trustNext;

    private JournalReader(final Path dir, final ChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
        tailer = queue.createTailer();
    }

    /**
     * Opens the journal in {@code dir} for reading; a live daemon may be writing it meanwhile. Read-only: a queue
     * opened for writing grows a file cut short back to full size and rewrites the metadata, destroying the evidence
     * of what happened to a damaged journal.
     */
    public static JournalReader open(final Path dir) {
        return new JournalReader(dir, Journal.queue(dir, SystemTimeProvider.INSTANCE, true));
    }

    /** The index of the journal's first document, or -1 when it is empty. */
    public long firstIndex() {
        final long first = queue.firstIndex();
        return first == Long.MAX_VALUE ? -1 : first;
    }

    /** Reads the whole journal from its first record. */
    public Outcome readAll(final Handler handler) {
        return read(-1, RunningHash.GENESIS, handler);
    }

    /**
     * Reads a journal whose first days were deleted (retention): its first record follows one that is gone, so that
     * record's chain value is taken as it stands and every record after it is verified from there. Damage to the
     * first record itself goes unseen; a journal that still starts with its first session is read with
     * {@link #readAll}.
     */
    public Outcome readAfterRetention(final Handler handler) {
        trustNext = true;
        try {
            return read(-1, RunningHash.GENESIS, handler);
        } finally {
            trustNext = false;
        }
    }

    /**
     * Reads from the document at {@code fromIndex} (-1: from the start) to the end.
     *
     * @param chain the chain value of the record before the first one read ({@link RunningHash#GENESIS} from the
     *              start; a snapshot's value otherwise)
     * @throws IllegalArgumentException when {@code fromIndex} is not in the journal
     */
    public Outcome read(final long fromIndex, final long chain, final Handler handler) {
        final Outcome outcome = new Outcome();
        outcome.chain = chain;
        if (fromIndex >= 0) {
            if (!tailer.moveToIndex(fromIndex)) {
                throw new IllegalArgumentException("document 0x" + Long.toHexString(fromIndex)
                    + " is not in the journal");
            }
        } else {
            toFirstFile();
        }
        long expected = chain;
        while (true) {
            final int length;
            final long index;
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    break;
                }
                index = document.index();
                final Bytes<?> in = document.wire().bytes();
                length = (int)in.readRemaining();
                ensureCapacity(length);
                in.read(bytes, 0, length);
            }
            outcome.documents++;
            outcome.lastIndex = index;
            expected = readDocument(index, length, expected, outcome, handler);
            if (outcome.stopped) {
                break;
            }
        }
        return outcome;
    }

    /**
     * To the journal's first document. Not {@code toStart()}: a read-only queue cannot refresh the list of its files
     * that Chronicle keeps in its metadata, so once retention (or a hand) deleted the first days it would start at a
     * file that is gone and find nothing.
     */
    private void toFirstFile() {
        final int first = firstCycle(dir);
        if (first < 0 || !tailer.moveToCycle(first)) {
            tailer.toStart();
        }
    }

    /** The cycle of the journal's oldest daily file ({@code 20261124F.cq4}: days since the epoch), or -1. */
    static int firstCycle(final Path dir) {
        int first = -1;
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.toList()) {
                final String name = file.getFileName().toString();
                if (name.length() == DAILY_FILE_LENGTH && name.endsWith(DAILY_FILE_SUFFIX)) {
                    try {
                        final int cycle = (int)LocalDate.parse(name.substring(0, 8), DAY).toEpochDay();
                        first = first < 0 ? cycle : Math.min(first, cycle);
                    } catch (final DateTimeParseException ex) {
                        // Not one of the journal's daily files.
                    }
                }
            }
        } catch (final IOException ex) {
            return -1;
        }
        return first;
    }

    private long readDocument(final long index, final int length, final long chain, final Outcome outcome,
        final Handler handler) {
        long expected = chain;
        int offset = 0;
        for (int record = 0; offset < length; record++) {
            final String problem = structuralProblem(offset, length - offset);
            final boolean trusted = trustNext;
            trustNext = false;
            if (problem != null) {
                damage(outcome, index, record, problem);
                return expected;
            }
            final int recordLength = buffer.getInt(offset + JournalRecords.LENGTH_OFFSET);
            final long stored = buffer.getLong(offset + JournalRecords.CHAIN_OFFSET);
            final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
            if (trusted || RunningHash.next(expected, buffer, offset, recordLength) == stored) {
                if (outcome.unresolved && type == JournalRecords.RECOVERED) {
                    outcome.unresolved = false;
                } else if (outcome.unresolved) {
                    outcome.goodAfterUnresolved++;
                }
                outcome.records++;
                outcome.chain = stored;
                expected = stored;
                if (!handler.onRecord(buffer, offset, index)) {
                    outcome.stopped = true;
                    return expected;
                }
            } else if (type == JournalRecords.RECOVERED && outcome.unresolved && RunningHash.next(outcome.chain,
                buffer, offset, recordLength) == stored) {
                // A restart resumed the chain from the last good record, leaving the damaged ones out.
                outcome.unresolved = false;
                outcome.records++;
                expected = stored;
                outcome.chain = stored;
                if (!handler.onRecord(buffer, offset, index)) {
                    outcome.stopped = true;
                    return expected;
                }
            } else {
                damage(outcome, index, record, "chain value does not follow the record before (changed, reordered or"
                    + " corrupted)");
                // Resume from what this record says: one edited record must not condemn every record after it.
                expected = stored;
            }
            offset += recordLength;
        }
        return expected;
    }

    private String structuralProblem(final int offset, final int remaining) {
        if (remaining < JournalRecords.FIELDS_OFFSET) {
            return "truncated: " + remaining + " bytes left, a record needs at least " + JournalRecords.FIELDS_OFFSET;
        }
        final int length = buffer.getInt(offset + JournalRecords.LENGTH_OFFSET);
        final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
        if (length < JournalRecords.FIELDS_OFFSET || (length & 7) != 0) {
            return "invalid length " + length;
        }
        if (length > remaining) {
            return "truncated: length " + length + " but " + remaining + " bytes left in the document";
        }
        if (!JournalRecords.isKnown(type)) {
            return "unknown record type " + type;
        }
        final int fixed = JournalRecords.fixedLength(type);
        if (fixed > 0 && fixed != length) {
            return JournalRecords.name(type) + " record of " + length + " bytes, expected " + fixed;
        }
        return null;
    }

    private static void damage(final Outcome outcome, final long index, final int record, final String reason) {
        if (outcome.firstDamage == null) {
            outcome.firstDamage = new Damage(index, record, reason);
        }
        outcome.damagedRecords++;
        if (!outcome.unresolved) {
            outcome.unresolved = true;
            outcome.goodAfterUnresolved = 0;
        }
    }

    private void ensureCapacity(final int length) {
        if (length > bytes.length) {
            bytes = new byte[Integer.highestOneBit(length - 1) << 1];
            buffer.wrap(bytes);
        }
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
