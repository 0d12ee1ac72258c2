package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Records a feed as its source delivered it, then passes each call on unchanged: placed between a source and the
 * market-data edge ({@code source -> recorder -> edge}), it keeps the raw ticks, bad ones included, so a replay
 * ({@link RecordedFeed}) reproduces the edge's verdicts as well as its output. It judges nothing.
 * <p>
 * One Chronicle document per call ({@link RecordingFormat}), appended before the call is passed on. A document
 * per batch would append faster, but the sink interface has no end of batch, so a batch would wait in memory for a
 * quiet feed's next tick and a crash would lose it; one append costs about half a microsecond here (some two
 * million ticks a second), beyond any feed's rate. So a crash loses at most the call being appended, which
 * Chronicle never shows a reader half written, and never touches a document already appended; the edge has seen
 * nothing the recording lacks.
 * <p>
 * Allocation-free per call: the appender is reused and fields go in as raw primitives. One thread records at a
 * time: the first to call takes the appender over from the thread that opened the recorder; {@link #close} may
 * run on another thread once the recording thread has stopped.
 */
public final class FeedRecorder implements TickSink, AutoCloseable {
    /** For {@link #recordSource}: no limit on the calls recorded, until the source finishes. */
    public static final long TO_THE_END = Long.MAX_VALUE;

    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private final TickSink downstream;
    private long recorded;
    private boolean closed;

    private FeedRecorder(final ChronicleQueue queue, final TickSink downstream) {
        this.queue = queue;
        this.downstream = downstream;
        appender = queue.createAppender();
    }

    /**
     * Starts a recording in {@code dir} (created if missing; refused if it holds a recording already) and writes its
     * header at once: the symbol of every instrument id of {@code universe}, so a replay under another
     * configuration maps by symbol, and {@code description}.
     *
     * @param description what is recorded, for people: the source's {@link FeedSource#describe()}
     * @param downstream  told of every call after it is recorded: the market-data edge
     * @throws RecordingException when the folder cannot be used, naming it and the fix
     */
    public static FeedRecorder open(final Path dir, final InstrumentUniverse universe, final String description,
        final TickSink downstream) {
        return open(dir, universe, description, downstream, SystemTimeProvider.INSTANCE);
    }

    /** @param time names the daily files: the wall clock but for tests that must not roll to a new file */
    static FeedRecorder open(final Path dir, final InstrumentUniverse universe, final String description,
        final TickSink downstream, final TimeProvider time) {
        final Path folder = RecordingFolder.forWriting(dir);
        ChronicleQueue queue = null;
        try {
            queue = RecordingFolder.queue(folder, time, false);
            final FeedRecorder recorder = new FeedRecorder(queue, downstream);
            recorder.writeHeader(universe, description);
            return recorder;
        } catch (final Exception ex) {
            // Chronicle throws checked exceptions it does not declare (an IOException of the file system, say).
            if (queue != null) {
                queue.close();
            }
            throw new RecordingException("cannot start a recording in " + folder + ": " + ex, ex);
        }
    }

    private void writeHeader(final InstrumentUniverse universe, final String description) {
        try (DocumentContext document = appender.writingDocument()) {
            RecordingFormat.writeHeader(document.wire().bytes(), universe, description);
        }
        // The opening thread is done: whichever thread records from now on takes the appender.
        appender.singleThreadedCheckReset();
    }

    @Override
    public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask, final long last,
        final long size, final long sequence) {
        final DocumentContext document = appender.writingDocument();
        try {
            final Bytes<?> out = document.wire().bytes();
            out.writeInt(RecordingFormat.TICK);
            out.writeInt(instrumentId);
            out.writeLong(timeNanos);
            out.writeLong(bid);
            out.writeLong(ask);
            out.writeLong(last);
            out.writeLong(size);
            out.writeLong(sequence);
        } catch (final Throwable ex) {
            // A record is whole or absent: never commit the fields written so far. (Throwable: Chronicle also
            // throws checked exceptions it does not declare; they are rethrown as they are.)
            document.rollbackOnClose();
            throw ex;
        } finally {
            document.close();
        }
        recorded++;
        downstream.onTick(timeNanos, instrumentId, bid, ask, last, size, sequence);
    }

    @Override
    public void onSequenceReset(final int instrumentId) {
        final DocumentContext document = appender.writingDocument();
        try {
            final Bytes<?> out = document.wire().bytes();
            out.writeInt(RecordingFormat.SEQUENCE_RESET);
            out.writeInt(instrumentId);
        } catch (final Throwable ex) {
            document.rollbackOnClose();
            throw ex;
        } finally {
            document.close();
        }
        recorded++;
        downstream.onSequenceReset(instrumentId);
    }

    @Override
    public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        final DocumentContext document = appender.writingDocument();
        try {
            final Bytes<?> out = document.wire().bytes();
            final int characters = Math.min(symbol.length(), RecordingFormat.MAX_SYMBOL_CHARS);
            out.writeInt(RecordingFormat.UNKNOWN_SYMBOL);
            out.writeInt(characters);
            out.writeLong(timeNanos);
            for (int i = 0; i < characters; i++) {
                out.writeUnsignedShort(symbol.charAt(i));
            }
        } catch (final Throwable ex) {
            document.rollbackOnClose();
            throw ex;
        } finally {
            document.close();
        }
        recorded++;
        downstream.onUnknownSymbol(timeNanos, symbol);
    }

    /** Calls recorded so far (ticks, unknown symbols and sequence resets); the recording thread. */
    public long recorded() {
        return recorded;
    }

    /** Writes the end record (a recording without one was cut short) and closes the queue; once only. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        appender.singleThreadedCheckReset();
        try (DocumentContext document = appender.writingDocument()) {
            final Bytes<?> out = document.wire().bytes();
            out.writeInt(RecordingFormat.END);
            out.writeInt(0);
            out.writeLong(recorded);
        } finally {
            appender.close();
            queue.close();
        }
    }

    /** Closes the queue as a crash leaves it: no end record. For tests of what a replay makes of that. */
    void abandon() {
        closed = true;
        appender.singleThreadedCheckReset();
        appender.close();
        queue.close();
    }

    /**
     * Records {@code source} into {@code dir} on the caller's thread, as fast as the source delivers (give it a full
     * speed), until it finishes or {@code maxCalls} calls are recorded; passes nothing on.
     *
     * @param maxCalls the most calls (ticks, unknown symbols, sequence resets) to record, or {@link #TO_THE_END} (a
     *                 live source never finishes: give it a count)
     * @return calls recorded
     * @throws RecordingException when the folder cannot be used
     */
    public static long recordSource(final FeedSource source, final InstrumentUniverse universe, final Path dir,
        final long maxCalls) {
        try (FeedRecorder recorder = open(dir, universe, source.describe(), Discard.INSTANCE)) {
            while (!source.finished() && recorder.recorded < maxCalls) {
                source.poll(recorder, (int)Math.min(FeedRunner.CHUNK, maxCalls - recorder.recorded));
            }
            return recorder.recorded;
        }
    }

    /** Passes nothing on: the recording is all {@link #recordSource} (and a test of recording alone) wants. */
    static final class Discard implements TickSink {
        static final Discard INSTANCE = new Discard();

        @Override
        public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
            final long last, final long size, final long sequence) {
        }

        @Override
        public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
        }
    }
}
