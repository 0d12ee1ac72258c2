package io.rebalancer.engine.journaling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Damage done to a closed journal's files on disk, as a disk, a crash or a hand would do it: finds a record by
 * eight bytes only it holds (a distinctive price) in the Chronicle {@code .cq4} files and changes bytes there.
 * Chronicle's own framing is left alone, so the queue still opens and hands the damaged bytes to the reader.
 */
final class JournalFiles {
    /** Where eight bytes were found: the file and the byte offset in it. */
    record Place(Path file, long position) {
        /** The same file, {@code delta} bytes further on. */
        Place plus(final long delta) {
            return new Place(file, position + delta);
        }
    }

    private JournalFiles() {
    }

    /** The only place the journal's files hold {@code value} (little-endian); fails if it is not exactly one. */
    static Place find(final Path journalDir, final long value) {
        final List<Place> found = new ArrayList<>();
        for (final Path file : cq4Files(journalDir)) {
            final byte[] bytes = read(file);
            final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = 0; at + Long.BYTES <= bytes.length; at++) {
                if (buffer.getLong(at) == value) {
                    found.add(new Place(file, at));
                }
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("expected the value 0x" + Long.toHexString(value) + " once in " + journalDir
                + ", found it at " + found);
        }
        return found.get(0);
    }

    /** The record holding the tick whose bid is {@code bid}: where its first byte is. */
    static Place tickRecord(final Path journalDir, final long bid) {
        final Place price = find(journalDir, bid);
        return price.plus(-JournalRecords.TICK_BID);
    }

    /** Inverts every bit of one byte. */
    static void flip(final Place place) {
        final byte[] one = readBytes(place, 1);
        one[0] = (byte)~one[0];
        write(place, one);
    }

    static void zero(final Place place, final int length) {
        write(place, new byte[length]);
    }

    static byte[] readBytes(final Place place, final int length) {
        try (FileChannel channel = FileChannel.open(place.file(), StandardOpenOption.READ)) {
            final ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, place.position() + buffer.position()) < 0) {
                    throw new AssertionError("end of " + place.file() + " before " + length + " bytes");
                }
            }
            return buffer.array();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(final Place place, final byte[] bytes) {
        try (FileChannel channel = FileChannel.open(place.file(), StandardOpenOption.WRITE)) {
            final ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, place.position() + buffer.position());
            }
            channel.force(false);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<Path> cq4Files(final Path journalDir) {
        try (Stream<Path> files = Files.list(journalDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".cq4")).sorted().toList();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] read(final Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
