package io.rebalancer.engine.journaling;

import io.rebalancer.engine.core.Engine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshots of the whole engine, beside the journal in {@code snapshots/}, so a restart restores the latest one
 * and replays only the journal after it: restart time does not grow with the journal.
 * <p>
 * A snapshot file holds where in the journal it was taken (the input sequence, the index of the journal document
 * holding its SNAPSHOT_TAKEN record and the chain value before that record), the configuration's files and the
 * engine's own snapshot ({@link Engine#snapshot}), then a hash of all that. It is written to a temporary file and
 * renamed, so a crash never leaves a partial snapshot under a snapshot's name; one that does not verify is
 * ignored (an older one, or the whole journal, is used instead).
 */
public final class SnapshotStore {
    static final String FOLDER = "snapshots";
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final long MAGIC = 0x5342_4c52_534e_4150L;
    private static final int VERSION = 1;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 8;
    private static final int SEQUENCE_OFFSET = 16;
    private static final int INDEX_OFFSET = 24;
    private static final int CHAIN_OFFSET = 32;
    private static final int SOURCE_SEQUENCE_OFFSET = 40;
    private static final int CONFIG_LENGTH_OFFSET = 48;
    private static final int ENGINE_LENGTH_OFFSET = 52;
    private static final int HEADER_LENGTH = 56;
    /** Snapshots kept: the newest, and one before it should the newest turn out unreadable. */
    private static final int KEEP = 2;

    /** A snapshot read back and verified. */
    public record Snapshot(Path file, long sequence, long documentIndex, long chainBefore, long sourceSequence,
        List<ConfigArchive.Entry> config, DirectBuffer engine, int engineLength) {
    }

    private final Path folder;
    private final UnsafeBuffer buffer;
    private final ByteBuffer bytes;
    private int configLength;
    private int engineAt;
    private int engineLength;

    /**
     * @param capacity the largest snapshot: header, configuration and {@link Engine#maxSnapshotBytes()}
     */
    private SnapshotStore(final Path folder, final int capacity) {
        this.folder = folder;
        bytes = ByteBuffer.allocateDirect(capacity);
        buffer = new UnsafeBuffer(bytes);
    }

    /** The store of the journal in {@code journalDir}, sized for this engine and configuration. */
    public static SnapshotStore of(final Path journalDir, final Engine engine, final List<ConfigArchive.Entry> config) {
        final Path folder = journalDir.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (final IOException ex) {
            throw new JournalException("cannot create the snapshot folder " + folder + ": " + ex.getMessage(), ex);
        }
        return new SnapshotStore(folder, HEADER_LENGTH + ConfigArchive.recordLength(config) + engine.maxSnapshotBytes()
            + Long.BYTES);
    }

    /**
     * Takes the engine's snapshot into memory (on its thread, at the end of a batch): first of two steps, so the
     * journal's SNAPSHOT_TAKEN record can carry the snapshot's length and hash, and the file the record's place.
     *
     * @return the hash of the engine's snapshot ({@link #engineLength()} bytes)
     */
    public long capture(final Engine engine, final List<ConfigArchive.Entry> config) {
        configLength = ConfigArchive.recordLength(config);
        ConfigArchive.write(buffer, HEADER_LENGTH - JournalRecords.CONFIG_FILE_COUNT, config);
        engineAt = HEADER_LENGTH + configLength - JournalRecords.CONFIG_FILE_COUNT;
        engineLength = engine.snapshot(buffer, engineAt);
        return hash(buffer, engineAt, engineLength);
    }

    /** Bytes of the engine's snapshot last captured. */
    public int engineLength() {
        return engineLength;
    }

    /**
     * Writes the snapshot last captured, taken after input {@code sequence}, whose SNAPSHOT_TAKEN record is in
     * journal document {@code documentIndex} after chain value {@code chainBefore}; then keeps only the newest few.
     */
    public void write(final long sequence, final long documentIndex, final long chainBefore,
        final long sourceSequence) {
        buffer.putLong(MAGIC_OFFSET, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION);
        buffer.putLong(SEQUENCE_OFFSET, sequence);
        buffer.putLong(INDEX_OFFSET, documentIndex);
        buffer.putLong(CHAIN_OFFSET, chainBefore);
        buffer.putLong(SOURCE_SEQUENCE_OFFSET, sourceSequence);
        buffer.putInt(CONFIG_LENGTH_OFFSET, configLength);
        buffer.putInt(ENGINE_LENGTH_OFFSET, engineLength);
        final int end = engineAt + engineLength;
        buffer.putLong(end, hash(buffer, 0, end));
        final Path file = folder.resolve(name(sequence));
        final Path partial = folder.resolve(name(sequence) + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            bytes.clear().limit(end + Long.BYTES);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot write snapshot " + partial + ": " + ex.getMessage(), ex);
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot rename snapshot " + partial + ": " + ex.getMessage(), ex);
        }
        prune();
    }

