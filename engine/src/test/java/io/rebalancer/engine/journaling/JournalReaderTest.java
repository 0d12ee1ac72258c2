package io.rebalancer.engine.journaling;

import io.rebalancer.engine.pipeline.InboundEvent;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's verification against journals damaged on disk: a journal an engine wrote verifies clean; a byte
 * flipped in the last record, a torn last record, a byte flipped in the middle, two records swapped and a record
 * missing are each found and named (document and record), with every record that still verifies delivered; a
 * RECOVERED record written by a restart resolves damage at the end.
 * <p>
 * The damage is done to the {@code .cq4} files after the queue is closed, at a tick found by its distinctive bid
 * (ticks appended straight to the journal, so no engine ever priced from them).
 */
class JournalReaderTest {
    /** Bids no engine tick has: each occurs once in the journal's files. */
    private static final long BID = 0x0123_4567_89AB_CDEFL;
    private static final long OTHER_BID = 0x0FED_CBA9_8765_4321L;
    private static final long THIRD_BID = 0x0AAA_5555_AAAA_5555L;
    private static final String CHAIN_BROKEN = "chain value does not follow";

    @TempDir
    Path dir;

    /** A fixed clock for the queue's file names: everything lands in one daily file, whenever the test runs. */
    private final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-27T13:30:00Z"));
    private final InboundEvent event = new InboundEvent();

    @Test
    void shouldVerifyAJournalTheEngineWroteClean() {
        final long chain;
        final long written;
        try (JournalledEngine run = engine(11)) {
            run.run(1_000);
            run.journal.flush();
            chain = run.journal.chain();
            written = run.journal.records().records();
        }
        final Seen seen = read();

        assertNull(seen.outcome.firstDamage(), () -> String.valueOf(seen.outcome.firstDamage()));
        assertFalse(seen.outcome.damagedAtEnd());
        assertFalse(seen.outcome.damagedInMiddle());
        assertEquals(0, seen.outcome.damagedRecords());
        assertEquals(written + 1, seen.outcome.records(), "every record, the SESSION_STOP too");
        assertEquals(seen.records.size(), seen.outcome.records());
        assertTrue(seen.outcome.documents() > 100, seen.outcome.documents() + " documents");
        assertTrue(seen.count(JournalRecords.NEW_ORDER) > 10, "the run must trade");
        assertEquals(JournalRecords.SESSION_STOP, seen.last().type());
        assertEquals(seen.last().chain(), seen.outcome.chain());
        assertTrue(chain != seen.outcome.chain(), "the SESSION_STOP after it moved the chain on");
    }

    @Test
    void shouldNameAByteFlippedInTheLastRecordAndDeliverEveryRecordBeforeIt() {
        writeRunEndingWithTick(BID);
        final Seen clean = read();
        final Rec tick = clean.last();
        assertEquals(BID, tick.bid());

        JournalFiles.flip(JournalFiles.tickRecord(journalDir(), BID).plus(JournalRecords.TICK_LAST + 3));
        final Seen damaged = read();

        assertDamageAt(damaged, tick, CHAIN_BROKEN);
        assertTrue(damaged.outcome.damagedAtEnd());
        assertFalse(damaged.outcome.damagedInMiddle());
        assertEquals(1, damaged.outcome.damagedRecords());
        assertEquals(clean.records.subList(0, clean.records.size() - 1), damaged.records, "every record before it");
        assertEquals(clean.records.get(clean.records.size() - 2).chain(), damaged.outcome.chain(),
            "the chain value of the last good record, for recovery to resume from");
    }

