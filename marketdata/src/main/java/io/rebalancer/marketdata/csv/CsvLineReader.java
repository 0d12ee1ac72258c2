package io.rebalancer.marketdata.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file's lines, one at a time, through one reusable byte buffer: read in chunks from a {@link FileChannel}, a
 * line that straddles two chunks is moved to the buffer's front before the next read, so every line is whole in
 * {@link #bytes()} between {@link #lineStart()} and {@link #lineEnd()} until the next {@link #next()}. LF and CRLF
 * endings, a last line without one, and a UTF-8 byte-order mark (spreadsheets write one) are all read.
 * <p>
 * A line longer than the buffer doubles it, up to {@code maxLineBytes}: a bounded number of allocations over a
 * whole file, none once the longest line has been seen. A longer line is skipped and reported {@link #overlong()}.
 * One thread. The first read is checked for the byte-order mark, so the buffer starts at
 * {@value #MIN_BUFFER_BYTES} bytes or more.
 */
final class CsvLineReader implements AutoCloseable {
    /** Room for a byte-order mark in the first read. */
    static final int MIN_BUFFER_BYTES = 4;
    private final Path file;
    private final FileChannel channel;
    private final int maxLineBytes;
    private byte[] bytes;
    private ByteBuffer buffer;
    /** Unconsumed data is {@code bytes[start, end)}. */
    private int start;
    private int end;
    private boolean endOfFile;
    private boolean firstRead = true;
    private int lineStart;
    private int lineEnd;
    private boolean overlong;
    private long lineNumber;

    /**
     * @throws IllegalArgumentException when the file does not exist or is a folder
     * @throws UncheckedIOException     when it cannot be opened
     */
    CsvLineReader(final Path file, final int bufferBytes, final int maxLineBytes) {
        if (bufferBytes < MIN_BUFFER_BYTES || maxLineBytes < bufferBytes) {
            throw new IllegalArgumentException("buffer of " + bufferBytes + " bytes, lines up to " + maxLineBytes);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder; give the path of a CSV file");
        }
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (final NoSuchFileException missing) {
            throw new IllegalArgumentException("CSV file not found: " + file + " (absolute: "
                + file.toAbsolutePath().normalize() + "); check the path", missing);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot open CSV file " + file + ": " + ex.getMessage()
                + "; check that it is readable", ex);
        }
        bytes = new byte[bufferBytes];
        buffer = ByteBuffer.wrap(bytes);
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the file
     * @throws UncheckedIOException when reading fails (a fatal I/O error, not bad content)
     */
    boolean next() {
        overlong = false;
        int scanned = start;
        while (true) {
            final int newline = indexOfNewline(scanned, end);
            if (newline >= 0) {
                setLine(start, newline);
                start = newline + 1;
                return true;
            }
            if (endOfFile) {
                if (start == end) {
                    return false;
                }
                setLine(start, end);
                start = end;
                return true;
            }
            compact();
            scanned = end;
            if (end == bytes.length && !makeRoom()) {
                skipRestOfLine();
                return true;
            }
            fill();
        }
    }

    private int indexOfNewline(final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void setLine(final int from, final int newline) {
        lineStart = from;
        lineEnd = newline > from && bytes[newline - 1] == '\r' ? newline - 1 : newline;
        lineNumber++;
    }

    /** Moves the unfinished line to the buffer's front, so the next read appends to it. */
    private void compact() {
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    /** The buffer holds only part of one line: double it, or return false past {@code maxLineBytes}. */
    private boolean makeRoom() {
        if (bytes.length >= maxLineBytes) {
            return false;
        }
        final byte[] bigger = new byte[(int)Math.min(maxLineBytes, 2L * bytes.length)];
        System.arraycopy(bytes, 0, bigger, 0, end);
        bytes = bigger;
        buffer = ByteBuffer.wrap(bytes);
        return true;
    }

    /** Drops an overlong line up to and including its newline; it still counts as a line. */
    private void skipRestOfLine() {
        start = 0;
        end = 0;
        int newline = -1;
        while (newline < 0 && !endOfFile) {
            fill();
            newline = indexOfNewline(0, end);
            if (newline < 0) {
                end = 0;
            }
        }
        start = newline < 0 ? end : newline + 1;
        overlong = true;
        lineStart = 0;
        lineEnd = 0;
        lineNumber++;
    }

    private void fill() {
        buffer.limit(bytes.length).position(end);
        try {
            final int read = channel.read(buffer);
            if (read < 0) {
                endOfFile = true;
            } else {
                end += read;
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("reading CSV file " + file + " failed: " + ex.getMessage(), ex);
        }
        if (firstRead) {
            firstRead = false;
            if (end >= 3 && bytes[0] == (byte)0xEF && bytes[1] == (byte)0xBB && bytes[2] == (byte)0xBF) {
                start = 3;
            }
        }
    }

    /** The buffer holding the current line; replaced when it grows, so fetch it after each {@link #next()}. */
    byte[] bytes() {
        return bytes;
    }

    int lineStart() {
        return lineStart;
    }

    /** Just past the line's last character, before its CR or LF. */
    int lineEnd() {
        return lineEnd;
    }

    /** The current line was longer than the longest line allowed, and skipped: its text is empty. */
    boolean overlong() {
        return overlong;
    }

    /** The current line's number in the file, from 1 (the header). */
    long lineNumber() {
        return lineNumber;
    }

    int maxLineBytes() {
        return maxLineBytes;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException ignored) {
            // Read-only: closing loses nothing, and a close that fails cannot be helped by the caller.
        }
    }
}
