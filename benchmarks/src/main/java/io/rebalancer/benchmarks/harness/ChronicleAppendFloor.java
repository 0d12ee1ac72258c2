package io.rebalancer.benchmarks.harness;

import io.rebalancer.engine.journaling.JournalRecords;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor under journaling: a raw Chronicle Queue append, none of our code. At the offered rate the injector
 * appends one document and records the time from the event's intended send time to the append returning.
 * <p>
 * The document is what our journal appends for a tick alone in its batch: the journal assembles a batch's records
 * and appends them as one document, and a tick's record is {@link JournalRecords#TICK_LENGTH} (64) bytes, so a
 * one-tick batch is one 64-byte document, written with the same call ({@code bytes().write(byte[], 0, length)})
 * into a queue built the way the journal builds it (binary, {@link RollCycles#FAST_DAILY}). The bytes hold the
 * event's index and intended time where a record keeps its sequence and time, and a fixed pattern elsewhere.
 * <p>
 * The queue lives in a fresh temporary directory (under {@code java.io.tmpdir} unless told), deleted by
 * {@link #close}; it is opened and appended to once at construction, so the first open (about a second) and the
 * first file's creation are not measured. The appending thread is the measured one: its allocation is reported.
 * <p>
 * Chronicle needs the opens and exports of the root pom's {@code jvm.open.flags}: {@code java -jar benchmarks.jar}
 * gets them from the jar's manifest and tests from Surefire's argLine; to run {@link #main} with {@code -cp}, pass
 * them on the command line.
 */
public final class ChronicleAppendFloor implements AutoCloseable {
    public static final String NAME = "floor-chronicle-append";
    /** One tick record, one document: see the class comment. */
    static final int DOCUMENT_BYTES = JournalRecords.TICK_LENGTH;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final byte[] document = new byte[DOCUMENT_BYTES];
    private final Histogram warmup = PacedLoop.latencyHistogram();
    private final PacedLoop.Sender sender = this::append;
    private Histogram recording = warmup;

    /** A queue in a new temporary directory under {@code java.io.tmpdir}. */
    public ChronicleAppendFloor() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A queue in a new temporary directory under {@code parent}: put it on the disk the journal scenarios use. */
    public ChronicleAppendFloor(final Path parent) {
        try {
            directory = Files.createTempDirectory(parent, NAME + "-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a queue directory under " + parent, e);
        }
        for (int i = 0; i < DOCUMENT_BYTES; i++) {
            document[i] = (byte)(0xA5 ^ i);
        }
        queue = SingleChronicleQueueBuilder.binary(directory.toFile()).rollCycle(RollCycles.FAST_DAILY).build();
        appender = queue.createAppender();
        append(-1, System.nanoTime());
    }

    /**
     * Warms up at the offered rate, then measures for {@code measureNanos} into a fresh histogram. The calling thread
     * appends (Chronicle's appender belongs to one thread at a time: this call takes it over).
     */
    public ScenarioResult measure(final double offeredPerSecond, final long warmupNanos, final long measureNanos) {
        appender.singleThreadedCheckReset();
        warmup.reset();
        recording = warmup;
        runPhase(offeredPerSecond, warmupNanos);
        final Histogram histogram = PacedLoop.latencyHistogram();
        recording = histogram;
        final MeasuredWindow window = MeasuredWindow.open(Thread.currentThread());
        runPhase(offeredPerSecond, measureNanos);
        window.close();
        recording = warmup;
        final long events = histogram.getTotalCount();
        return new ScenarioResult(NAME, false, offeredPerSecond, window.ratePerSecond(events), histogram,
            window.bytesPer(events), window.gcCount(), "raw Chronicle Queue append of one " + DOCUMENT_BYTES
                + "-byte document; allocation on the appending thread");
    }

    private void runPhase(final double offeredPerSecond, final long durationNanos) {
        final long start = System.nanoTime();
        PacedLoop.run(new OfferedLoad(start, offeredPerSecond), start + durationNanos, sender);
    }

    private boolean append(final long index, final long intendedNanos) {
        LONGS.set(document, JournalRecords.SEQUENCE_OFFSET, index);
        LONGS.set(document, JournalRecords.TIME_OFFSET, intendedNanos);
        try (DocumentContext context = appender.writingDocument()) {
            context.wire().bytes().write(document, 0, DOCUMENT_BYTES);
        }
        recording.recordValue(System.nanoTime() - intendedNanos);
        return true;
    }

    /** Where the queue is, to check that {@link #close} deleted it. */
    Path directory() {
        return directory;
    }

    /** Closes the queue and deletes its directory. */
    @Override
    public void close() {
        try {
            appender.singleThreadedCheckReset();
            appender.close();
        } finally {
            queue.close();
            delete(directory);
        }
    }

    private static void delete(final Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete the floor's queue in " + directory, e);
        }
    }

    public static void main(final String[] args) {
        try (ChronicleAppendFloor floor = new ChronicleAppendFloor()) {
            ScenarioMain.run(args, (rate, warmup, measure) -> List.of(floor.measure(rate, warmup, measure)));
        }
    }
}