    @Test
    void shouldNameATornLastRecord() {
        writeRunEndingWithTick(BID);
        final Seen clean = read();
        final Rec tick = clean.last();

        // The record's second half never reached the disk.
        JournalFiles.zero(JournalFiles.tickRecord(journalDir(), BID).plus(JournalRecords.TICK_LENGTH / 2),
            JournalRecords.TICK_LENGTH / 2);
        final Seen damaged = read();

        assertDamageAt(damaged, tick, CHAIN_BROKEN);
        assertTrue(damaged.outcome.damagedAtEnd());
        assertFalse(damaged.outcome.damagedInMiddle());
        assertEquals(clean.records.subList(0, clean.records.size() - 1), damaged.records);
    }

    @Test
    void shouldNameALastRecordWhoseLengthWasDamaged() {
        writeRunEndingWithTick(BID);
        final Seen clean = read();
        final Rec tick = clean.last();

        JournalFiles.flip(JournalFiles.tickRecord(journalDir(), BID).plus(JournalRecords.LENGTH_OFFSET));
        final Seen damaged = read();

        assertDamageAt(damaged, tick, "invalid length");
        assertTrue(damaged.outcome.damagedAtEnd());
        assertEquals(clean.records.subList(0, clean.records.size() - 1), damaged.records);
    }

    @Test
    void shouldStepOverAByteFlippedInTheMiddleAndVerifyEveryRecordAfterIt() {
        try (JournalledEngine run = engine(12)) {
            run.run(400);
            appendTick(run.journal, BID);
            run.run(400);
        }
        final Seen clean = read();
        final int at = clean.indexOfBid(BID);
        final Rec tick = clean.records.get(at);
        assertTrue(clean.records.size() - at > 100, "the tick is in the middle");

        JournalFiles.flip(JournalFiles.tickRecord(journalDir(), BID).plus(JournalRecords.TICK_ASK));
        final Seen damaged = read();

        assertDamageAt(damaged, tick, CHAIN_BROKEN);
        assertTrue(damaged.outcome.damagedInMiddle());
        assertFalse(damaged.outcome.damagedAtEnd());
        assertEquals(1, damaged.outcome.damagedRecords(), "one edited record condemns no other");
        final List<Rec> expected = new ArrayList<>(clean.records);
        expected.remove(at);
        assertEquals(expected, damaged.records, "every other record verifies, those after it included");
        assertEquals(clean.outcome.chain(), damaged.outcome.chain());
    }

    @Test
    void shouldLetARecoveredRecordResolveDamageAtTheEnd() {
        writeRunEndingWithTick(BID);
        JournalFiles.flip(JournalFiles.tickRecord(journalDir(), BID).plus(JournalRecords.TICK_BID + 1));
        final Seen found = read();
        assertTrue(found.outcome.damagedAtEnd());

        // What a restart does: resume the chain from the last good record, say so, and go on.
        try (Journal journal = Journal.open(journalDir(), found.outcome.chain(), clock)) {
            journal.recovered(found.last().sequence(), found.last().time(), found.outcome.damagedRecords(),
                found.outcome.chain(), found.outcome.firstDamage().toString());
            journal.sessionStart(found.last().sequence(), found.last().time(), 0, -1, "after recovery");
            appendTick(journal, OTHER_BID);
            appendTick(journal, THIRD_BID);
            journal.sessionStop(found.last().sequence() + 2, found.last().time());
        }
        final Seen after = read();

        assertEquals(found.outcome.firstDamage(), after.outcome.firstDamage(), "the damage is still shown");
        assertEquals(1, after.outcome.damagedRecords());
        assertFalse(after.outcome.damagedAtEnd(), "resolved by the RECOVERED record");
        assertFalse(after.outcome.damagedInMiddle(), "resolved by the RECOVERED record");
        assertEquals(found.records, after.records.subList(0, found.records.size()));
        final List<Rec> resumed = after.records.subList(found.records.size(), after.records.size());
        assertEquals(List.of(JournalRecords.RECOVERED, JournalRecords.SESSION_START, JournalRecords.TICK,
            JournalRecords.TICK, JournalRecords.SESSION_STOP), resumed.stream().map(Rec::type).toList(),
            "every record after the RECOVERED one verifies");
        assertEquals(OTHER_BID, resumed.get(2).bid());
        assertEquals(THIRD_BID, resumed.get(3).bid());
    }

