package io.rebalancer.engine.journaling;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Where records are assembled before they are written: a pre-allocated array that encoders fill in place, each
 * record chained to the one before ({@link RunningHash}). {@link #flush} hands everything assembled so far to the
 * {@link Drain} in one piece (the journal appends it as one Chronicle document; replay compares it), so a burst of
 * ticks costs one append, not one per tick.
 * <p>
 * One thread only (the engine's).
 */
public final class RecordBuffer {
    /** Takes the records assembled so far, bytes [0, length) of {@code bytes}. */
    public interface Drain {
        void drain(byte[] bytes, UnsafeBuffer buffer, int length);
    }

    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final Drain drain;
    private int position;
    private int begun = -1;
    private long chain;
    private long records;

    /**
     * @param capacity the largest batch of records flushed at once, and the largest single record
     * @param chain    the chain value of the record before the first one assembled here
     */
    public RecordBuffer(final int capacity, final long chain, final Drain drain) {
        bytes = new byte[JournalRecords.padded(capacity)];
        buffer = new UnsafeBuffer(bytes);
        this.drain = drain;
        this.chain = chain;
    }

    /**
     * Starts a record, flushing first if it would not fit, and writes its length, type, flags, sequence and time.
     * The caller writes the type's fields at the returned offset plus the layout's field offsets, then calls
     * {@link #end}.
     *
     * @param length the record's length; rounded up to whole words
     * @return where the record starts in {@link #buffer()}
     */
    public int begin(final int type, final int flags, final int length, final long sequence, final long time) {
        final int padded = JournalRecords.padded(length);
        if (padded > bytes.length) {
            throw new IllegalArgumentException("a " + JournalRecords.name(type) + " record of " + length
                + " bytes does not fit the journal's record buffer of " + bytes.length + " bytes");
        }
        if (position + padded > bytes.length) {
            flush();
        }
        final int at = position;
        buffer.setMemory(at, padded, (byte)0);
        buffer.putInt(at + JournalRecords.LENGTH_OFFSET, padded);
        buffer.putShort(at + JournalRecords.TYPE_OFFSET, (short)type);
        buffer.putShort(at + JournalRecords.FLAGS_OFFSET, (short)flags);
        buffer.putLong(at + JournalRecords.SEQUENCE_OFFSET, sequence);
        buffer.putLong(at + JournalRecords.TIME_OFFSET, time);
        begun = at;
        return at;
    }

    /** Seals the record {@link #begin} started: computes and stores its chain value. */
    public void end(final int at) {
        if (at != begun) {
            throw new IllegalStateException("end(" + at + ") does not match begin at " + begun);
        }
        final int length = buffer.getInt(at + JournalRecords.LENGTH_OFFSET);
        chain = RunningHash.next(chain, buffer, at, length);
        buffer.putLong(at + JournalRecords.CHAIN_OFFSET, chain);
        position = at + length;
        begun = -1;
        records++;
    }

    /** Writes UTF-8 text at {@code at}; returns its length in bytes. For rare records only: it allocates. */
    public int putText(final int at, final byte[] text) {
        buffer.putBytes(at, text);
        return text.length;
    }

    /** UTF-8 bytes of a text, for sizing a record before {@link #begin}. */
    public static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Hands every sealed record to the drain; nothing when there is none. */
    public void flush() {
        if (begun >= 0) {
            throw new IllegalStateException("flush inside a record");
        }
        if (position > 0) {
            final int length = position;
            position = 0;
            drain.drain(bytes, buffer, length);
        }
    }

    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** The chain value of the last sealed record. */
    public long chain() {
        return chain;
    }

    /** Records sealed since construction. */
    public long records() {
        return records;
    }
}
