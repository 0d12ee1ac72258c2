package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedPacer;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.List;

/**
 * Replays a recording ({@link FeedRecorder}) into any sink: the same calls, in the same order, with the same
 * fields, at full speed or paced by event time ({@link FeedPacer}).
 * <p>
 * Instruments are matched by symbol, not id: the recording names the symbol of every id it was recorded with, and
 * a tick is passed on with the id that symbol has now, so a replay under a reordered configuration prices the
 * right instruments. A tick whose symbol the configuration no longer has becomes {@link TickSink#onUnknownSymbol}
 * with that symbol (as a live feed would deliver it); an id the recording's configuration did not know either
 * stays unknown ({@link TickSink#UNKNOWN_INSTRUMENT} if it would land on an instrument today). Under the
 * configuration it was recorded with, every call is replayed exactly as recorded.
 * <p>
 * A document that is not a whole record (damaged, or cut short) is skipped and counted, the first described
 * ({@link #problems()}); the feed goes on to the end of what was written. A recording without its end record was
 * cut short (its recorder crashed): it is replayed up to its last whole record and that is reported too.
 * <p>
 * Allocation-free per call: one tailer, fields read as raw primitives into this object, an unknown symbol into a
 * reused builder. One thread.
 */
public final class RecordedFeed implements FeedSource {
    /** The type of a document too short to hold one. */
    private static final int NO_TYPE = 0;

    private final ExcerptTailer tailer;
    private final ChronicleQueue queue;
    private final FeedPacer pacer;
    private final String description;
    /** The symbol of each id at record time. */
    private final String[] recordedSymbols;
    /** The id each recorded id has now, or {@link TickSink#UNKNOWN_INSTRUMENT}. */
    private final int[] currentIds;
    private final int currentInstruments;
    private final StringBuilder symbol = new StringBuilder(RecordingFormat.MAX_SYMBOL_CHARS);

    /** The next call, read but not yet due. */
    private boolean pending;
    private int type;
    private long time;
    private int instrument;
    private long bid;
    private long ask;
    private long last;
    private long size;
    private long sequence;

    private boolean finished;
    private boolean closed;
    private long documents;
    private long callsRead;
    private long replayed;
    private long damaged;
    private String firstDamage;
    private boolean ended;
    private long endCount;

    private RecordedFeed(final Path dir, final ChronicleQueue queue, final ExcerptTailer tailer, final FeedPacer pacer,
        final RecordingFormat.Header header, final InstrumentUniverse universe) {
        this.queue = queue;
        this.tailer = tailer;
        this.pacer = pacer;
        final List<String> symbols = header.symbols();
        recordedSymbols = symbols.toArray(new String[0]);
        currentIds = new int[recordedSymbols.length];
        for (int id = 0; id < currentIds.length; id++) {
            currentIds[id] = universe.idOf(recordedSymbols[id]);
        }
        currentInstruments = universe.size();
        description = "recording " + dir + " (" + header.description() + ") at " + pacer.describeSpeed();
        documents = 1;
    }

