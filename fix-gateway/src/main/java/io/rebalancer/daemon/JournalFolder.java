package io.rebalancer.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Checks a folder given as a journal before a queue is opened on it: opening a Chronicle queue creates what is
 * missing, so a mistyped path would otherwise become a new, empty journal.
 */
final class JournalFolder {
    private JournalFolder() {
    }

    /** What is wrong with {@code dir} as a journal to read, or null when it holds one. */
    static String problem(final Path dir) {
        if (!Files.exists(dir)) {
            return "no such folder: " + dir;
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is a file, not a journal folder";
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(file -> file.getFileName().toString().endsWith(".cq4"))) {
                return "no journal in " + dir + " (no .cq4 files)";
            }
        } catch (final IOException ex) {
            return "cannot list " + dir + ": " + ex.getMessage();
        }
        return null;
    }
}