    @Test
    void shouldBreakTheChainWhenTwoRecordsAreSwappedOnDisk() {
        try (JournalledEngine run = engine(13)) {
            run.run(200);
            // Two ticks of the same length in one document, then more of the run.
            appendTick(run.journal.records(), BID);
            appendTick(run.journal.records(), OTHER_BID);
            run.journal.flush();
            run.run(200);
        }
        final Seen clean = read();
        final int first = clean.indexOfBid(BID);
        assertEquals(first + 1, clean.indexOfBid(OTHER_BID));

        final JournalFiles.Place a = JournalFiles.tickRecord(journalDir(), BID);
        final JournalFiles.Place b = JournalFiles.tickRecord(journalDir(), OTHER_BID);
        assertEquals(a.position() + JournalRecords.TICK_LENGTH, b.position(), "adjacent on disk");
        final byte[] bytesA = JournalFiles.readBytes(a, JournalRecords.TICK_LENGTH);
        final byte[] bytesB = JournalFiles.readBytes(b, JournalRecords.TICK_LENGTH);
        JournalFiles.write(a, bytesB);
        JournalFiles.write(b, bytesA);
        final Seen swapped = read();

        assertDamageAt(swapped, clean.records.get(first), CHAIN_BROKEN);
        // Neither swapped record follows the one before it, nor does the record after the pair (it was chained to
        // the second of them); from there on the chain verifies again.
        assertEquals(3, swapped.outcome.damagedRecords());
        assertTrue(swapped.outcome.damagedInMiddle());
        final List<Rec> expected = new ArrayList<>(clean.records);
        expected.subList(first, first + 3).clear();
        assertEquals(expected, swapped.records);
    }

    /**
     * A record cut out of a document cannot be done on disk without rewriting Chronicle's framing, so the document
     * is built here without it and appended as the journal would append it: the record after the gap is named.
     */
    @Test
    void shouldBreakTheChainWhenARecordIsMissing() {
        final List<byte[]> records = new ArrayList<>();
        final RecordBuffer assembled = new RecordBuffer(1 << 12, RunningHash.GENESIS,
            (bytes, buffer, length) -> {
                for (int at = 0; at < length; at += buffer.getInt(at + JournalRecords.LENGTH_OFFSET)) {
                    records.add(Arrays.copyOfRange(bytes, at, at + buffer.getInt(at + JournalRecords.LENGTH_OFFSET)));
                }
            });
        final long[] bids = {BID, OTHER_BID, THIRD_BID, BID + 1, BID + 2};
        for (final long bid : bids) {
            appendTick(assembled, bid);
        }
        assembled.flush();
        assertEquals(bids.length, records.size());

        final byte[] document = new byte[(records.size() - 1) * JournalRecords.TICK_LENGTH];
        int position = 0;
        for (int i = 0; i < records.size(); i++) {
            if (i != 2) {
                System.arraycopy(records.get(i), 0, document, position, JournalRecords.TICK_LENGTH);
                position += JournalRecords.TICK_LENGTH;
            }
        }
        try (Journal journal = Journal.open(journalDir(), RunningHash.GENESIS, clock)) {
            journal.drain(document, new UnsafeBuffer(document), document.length);
        }
        final Seen gap = read();

        assertNotNull(gap.outcome.firstDamage());
        assertEquals(2, gap.outcome.firstDamage().recordInDocument(), "the record after the gap: " + gap.outcome
            .firstDamage());
        assertTrue(gap.outcome.firstDamage().reason().contains(CHAIN_BROKEN));
        assertEquals(1, gap.outcome.damagedRecords());
        assertTrue(gap.outcome.damagedInMiddle());
        assertArrayEquals(new long[] {BID, OTHER_BID, BID + 2}, gap.records.stream().mapToLong(Rec::bid).toArray());
    }