    /** The hash of an engine snapshot, as its SNAPSHOT_TAKEN record carries it. */
    public static long engineHash(final Snapshot snapshot) {
        return hash(snapshot.engine(), 0, snapshot.engineLength());
    }

    /** The snapshots that verify, newest first; ones that do not are skipped (named in {@code skipped}). */
    public static List<Snapshot> readAll(final Path journalDir, final List<String> skipped) {
        final Path folder = journalDir.resolve(FOLDER);
        final List<Snapshot> snapshots = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return snapshots;
        }
        for (final Path file : files(folder)) {
            try {
                snapshots.add(read(file));
            } catch (final IOException | RuntimeException ex) {
                skipped.add(file.getFileName() + ": " + ex.getMessage());
            }
        }
        return snapshots;
    }

    private static Snapshot read(final Path file) throws IOException {
        final byte[] content = Files.readAllBytes(file);
        final UnsafeBuffer in = new UnsafeBuffer(content);
        if (content.length < HEADER_LENGTH + Long.BYTES || in.getLong(MAGIC_OFFSET) != MAGIC) {
            throw new IllegalArgumentException("not a snapshot");
        }
        if (in.getInt(VERSION_OFFSET) != VERSION) {
            throw new IllegalArgumentException("snapshot layout version " + in.getInt(VERSION_OFFSET));
        }
        final int configLength = in.getInt(CONFIG_LENGTH_OFFSET);
        final int engineLength = in.getInt(ENGINE_LENGTH_OFFSET);
        final int engineAt = HEADER_LENGTH + configLength - JournalRecords.CONFIG_FILE_COUNT;
        final long end = (long)engineAt + engineLength;
        if (configLength < JournalRecords.CONFIG_FILES || engineLength < 0 || end + Long.BYTES != content.length) {
            throw new IllegalArgumentException("truncated or malformed");
        }
        if (in.getLong((int)end) != hash(in, 0, (int)end)) {
            throw new IllegalArgumentException("hash does not match its content (damaged)");
        }
        final UnsafeBuffer config = new UnsafeBuffer(new byte[JournalRecords.padded(configLength)]);
        config.putInt(JournalRecords.LENGTH_OFFSET, JournalRecords.padded(configLength));
        config.putBytes(JournalRecords.CONFIG_FILE_COUNT, in, HEADER_LENGTH, configLength
            - JournalRecords.CONFIG_FILE_COUNT);
        return new Snapshot(file, in.getLong(SEQUENCE_OFFSET), in.getLong(INDEX_OFFSET), in.getLong(CHAIN_OFFSET),
            in.getLong(SOURCE_SEQUENCE_OFFSET), ConfigArchive.parse(config, 0), new UnsafeBuffer(content, engineAt,
            engineLength), engineLength);
    }

    /** The hash of {@code length} bytes from {@code offset}: the journal chain's 64-bit mix, word by word. */
    private static long hash(final DirectBuffer in, final int offset, final int length) {
        long hash = RunningHash.GENESIS;
        int at = offset;
        final int end = offset + length;
        for (; at + Long.BYTES <= end; at += Long.BYTES) {
            hash = hash * 31 + RunningHash.mix(in.getLong(at));
        }
        for (; at < end; at++) {
            hash = hash * 31 + RunningHash.mix(in.getByte(at));
        }
        return RunningHash.mix(hash ^ length);
    }

    private void prune() {
        final List<Path> files = files(folder);
        for (int i = KEEP; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (final IOException ex) {
                // An old snapshot left behind costs disk space only.
            }
        }
    }

    /** Snapshot files, newest (highest sequence) first. */
    private static List<Path> files(final Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> path.getFileName().toString().startsWith(PREFIX)
                && path.getFileName().toString().endsWith(SUFFIX)).sorted(Comparator.reverseOrder()).toList();
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot list " + folder + ": " + ex.getMessage(), ex);
        }
    }

    private static String name(final long sequence) {
        return PREFIX + String.format("%020d", sequence) + SUFFIX;
    }
}
