package io.rebalancer.marketdata.recorded;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A recording's folder: checked before Chronicle sees it, so a wrong folder is one sentence naming it and the fix
 * rather than a stack trace from inside Chronicle (which also creates a missing folder even to read it).
 */
final class RecordingFolder {
    private static final String QUEUE_FILE_SUFFIX = ".cq4";

    private RecordingFolder() {
    }

    /** A folder to record into: created if missing, and refused when it holds a recording already. */
    static Path forWriting(final Path dir) {
        final Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new RecordingException(absolute + " is a file, not a folder: name a folder to record into");
        }
        try {
            Files.createDirectories(absolute);
        } catch (final IOException ex) {
            throw new RecordingException("cannot create the recording folder " + absolute + ": " + ex, ex);
        }
        if (hasQueueFiles(absolute)) {
            // Appending would mix two recordings, each with its own header and instrument ids, in one replay.
            throw new RecordingException(absolute + " holds a recording already: name an empty folder, or delete"
                + " that recording first");
        }
        return absolute;
    }

    /** A folder to replay: it must exist and hold Chronicle's files. */
    static Path forReading(final Path dir) {
        final Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new RecordingException("no recording at " + absolute + ": " + (Files.exists(absolute)
                ? "it is a file; name the folder a feed recorder wrote" : "the folder does not exist; check the"
                + " path"));
        }
        if (!hasQueueFiles(absolute)) {
            throw new RecordingException(absolute + " holds no recording (no Chronicle " + QUEUE_FILE_SUFFIX
                + " files): name the folder a feed recorder wrote");
        }
        return absolute;
    }

    /**
     * Rolled daily like the journal: a long live recording stays in files of a day each, and a replay reads across
     * them in order.
     */
    static ChronicleQueue queue(final Path dir, final TimeProvider time, final boolean readOnly) {
        return SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).timeProvider(time)
            .readOnly(readOnly).build();
    }

    private static boolean hasQueueFiles(final Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(QUEUE_FILE_SUFFIX));
        } catch (final IOException ex) {
            throw new RecordingException("cannot list the recording folder " + dir + ": " + ex, ex);
        }
    }
}
