package io.rebalancer.engine.journaling;

import io.rebalancer.engine.config.ConfigLoader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configuration files as the journal keeps them (a CONFIG record): the engine file, the instruments and every
 * portfolio file, byte for byte, so a replay runs with exactly the configuration the journal was written with,
 * wherever the files are now and whatever they say today.
 */
public final class ConfigArchive {
    /** One file: its path relative to the configuration folder ("/" separated) and its bytes. */
    public record Entry(String name, byte[] content) {
        @Override
        public boolean equals(final Object other) {
            return other instanceof Entry entry && name.equals(entry.name) && Arrays.equals(content, entry.content);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(content);
        }

        @Override
        public String toString() {
            return name + " (" + content.length + " bytes)";
        }
    }

    private ConfigArchive() {
    }

    /** The files the configuration loader reads from {@code dir}, sorted by name; missing ones are left out. */
    public static List<Entry> read(final Path dir) {
        final List<Entry> entries = new ArrayList<>();
        try {
            add(entries, dir, ConfigLoader.ENGINE_FILE);
            add(entries, dir, ConfigLoader.INSTRUMENTS_FILE);
            final Path portfolios = dir.resolve(ConfigLoader.PORTFOLIOS_FOLDER);
            if (Files.isDirectory(portfolios)) {
                try (Stream<Path> files = Files.list(portfolios)) {
                    for (final Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        add(entries, dir, ConfigLoader.PORTFOLIOS_FOLDER + "/" + file.getFileName());
                    }
                }
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot read the configuration in " + dir + ": " + ex.getMessage(), ex);
        }
        return entries;
    }

    private static void add(final List<Entry> entries, final Path dir, final String name) throws IOException {
        final Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            entries.add(new Entry(name, Files.readAllBytes(file)));
        }
    }

    /** Writes the files into a folder (a fresh temporary one for replay) and returns it. */
    public static Path extractTo(final List<Entry> entries, final Path dir) {
        try {
            for (final Entry entry : entries) {
                final Path file = dir.resolve(entry.name()).normalize();
                if (!file.startsWith(dir)) {
                    throw new IllegalArgumentException("configuration file name leaves the folder: " + entry.name());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, entry.content());
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write the journal's configuration to " + dir + ": " + ex, ex);
        }
        return dir;
    }

    static int recordLength(final List<Entry> entries) {
        int length = JournalRecords.CONFIG_FILES;
        for (final Entry entry : entries) {
            length += 2 * Integer.BYTES + entry.name().getBytes(StandardCharsets.UTF_8).length + entry.content().length;
        }
        return length;
    }

    static void write(final MutableDirectBuffer buffer, final int at, final List<Entry> entries) {
        buffer.putInt(at + JournalRecords.CONFIG_FILE_COUNT, entries.size());
        int position = at + JournalRecords.CONFIG_FILES;
        for (final Entry entry : entries) {
            final byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            buffer.putInt(position, name.length);
            buffer.putInt(position + Integer.BYTES, entry.content().length);
            position += 2 * Integer.BYTES;
            buffer.putBytes(position, name);
            position += name.length;
            buffer.putBytes(position, entry.content());
            position += entry.content().length;
        }
    }

    /** The files of the CONFIG record at {@code at}. */
    public static List<Entry> parse(final DirectBuffer buffer, final int at) {
        final int end = at + buffer.getInt(at + JournalRecords.LENGTH_OFFSET);
        final int count = buffer.getInt(at + JournalRecords.CONFIG_FILE_COUNT);
        final List<Entry> entries = new ArrayList<>(Math.max(0, Math.min(count, 10_000)));
        int position = at + JournalRecords.CONFIG_FILES;
        for (int i = 0; i < count; i++) {
            final int nameLength = buffer.getInt(position);
            final int contentLength = buffer.getInt(position + Integer.BYTES);
            position += 2 * Integer.BYTES;
            if (nameLength < 0 || contentLength < 0 || position + nameLength + contentLength > end) {
                throw new IllegalArgumentException("CONFIG record is malformed at file " + i);
            }
            final byte[] name = new byte[nameLength];
            buffer.getBytes(position, name);
            position += nameLength;
            final byte[] content = new byte[contentLength];
            buffer.getBytes(position, content);
            position += contentLength;
            entries.add(new Entry(new String(name, StandardCharsets.UTF_8), content));
        }
        return entries;
    }
}
