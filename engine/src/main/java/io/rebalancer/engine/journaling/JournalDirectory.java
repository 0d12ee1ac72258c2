package io.rebalancer.engine.journaling;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the journal's folder before anything opens it, so the daemon says what is wrong in one sentence instead
 * of failing later with a stack trace from inside Chronicle.
 */
public final class JournalDirectory {
    /**
     * The least free space the daemon starts with. Chronicle maps the day's file in chunks of tens of megabytes, and
     * a journal that fills the disk mid-session stops the engine: better to refuse at start.
     */
    public static final long MIN_FREE_BYTES = 256L << 20;

    private JournalDirectory() {
    }

    /**
     * @param create whether a missing folder is created (the default location) or refused (a folder the user named,
     *               where a typo must not start a fresh journal beside the real one)
     * @throws JournalException when the folder is missing, not a folder, not writable or short of space
     */
    public static Path check(final Path dir, final boolean create, final long minFreeBytes) {
        final Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            if (!create) {
                throw new JournalException("journal folder " + absolute + " does not exist: create it (mkdir -p "
                    + absolute + ") or name another with --journal");
            }
            try {
                Files.createDirectories(absolute);
            } catch (final IOException ex) {
                throw new JournalException("cannot create the journal folder " + absolute + ": " + ex.getMessage(),
                    ex);
            }
        }
        if (!Files.isDirectory(absolute)) {
            throw new JournalException("journal folder " + absolute + " is a file, not a folder");
        }
        if (!Files.isWritable(absolute) || !Files.isReadable(absolute)) {
            throw new JournalException("journal folder " + absolute + " is not writable by this user: fix its"
                + " permissions or name another with --journal");
        }
        try {
            final FileStore store = Files.getFileStore(absolute);
            final long free = store.getUsableSpace();
            if (free < minFreeBytes) {
                throw new JournalException("journal folder " + absolute + " has " + (free >> 20) + " MB free; the"
                    + " journal needs at least " + (minFreeBytes >> 20) + " MB: free some space or name another"
                    + " folder with --journal");
            }
        } catch (final IOException ex) {
            throw new JournalException("cannot check the free space of " + absolute + ": " + ex.getMessage(), ex);
        }
        return absolute;
    }

    /** Whether the folder holds a journal already (Chronicle's files). */
    public static boolean hasJournal(final Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".cq4"));
        } catch (final IOException ex) {
            return false;
        }
    }
}