    /**
     * The journal's first day deleted (retention, or a hand) while no writer has run since: Chronicle's list of the
     * queue's files still names the deleted one, and a read-only queue cannot refresh it. The read starts at the
     * oldest file left all the same; from the chain's start its first record looks damaged.
     */
    @Test
    void shouldFindTheRecordsLeftWhenTheFirstDayWasDeleted() throws IOException {
        writeTwoDaysAndDeleteTheFirst();

        final Seen fromStart = read();

        assertEquals(List.of(OTHER_BID, THIRD_BID), fromStart.records.stream().map(Rec::bid).toList());
        assertEquals(1, fromStart.outcome.damagedRecords(), "the first record left follows one that is gone");
        assertTrue(fromStart.outcome.damagedInMiddle());
    }

    /**
     * Read after retention, the first record left is taken as it stands and every record after it verified from
     * it: no damage, every record left delivered, and damage after it still named.
     */
    @Test
    void shouldVerifyAJournalWhoseFirstDayWasDeletedFromTheFirstRecordLeft() throws IOException {
        writeTwoDaysAndDeleteTheFirst();

        final Seen afterRetention = readAfterRetention();

        assertNull(afterRetention.outcome.firstDamage(), () -> String.valueOf(afterRetention.outcome.firstDamage()));
        assertEquals(List.of(BID, OTHER_BID, THIRD_BID), afterRetention.records.stream().map(Rec::bid).toList());

        JournalFiles.flip(JournalFiles.tickRecord(journalDir(), OTHER_BID).plus(JournalRecords.TICK_ASK));
        final Seen damaged = readAfterRetention();
        assertDamageAt(damaged, afterRetention.records.get(1), CHAIN_BROKEN);
        assertTrue(damaged.outcome.damagedInMiddle());
    }

    /** Two days of journal, the second holding three ticks; then the first day's file is deleted. */
    private void writeTwoDaysAndDeleteTheFirst() throws IOException {
        final long chain;
        try (JournalledEngine run = engine(14)) {
            run.run(200);
        }
        try (JournalReader reader = JournalReader.open(journalDir())) {
            chain = reader.readAll((buffer, at, document) -> true).chain();
        }
        final SetTimeProvider nextDay = new SetTimeProvider(Instant.parse("2026-03-28T13:30:00Z"));
        try (Journal journal = Journal.open(journalDir(), chain, nextDay)) {
            appendTick(journal, BID);
            appendTick(journal, OTHER_BID);
            appendTick(journal, THIRD_BID);
        }
        Files.delete(journalDir().resolve("20260327F.cq4"));
    }

    /**
     * A journal's file cut short inside its last record (a copy taken while it was written, a disk that filled): the
     * records before the cut are read and verified, and reading changes nothing in the folder. A reader that opened
     * the queue for writing would grow the file back to its full size and write metadata: the evidence would be gone.
     */
    @Test
    void shouldReadAJournalCutShortAndLeaveItsFilesAsTheyAre() throws IOException {
        writeRunEndingWithTick(BID);
        final Seen clean = read();
        final JournalFiles.Place tick = JournalFiles.tickRecord(journalDir(), BID);
        try (FileChannel file = FileChannel.open(tick.file(), StandardOpenOption.WRITE)) {
            file.truncate(tick.position() + JournalRecords.TICK_LENGTH / 2);
        }
        final Map<Path, String> before = folder(journalDir());

        final Seen cut = read();

        assertEquals(before, folder(journalDir()), "the reader wrote to the journal's folder");
        assertEquals(clean.records.subList(0, clean.records.size() - 1), cut.records);
    }

