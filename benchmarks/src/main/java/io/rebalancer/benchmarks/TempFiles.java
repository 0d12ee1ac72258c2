package io.rebalancer.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the temporary folders the I/O benchmarks write their queues and files into. */
final class TempFiles {
    private TempFiles() {
    }

    /** Deletes {@code path} and everything under it; nothing when it does not exist. */
    static void delete(final Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (final Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot delete " + path, ex);
        }
    }
}