    /**
     * Opens the recording in {@code dir} for replay under the configuration of {@code universe}.
     *
     * @param speed event time per unit of wall time (1 real time, 60 a minute per second); 0 for full speed
     * @throws RecordingException naming the folder and the fix when it is missing, not a recording, or of another
     *                            format version
     */
    public static RecordedFeed open(final Path dir, final InstrumentUniverse universe, final double speed) {
        final FeedPacer pacer = new FeedPacer(speed);
        final Path folder = RecordingFolder.forReading(dir);
        ChronicleQueue queue = null;
        ExcerptTailer tailer = null;
        try {
            // Read-only: a queue opened for writing would "repair" a damaged recording and hide what happened.
            queue = RecordingFolder.queue(folder, SystemTimeProvider.INSTANCE, true);
            tailer = queue.createTailer();
            final RecordingFormat.Header header;
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    throw RecordingFormat.notARecording(folder);
                }
                header = RecordingFormat.readHeader(document.wire().bytes(), folder);
            }
            return new RecordedFeed(folder, queue, tailer, pacer, header, universe);
        } catch (final RecordingException ex) {
            release(tailer, queue);
            throw ex;
        } catch (final Exception ex) {
            // Chronicle refusing the files throws checked exceptions it does not declare (StreamCorruptedException
            // for a file that is not a queue): say what and where.
            release(tailer, queue);
            throw new RecordingException("cannot read " + folder + " as a recording (" + ex + "): name a folder a"
                + " feed recorder wrote", ex);
        }
    }

    private static void release(final ExcerptTailer tailer, final ChronicleQueue queue) {
        if (tailer != null) {
            tailer.close();
        }
        if (queue != null) {
            queue.close();
        }
    }

    @Override
    public int poll(final TickSink sink, final int limit) {
        if (finished) {
            return 0;
        }
        int delivered = 0;
        while (delivered < limit) {
            if (!pending && !readNext()) {
                finished = true;
                break;
            }
            pending = true;
            if (!pacer.awaitDue(time)) {
                break;
            }
            pending = false;
            delivered += deliver(sink);
        }
        replayed += delivered;
        return delivered;
    }

    /** Reads up to the next call into the fields; false at the end of what was written. */
    private boolean readNext() {
        while (true) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return false;
                }
                documents++;
                if (read(document.wire().bytes())) {
                    callsRead++;
                    return true;
                }
            }
        }
    }

    /** @return true when the document held a call; false for the end record or damage */
    private boolean read(final Bytes<?> in) {
        final long length = in.readRemaining();
        type = length < Integer.BYTES ? NO_TYPE : in.readInt();
        switch (type) {
            case RecordingFormat.TICK:
                if (length != RecordingFormat.TICK_LENGTH) {
                    return damaged(length);
                }
                instrument = in.readInt();
                time = in.readLong();
                bid = in.readLong();
                ask = in.readLong();
                last = in.readLong();
                size = in.readLong();
                sequence = in.readLong();
                return true;
            case RecordingFormat.UNKNOWN_SYMBOL:
                return readUnknownSymbol(in, length);
            case RecordingFormat.SEQUENCE_RESET:
                if (length != RecordingFormat.SEQUENCE_RESET_LENGTH) {
                    return damaged(length);
                }
                instrument = in.readInt();
                return true;
            case RecordingFormat.END:
                if (length != RecordingFormat.END_LENGTH) {
                    return damaged(length);
                }
                in.readSkip(Integer.BYTES);
                endCount = in.readLong();
                ended = true;
                return false;
            default:
                return damaged(length);
        }
    }

    private boolean readUnknownSymbol(final Bytes<?> in, final long length) {
        if (length < RecordingFormat.UNKNOWN_SYMBOL_FIXED) {
            return damaged(length);
        }
        final int characters = in.readInt();
        if (characters < 0 || characters > RecordingFormat.MAX_SYMBOL_CHARS
            || length != RecordingFormat.UNKNOWN_SYMBOL_FIXED + (long)Character.BYTES * characters) {
            return damaged(length);
        }
        time = in.readLong();
        symbol.setLength(0);
        for (int i = 0; i < characters; i++) {
            symbol.append((char)in.readUnsignedShort());
        }
        return true;
    }

    /** Counts a document that is not a whole record; describes the first (allocates, once). */
    private boolean damaged(final long length) {
        damaged++;
        if (firstDamage == null) {
            firstDamage = "document " + documents + " of the recording: " + damage(length);
        }
        return false;
    }

    private String damage(final long length) {
        if (length < Integer.BYTES) {
            return "a document of " + length + " bytes, too short for a record";
        }
        switch (type) {
            case RecordingFormat.TICK:
                return "a tick of " + length + " bytes, expected " + RecordingFormat.TICK_LENGTH;
            case RecordingFormat.UNKNOWN_SYMBOL:
                return "an unknown-symbol record of " + length + " bytes, not the length its symbol needs";
            case RecordingFormat.SEQUENCE_RESET:
                return "a sequence reset of " + length + " bytes, expected " + RecordingFormat.SEQUENCE_RESET_LENGTH;
            case RecordingFormat.END:
                return "an end record of " + length + " bytes, expected " + RecordingFormat.END_LENGTH;
            case RecordingFormat.HEADER:
                return "a second header";
            default:
                return "unknown record type 0x" + Integer.toHexString(type) + " (" + length + " bytes)";
        }
    }

    /** @return 1, or 0 for a sequence reset of an instrument this configuration does not know (nothing to reset) */
    private int deliver(final TickSink sink) {
        if (type == RecordingFormat.UNKNOWN_SYMBOL) {
            sink.onUnknownSymbol(time, symbol);
            return 1;
        }
        if (type == RecordingFormat.SEQUENCE_RESET) {
            final int now = instrument >= 0 && instrument < currentIds.length ? currentIds[instrument]
                : TickSink.UNKNOWN_INSTRUMENT;
            if (now == TickSink.UNKNOWN_INSTRUMENT) {
                return 0;
            }
            sink.onSequenceReset(now);
            return 1;
        }
        final int id = instrument;
        if (id >= 0 && id < currentIds.length) {
            final int now = currentIds[id];
            if (now == TickSink.UNKNOWN_INSTRUMENT) {
                sink.onUnknownSymbol(time, recordedSymbols[id]);
            } else {
                sink.onTick(time, now, bid, ask, last, size, sequence);
            }
            return 1;
        }
        // Unknown when recorded too: keep it unknown rather than land on whichever instrument has that id today.
        sink.onTick(time, id >= 0 && id < currentInstruments ? TickSink.UNKNOWN_INSTRUMENT : id, bid, ask, last,
            size, sequence);
        return 1;
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Calls (ticks, unknown symbols and sequence resets) delivered so far. */
    public long replayed() {
        return replayed;
    }

    /** Documents skipped as not whole records. */
    public long damaged() {
        return damaged;
    }

    /**
     * What was wrong with the recording so far, for people: damaged documents skipped (how many, and the first),
     * and once finished, a missing end record (the recorder crashed) or an end record that counts other than what
     * was read. Null when nothing was.
     */
    public String problems() {
        final StringBuilder text = new StringBuilder();
        if (damaged > 0) {
            text.append(damaged).append(damaged == 1 ? " damaged document" : " damaged documents")
                .append(" skipped, the first ").append(firstDamage);
        }
        if (finished && !ended) {
            text.append(text.length() > 0 ? "; " : "").append("it ends without its end record: the recorder did not"
                + " close (it crashed, or is still recording); replayed up to its last whole record");
        } else if (finished && endCount != callsRead) {
            text.append(text.length() > 0 ? "; " : "").append("its end record counts ").append(endCount)
                .append(" calls recorded, ").append(callsRead).append(" were read");
        }
        return text.length() == 0 ? null : text.toString();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(tailer, queue);
        }
    }
}