    /** Each file of a folder with its size and a digest of its bytes. */
    private static Map<Path, String> folder(final Path dir) throws IOException {
        final Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (final Path file : list.toList()) {
                final byte[] bytes = Files.readAllBytes(file);
                files.put(file.getFileName(), bytes.length + " bytes, hash " + Arrays.hashCode(bytes));
            }
        }
        return files;
    }

    private JournalledEngine engine(final long seed) {
        return new JournalledEngine(JournalledEngine.copyShippedConfig(dir.resolve("config")), journalDir(), seed,
            clock);
    }

    /** A run whose last record is a tick with this bid, after which the daemon died (no SESSION_STOP). */
    private void writeRunEndingWithTick(final long bid) {
        final JournalledEngine run = engine(21);
        run.run(500);
        appendTick(run.journal, bid);
        run.journal.close();
    }

    private Path journalDir() {
        return dir.resolve("journal");
    }

    /** A tick appended straight to the journal, as its own document. */
    private void appendTick(final Journal journal, final long bid) {
        appendTick(journal.records(), bid);
        journal.flush();
    }

    private void appendTick(final RecordBuffer records, final long bid) {
        InputRecords.append(records, event.tick(JournalledEngine.T0, 0, bid, bid + 1, bid + 2), -1, true);
    }

    private static void assertDamageAt(final Seen damaged, final Rec record, final String reason) {
        final JournalReader.Damage damage = damaged.outcome.firstDamage();
        assertNotNull(damage, "no damage found");
        assertEquals(record.documentIndex(), damage.documentIndex(), damage::toString);
        assertEquals(record.recordInDocument(), damage.recordInDocument(), damage::toString);
        assertTrue(damage.reason().contains(reason), damage::toString);
        assertTrue(damage.toString().contains("record " + record.recordInDocument() + " of document 0x"
            + Long.toHexString(record.documentIndex())), damage::toString);
    }

    private Seen read() {
        final Seen seen = new Seen();
        try (JournalReader reader = JournalReader.open(journalDir())) {
            seen.outcome = reader.read(-1, RunningHash.GENESIS, seen);
        }
        return seen;
    }

    private Seen readAfterRetention() {
        final Seen seen = new Seen();
        try (JournalReader reader = JournalReader.open(journalDir())) {
            seen.outcome = reader.readAfterRetention(seen);
        }
        return seen;
    }

    /** A record as delivered: where it was and what identifies it. */
    record Rec(long documentIndex, int recordInDocument, int type, long sequence, long time, long chain, long bid) {
    }

    /** Every record the reader delivered, and the outcome. */
    private static final class Seen implements JournalReader.Handler {
        final List<Rec> records = new ArrayList<>();
        JournalReader.Outcome outcome;

        @Override
        public boolean onRecord(final DirectBuffer buffer, final int offset, final long documentIndex) {
            final int recordInDocument = recordInDocument(buffer, offset);
            final int type = buffer.getShort(offset + JournalRecords.TYPE_OFFSET);
            records.add(new Rec(documentIndex, recordInDocument, type,
                buffer.getLong(offset + JournalRecords.SEQUENCE_OFFSET), buffer.getLong(offset
                + JournalRecords.TIME_OFFSET), buffer.getLong(offset + JournalRecords.CHAIN_OFFSET),
                type == JournalRecords.TICK ? buffer.getLong(offset + JournalRecords.TICK_BID) : 0));
            return true;
        }

        /** Counts the records before {@code offset} in its document (the buffer holds the whole document). */
        private static int recordInDocument(final DirectBuffer buffer, final int offset) {
            int count = 0;
            for (int at = 0; at < offset; at += buffer.getInt(at + JournalRecords.LENGTH_OFFSET)) {
                count++;
            }
            return count;
        }

        Rec last() {
            return records.get(records.size() - 1);
        }

        long count(final int type) {
            return records.stream().filter(r -> r.type() == type).count();
        }

        int indexOfBid(final long bid) {
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).type() == JournalRecords.TICK && records.get(i).bid() == bid) {
                    return i;
                }
            }
            throw new AssertionError("no tick with bid 0x" + Long.toHexString(bid));
        }
    }
}
