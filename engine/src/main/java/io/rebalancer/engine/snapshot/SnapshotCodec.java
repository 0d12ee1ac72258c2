package io.rebalancer.engine.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The field codecs every component's {@code writeTo}/{@code readFrom} uses, so the whole snapshot has one byte order
 * (little-endian, whatever the machine: a snapshot outlives the process and may be read elsewhere) and one width per
 * type: long 8, double 8 (its raw bits, so NaN and -0.0 come back as they were), int 4, byte 1, boolean 1.
 * <p>
 * Each method takes the offset to write or read at and returns the offset just past it, so a component reads as a
 * list of its fields. Arrays are written whole, without a length: the reader's array, built from the same
 * configuration, has the same length (the snapshot header checks the shape). Nothing here allocates.
 */
public final class SnapshotCodec {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SnapshotCodec() {
    }

    public static int putLong(final MutableDirectBuffer buffer, final int offset, final long value) {
        buffer.putLong(offset, value, ORDER);
        return offset + Long.BYTES;
    }

    public static long getLong(final DirectBuffer buffer, final int offset) {
        return buffer.getLong(offset, ORDER);
    }

    public static int putInt(final MutableDirectBuffer buffer, final int offset, final int value) {
        buffer.putInt(offset, value, ORDER);
        return offset + Integer.BYTES;
    }

    public static int getInt(final DirectBuffer buffer, final int offset) {
        return buffer.getInt(offset, ORDER);
    }

    public static int putDouble(final MutableDirectBuffer buffer, final int offset, final double value) {
        return putLong(buffer, offset, Double.doubleToRawLongBits(value));
    }

    public static double getDouble(final DirectBuffer buffer, final int offset) {
        return Double.longBitsToDouble(getLong(buffer, offset));
    }

    public static int putBoolean(final MutableDirectBuffer buffer, final int offset, final boolean value) {
        buffer.putByte(offset, value ? (byte)1 : (byte)0);
        return offset + 1;
    }

    public static boolean getBoolean(final DirectBuffer buffer, final int offset) {
        return buffer.getByte(offset) != 0;
    }

    public static int putLongs(final MutableDirectBuffer buffer, final int offset, final long[] values) {
        int at = offset;
        for (final long value : values) {
            at = putLong(buffer, at, value);
        }
        return at;
    }

    public static int getLongs(final DirectBuffer buffer, final int offset, final long[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = getLong(buffer, offset + i * Long.BYTES);
        }
        return offset + into.length * Long.BYTES;
    }

    public static int putInts(final MutableDirectBuffer buffer, final int offset, final int[] values) {
        int at = offset;
        for (final int value : values) {
            at = putInt(buffer, at, value);
        }
        return at;
    }

    public static int getInts(final DirectBuffer buffer, final int offset, final int[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = getInt(buffer, offset + i * Integer.BYTES);
        }
        return offset + into.length * Integer.BYTES;
    }

    public static int putBytes(final MutableDirectBuffer buffer, final int offset, final byte[] values) {
        buffer.putBytes(offset, values);
        return offset + values.length;
    }

    public static int getBytes(final DirectBuffer buffer, final int offset, final byte[] into) {
        buffer.getBytes(offset, into);
        return offset + into.length;
    }

    public static int putBooleans(final MutableDirectBuffer buffer, final int offset, final boolean[] values) {
        int at = offset;
        for (final boolean value : values) {
            at = putBoolean(buffer, at, value);
        }
        return at;
    }

    public static int getBooleans(final DirectBuffer buffer, final int offset, final boolean[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = getBoolean(buffer, offset + i);
        }
        return offset + into.length;
    }

    /** Bytes of {@code count} longs. */
    public static int longs(final int count) {
        return count * Long.BYTES;
    }

    /** Bytes of {@code count} ints. */
    public static int ints(final int count) {
        return count * Integer.BYTES;
    }
}
