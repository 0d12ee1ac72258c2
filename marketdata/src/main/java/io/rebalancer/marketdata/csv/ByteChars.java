package io.rebalancer.marketdata.csv;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of bytes as characters, one per byte: how a source hands an unknown symbol to
 * {@link io.rebalancer.marketdata.TickSink#onUnknownSymbol} without making a {@code String} per line. Valid until
 * the next {@link #wrap}; tickers are ASCII, so one byte is one character.
 */
final class ByteChars implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

    ByteChars wrap(final byte[] source, final int from, final int to) {
        bytes = source;
        start = from;
        length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(final int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of " + length);
        }
        return (char)(bytes[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(final int from, final int to) {
        return toString().subSequence(from, to);
    }

    /** Allocates: for a sink that keeps the symbol. */
    @Override
    public String toString() {
        return new String(bytes, start, length, StandardCharsets.UTF_8);
    }
}
