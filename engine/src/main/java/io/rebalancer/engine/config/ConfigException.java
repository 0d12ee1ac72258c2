package io.rebalancer.engine.config;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A configuration that cannot be used, explained for the person who edits the files: the message names the
 * file, the line when there is one, what is wrong and how to fix it, e.g.
 * {@code config/portfolios/balanced.conf:14: [targets] weights sum to 99.90%; ...}. Start-up prints
 * {@link #getMessage()} and stops, so the message is the whole user-facing text and carries no stack trace.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Transient because {@link Path} is not serializable; the message keeps the location anyway. */
    private final transient Path file;
    private final int line;

    ConfigException(final Path file, final int line, final String detail) {
        this(file, line, detail, null);
    }

    ConfigException(final Path file, final int line, final String detail, final Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail, cause);
        this.file = file;
        this.line = line;
    }

    /** The file or folder at fault, as reached from the folder given to {@link ConfigLoader#load(Path)}. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem is a whole file or folder. */
    public int line() {
        return line;
    }

    /**
     * Runs a domain constructor whose invariants the loader has already checked. Should one still throw, the
     * user gets a located message instead of a stack trace, and the gap in the loader is plain to see.
     */
    static <T> T guard(final Path file, final int line, final Supplier<T> constructor) throws ConfigException {
        try {
            return constructor.get();
        } catch (final IllegalArgumentException ex) {
            throw new ConfigException(file, line, "rejected by the engine: " + ex.getMessage()
                + " (the loader should have explained this; please report it)", ex);
        }
    }
}
