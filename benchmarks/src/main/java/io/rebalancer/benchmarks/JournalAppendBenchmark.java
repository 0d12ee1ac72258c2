package io.rebalancer.benchmarks;

import io.rebalancer.engine.journaling.InputRecords;
import io.rebalancer.engine.journaling.Journal;
import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.journaling.RecordBuffer;
import io.rebalancer.engine.pipeline.InboundEvent;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Journaling one tick input, per event, the way the engine does it ({@code JournalingHandler}): the input is
 * assembled as a 64-byte TICK record in the journal's {@link RecordBuffer} ({@link InputRecords#append}, chained by
 * the running hash) and the buffer is appended to the Chronicle queue as one document at the end of the engine's
 * batch ({@link RecordBuffer#flush}). Measured for a tick that is its own batch (the worst case: one document per
 * tick) and for a batch of {@value #BATCH} ticks (one document of {@value #BATCH} records).
 * <p>
 * Beside it, in the same run:
 * <ul>
 *   <li>the floor, {@code rawAppend*}: a Chronicle append of the same bytes (a pre-filled buffer of the same
 *   length per document) with no code of ours: {@code writingDocument}, {@code write}, close;</li>
 *   <li>the naive way, {@code naiveJsonLine*}: a JSON line per event made with {@code String.format} from
 *   {@code double} prices, written through a {@link BufferedWriter} and flushed per batch (per event when the
 *   tick is its own batch), as a blog post journals; and the same line through Chronicle's {@code writeText}
 *   ({@code naiveJsonLineChronicle}), which separates the cost of text from the cost of the file.</li>
 * </ul>
 * A flushed {@link BufferedWriter} and an append to Chronicle's memory-mapped file both leave the bytes in the
 * operating system's page cache: both survive the process dying, neither a power cut, so the comparison is fair.
 * <p>
 * Every queue is built and rolled daily as the journal's ({@link RollCycles#FAST_DAILY}), by a wall clock a day
 * later for each iteration ({@link DayClock}): each iteration appends to a new daily file, and the day before is
 * deleted after it, as retention deletes past days (retention does no work per event). The naive text file is
 * likewise new for each iteration. Everything is in temporary folders deleted in the trial's tear-down.
 * Run with {@code -prof gc}.
 */
public class JournalAppendBenchmark extends JmhDefaults {
    /** Ticks per engine batch in the batched variants. */
    static final int BATCH = 64;
    static final int INSTRUMENTS = 16;
    static final long START_NANOS = 1_767_623_400_000_000_000L;
    private static final long CENT = 10_000;
    private static final String[] SYMBOLS = symbols();

    /** The ticks journaled: 16 instruments in turn, each a cent up or down. */
    @State(Scope.Thread)
    public static class Ticks {
        final InboundEvent event = new InboundEvent();
        final long[] mids = new long[INSTRUMENTS];
        long time = START_NANOS;
        long sequence;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            for (int id = 0; id < INSTRUMENTS; id++) {
                mids[id] = (100 + id) * 1_000_000L;
            }
        }

        /** Moves the next instrument's mid and sets the event to its tick, as the ring slot would hold it. */
        InboundEvent next() {
            final int id = next;
            next = id + 1 == INSTRUMENTS ? 0 : id + 1;
            time += 1_000;
            mids[id] += (time & 2048) == 0 ? CENT : -CENT;
            return event.tick(time, id, mids[id] - CENT, mids[id] + CENT, mids[id]);
        }
    }

    /**
     * The wall clock, a day later for each iteration: the queue rolls to a new daily file at the iteration's first
     * append, as a journal rolls at midnight, and {@link #pruneOldDays} deletes the day before, as retention does.
     * At full speed these append gigabytes a second; a file that only grew would measure the disk's write-back rather
     * than the append. The clock is still read per append, as Chronicle reads the system clock.
     */
    static final class DayClock implements TimeProvider {
        private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
        private volatile long offset;

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis() + offset;
        }

        void nextDay() {
            offset += DAY_MILLIS;
        }
    }

    /** Deletes every daily file but the newest: the appender has rolled off them. */
    static void pruneOldDays(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            final List<Path> days = files.filter(file -> file.getFileName().toString().endsWith("F.cq4")).sorted()
                .toList();
            for (int i = 0; i < days.size() - 1; i++) {
                Files.delete(days.get(i));
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot prune " + dir, ex);
        }
    }

    /** The engine's journal, opened once per trial in a temporary folder; a new day for each iteration. */
    @State(Scope.Thread)
    public static class OurJournal {
        final DayClock clock = new DayClock();
        Path dir;
        Journal journal;
        RecordBuffer records;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("journal-bench-ours");
            try {
                journal = Journal.open(dir, 0x5EED, clock);
            } catch (final RuntimeException ex) {
                TempFiles.delete(dir);
                throw ex;
            }
            records = journal.records();
        }

        @Setup(Level.Iteration)
        public void nextDay() {
            clock.nextDay();
            // The iteration may run on another thread than the last: Chronicle checks that one thread appends.
            journal.handOver();
        }

        @TearDown(Level.Iteration)
        public void prune() {
            pruneOldDays(dir);
        }

        @TearDown(Level.Trial)
        public void close() {
            journal.close();
            TempFiles.delete(dir);
        }
    }

    /**
     * A Chronicle queue in a temp directory, built and rolled as the journal's: a new day each iteration (the clock),
     * the days before deleted after it, the whole directory at the end. The raw and the naive Chronicle states share
     * it, so the two measure the same queue.
     */
    public abstract static class DailyQueue {
        final DayClock clock = new DayClock();
        Path dir;
        ChronicleQueue queue;
        ExcerptAppender appender;

        /** Call from the subclass's trial set-up. */
        final void openQueue(final String prefix) throws IOException {
            dir = Files.createTempDirectory(prefix);
            try {
                queue = queue(dir, clock);
            } catch (final RuntimeException ex) {
                TempFiles.delete(dir);
                throw ex;
            }
            appender = queue.createAppender();
        }

        @Setup(Level.Iteration)
        public void nextDay() {
            clock.nextDay();
            appender.singleThreadedCheckReset();
        }

        @TearDown(Level.Iteration)
        public void prune() {
            pruneOldDays(dir);
        }

        @TearDown(Level.Trial)
        public void close() {
            appender.close();
            queue.close();
            TempFiles.delete(dir);
        }
    }

    /** A plain Chronicle queue built as the journal's, and a pre-filled buffer of what our journal appends. */
    @State(Scope.Thread)
    public static class RawQueue extends DailyQueue {
        /** One TICK record, as the journal writes it; and {@value #BATCH} of them, as a batch's document. */
        final byte[] record = new byte[JournalRecords.TICK_LENGTH];
        final byte[] batch = new byte[JournalRecords.TICK_LENGTH * BATCH];

        @Setup(Level.Trial)
        public void open() throws IOException {
            final Ticks ticks = new Ticks();
            ticks.setUp();
            final RecordBuffer records = new RecordBuffer(batch.length, 0x5EED,
                (bytes, buffer, length) -> System.arraycopy(bytes, 0, batch, 0, length));
            for (int i = 0; i < BATCH; i++) {
                InputRecords.append(records, ticks.next(), i, i == BATCH - 1);
            }
            records.flush();
            System.arraycopy(batch, 0, record, 0, record.length);
            openQueue("journal-bench-raw");
        }
    }

    /** The naive journal's text file: a new one for each iteration, deleted after it. */
    @State(Scope.Thread)
    public static class NaiveFile {
        Path root;
        Path file;
        BufferedWriter writer;
        int iteration;

        @Setup(Level.Trial)
        public void createRoot() throws IOException {
            root = Files.createTempDirectory("journal-bench-naive");
        }

        @Setup(Level.Iteration)
        public void open() throws IOException {
            file = root.resolve("journal-" + iteration++ + ".jsonl");
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            writer.close();
            Files.delete(file);
        }

        @TearDown(Level.Trial)
        public void deleteRoot() {
            TempFiles.delete(root);
        }
    }

    /** A Chronicle queue, built and rolled as the journal's, taking the naive journal's text lines. */
    @State(Scope.Thread)
    public static class NaiveQueue extends DailyQueue {
        @Setup(Level.Trial)
        public void open() throws IOException {
            openQueue("journal-bench-naive-cq");
        }
    }

    /** Built as {@code Journal} builds its queue: binary, rolled daily by the clock. */
    static ChronicleQueue queue(final Path dir, final TimeProvider clock) {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).timeProvider(clock)
            .build();
    }

    /** Ours: one tick as its own batch, assembled as a record and appended as one document (JournalingHandler). */
    @Benchmark
    public long journalTick(final Ticks ticks, final OurJournal journal) {
        InputRecords.append(journal.records, ticks.next(), ticks.sequence++, true);
        journal.records.flush();
        return journal.records.chain();
    }

    /** Ours: a batch of ticks, each assembled as a record, appended together as one document at its end. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long journalTickBatch64(final Ticks ticks, final OurJournal journal) {
        final RecordBuffer records = journal.records;
        for (int i = 0; i < BATCH; i++) {
            InputRecords.append(records, ticks.next(), ticks.sequence++, i == BATCH - 1);
        }
        records.flush();
        return records.chain();
    }

    /** The floor: the same 64 bytes appended as one document, no code of ours. */
    @Benchmark
    public long rawAppend(final RawQueue raw) {
        try (DocumentContext document = raw.appender.writingDocument()) {
            document.wire().bytes().write(raw.record, 0, raw.record.length);
        }
        return raw.appender.lastIndexAppended();
    }

    /** The floor of a batch: the same {@value #BATCH} records' bytes appended as one document. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rawAppendBatch64(final RawQueue raw) {
        try (DocumentContext document = raw.appender.writingDocument()) {
            document.wire().bytes().write(raw.batch, 0, raw.batch.length);
        }
        return raw.appender.lastIndexAppended();
    }

    /** The blog way: a JSON line per tick from String.format, written and flushed (the tick is its own batch). */
    @Benchmark
    public void naiveJsonLine(final Ticks ticks, final NaiveFile naive) throws IOException {
        naive.writer.write(jsonLine(ticks.next(), ticks.sequence++));
        naive.writer.flush();
    }

    /** The blog way in batches: a JSON line per tick, flushed once per batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void naiveJsonLineBatch64(final Ticks ticks, final NaiveFile naive) throws IOException {
        for (int i = 0; i < BATCH; i++) {
            naive.writer.write(jsonLine(ticks.next(), ticks.sequence++));
        }
        naive.writer.flush();
    }

    /** The same JSON line, appended as text to a Chronicle queue (a document per tick). */
    @Benchmark
    public long naiveJsonLineChronicle(final Ticks ticks, final NaiveQueue naive) {
        naive.appender.writeText(jsonLine(ticks.next(), ticks.sequence++));
        return naive.appender.lastIndexAppended();
    }

    /** What a blog post writes: a String.format of the tick with prices as doubles and the symbol's name. */
    static String jsonLine(final InboundEvent tick, final long sequence) {
        return String.format(Locale.ROOT,
            "{\"type\":\"tick\",\"seq\":%d,\"time\":%d,\"symbol\":\"%s\",\"bid\":%.6f,\"ask\":%.6f,\"last\":%.6f}%n",
            sequence, tick.timeNanos(), SYMBOLS[tick.instrumentId()], tick.bid() / 1e6, tick.ask() / 1e6,
            tick.last() / 1e6);
    }

    private static String[] symbols() {
        final String[] symbols = new String[INSTRUMENTS];
        for (int id = 0; id < INSTRUMENTS; id++) {
            symbols[id] = "SYM" + id;
        }
        return symbols;
    }
}
