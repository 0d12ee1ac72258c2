package io.rebalancer.marketdata.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The team's real price files in {@code shared/data}, found by walking up from the working directory (the module
 * folder under Maven, the repository or a worktree elsewhere). They are never copied into the repository.
 */
final class SharedData {
    static final String ABSENT = "../shared/data is absent: the real-data tests need the team's shared price files"
        + " in a shared/data folder beside the repository";

    private SharedData() {
    }

    /** The folder, or null when no parent of the working directory has one. */
    static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path data = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(data)) {
                return data;
            }
        }
        return null;
    }

    /** Every CSV file in the folder, by name. */
    static List<Path> csvFiles(final Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
