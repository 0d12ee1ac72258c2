package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.PortfolioSpec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.List;

import static io.rebalancer.engine.snapshot.SnapshotCodec.getInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.getLong;
import static io.rebalancer.engine.snapshot.SnapshotCodec.ints;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putInt;
import static io.rebalancer.engine.snapshot.SnapshotCodec.putLong;

/**
 * The head of an engine snapshot, and the checks that refuse a snapshot that does not fit before anything is
 * restored: a magic number, the layout version, the snapshot's length, a checksum of the rest (a snapshot torn by a
 * crash while it was written must not be restored), and the shape of the configuration the state is laid out for.
 * <p>
 * The shape is what a restore would silently misread if it differed: the numbers of portfolios and instruments, the
 * order capacity (the order table's rows), the risk gate's rate window, and each portfolio's assets and the
 * instrument of each slot. Other settings (limits, bands, policies) may differ, as after an operator's edit: the
 * state still fits, and the restored engine decides by the new ones.
 * <p>
 * Bump {@link #VERSION} whenever a component writes a field more or less, or an enum written as its ordinal
 * ({@link OrderState}, {@link CancelReason}, the trading state) changes order: old snapshots are then refused with
 * a clear message instead of misread. A restore also checks that the snapshot is exactly as long as this engine's,
 * which catches a forgotten bump that changed a length.
 */
final class SnapshotHeader {
    /** "RBSN" read as little-endian bytes. */
    static final int MAGIC = 0x4E53_4252;
    static final int VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int LENGTH_OFFSET = 8;
    static final int CHECKSUM_OFFSET = 12;
    /** Where the shape starts; the checksum covers everything from here to the end. */
    static final int SHAPE_OFFSET = 20;
    private static final long SEED = 0x5EED_5AFE_C0DE_F00DL;
    private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;

    /** The shape of this engine's configuration, and how to name each entry in a mismatch (a format for the value). */
    private final int[] shape;
    private final String[] names;

    SnapshotHeader(final EngineConfig config, final int rateWindow) {
        final List<Integer> values = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        add(values, labels, config.portfolios().size(), "%d portfolios");
        add(values, labels, config.universe().size(), "%d instruments");
        add(values, labels, config.settings().orderCapacity(), "an order capacity of %d");
        add(values, labels, rateWindow, "a risk limit of %d orders per second");
        for (final PortfolioSpec spec : config.portfolios()) {
            add(values, labels, spec.assets(), "portfolio " + spec.id() + " with %d assets");
            for (int slot = 0; slot < spec.assets(); slot++) {
                add(values, labels, spec.instrumentIds()[slot],
                    "portfolio " + spec.id() + " slot " + slot + " on instrument %d");
            }
        }
        shape = values.stream().mapToInt(Integer::intValue).toArray();
        names = labels.toArray(new String[0]);
    }

    private static void add(final List<Integer> values, final List<String> labels, final int value,
        final String label) {
        values.add(value);
        labels.add(label);
    }

    /** Bytes of the header, shape included. */
    int length() {
        return SHAPE_OFFSET + ints(shape.length);
    }

    /**
     * Writes the header with its length and checksum still open, which {@link #seal} fills in once the state is
     * written.
     *
     * @return the offset just past the header
     */
    int writeTo(final MutableDirectBuffer buffer, final int offset) {
        putInt(buffer, offset + MAGIC_OFFSET, MAGIC);
        putInt(buffer, offset + VERSION_OFFSET, VERSION);
        putInt(buffer, offset + LENGTH_OFFSET, 0);
        putLong(buffer, offset + CHECKSUM_OFFSET, 0);
        int at = offset + SHAPE_OFFSET;
        for (final int value : shape) {
            at = putInt(buffer, at, value);
        }
        return at;
    }

    /** Completes the header of the snapshot written from {@code offset} up to {@code end}. */
    static void seal(final MutableDirectBuffer buffer, final int offset, final int end) {
        putInt(buffer, offset + LENGTH_OFFSET, end - offset);
        putLong(buffer, offset + CHECKSUM_OFFSET, checksum(buffer, offset + SHAPE_OFFSET, end));
    }

    /**
     * Refuses, before anything is restored, a snapshot that is not whole or not laid out for this engine.
     *
     * @param expectedLength how long this engine's snapshots are
     * @return the offset just past the header, where the state starts
     * @throws IllegalArgumentException saying what does not fit
     */
    int check(final DirectBuffer buffer, final int offset, final int length, final int expectedLength) {
        if (offset < 0 || length < 0 || length > buffer.capacity() - offset) {
            throw new IllegalArgumentException("snapshot of " + length + " bytes at offset " + offset
                + " does not lie within the buffer's " + buffer.capacity() + " bytes");
        }
        if (length < SHAPE_OFFSET) {
            throw new IllegalArgumentException("snapshot truncated: " + length + " bytes, its header alone takes "
                + SHAPE_OFFSET);
        }
        final int magic = getInt(buffer, offset + MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw new IllegalArgumentException("not an engine snapshot: it starts with 0x" + Integer.toHexString(magic)
                + ", a snapshot with 0x" + Integer.toHexString(MAGIC));
        }
        final int version = getInt(buffer, offset + VERSION_OFFSET);
        if (version != VERSION) {
            throw new IllegalArgumentException("snapshot layout version " + version + ", this engine reads version "
                + VERSION);
        }
        final int written = getInt(buffer, offset + LENGTH_OFFSET);
        if (written > length) {
            throw new IllegalArgumentException("snapshot truncated: it is " + written + " bytes long, the buffer holds "
                + length);
        }
        if (written < SHAPE_OFFSET
            || getLong(buffer, offset + CHECKSUM_OFFSET) != checksum(buffer, offset + SHAPE_OFFSET, offset + written)) {
            throw new IllegalArgumentException("snapshot corrupt: its " + written + " bytes do not match its checksum");
        }
        final int end = offset + written;
        int at = offset + SHAPE_OFFSET;
        for (int i = 0; i < shape.length; i++, at += Integer.BYTES) {
            if (at + Integer.BYTES > end) {
                throw new IllegalArgumentException("snapshot truncated: it ends inside its header");
            }
            final int value = getInt(buffer, at);
            if (value != shape[i]) {
                throw new IllegalArgumentException("snapshot has " + String.format(names[i], value) + ", config has "
                    + shape[i]);
            }
        }
        if (written != expectedLength) {
            throw new IllegalArgumentException("snapshot is " + written + " bytes long, but this engine's are "
                + expectedLength + ": written by a build with another layout under the same version " + VERSION);
        }
        return at;
    }

    /**
     * A 64-bit multiply-xorshift hash of the bytes: enough to tell a torn or damaged snapshot from a whole one (not
     * a defence against tampering). Allocates nothing.
     */
    static long checksum(final DirectBuffer buffer, final int from, final int to) {
        long hash = SEED;
        int at = from;
        for (; at + Long.BYTES <= to; at += Long.BYTES) {
            hash = mix(hash ^ getLong(buffer, at));
        }
        for (; at < to; at++) {
            hash = mix(hash ^ buffer.getByte(at));
        }
        return mix(hash ^ (to - from));
    }

    private static long mix(final long value) {
        final long product = value * MULTIPLIER;
        return product ^ (product >>> 29);
    }
}
