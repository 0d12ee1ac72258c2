package io.rebalancer.engine.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-system access for the loaders, turning every I/O failure into a message that names the path. */
final class ConfigFiles {
    /** The suffix of a portfolio file. */
    static final String PORTFOLIO_SUFFIX = ".conf";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ConfigFiles() {
    }

    /**
     * Reads a UTF-8 text file as lines, dropping a leading byte-order mark (some Windows editors add one).
     *
     * @param whenMissing what to tell the user when the file does not exist
     */
    static List<String> readLines(final Path file, final String whenMissing) throws ConfigException {
        final List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (final NoSuchFileException ex) {
            throw new ConfigException(file, 0, "file not found; " + whenMissing, ex);
        } catch (final CharacterCodingException ex) {
            throw new ConfigException(file, 0, "not UTF-8 text; save it as UTF-8", ex);
        } catch (final IOException ex) {
            throw new ConfigException(file, 0, "cannot be read: " + ex, ex);
        }
        if (!lines.isEmpty() && !lines.get(0).isEmpty() && lines.get(0).charAt(0) == BYTE_ORDER_MARK) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
    }

    /**
     * The {@code *.conf} regular files of the portfolios folder, sorted by file name; other files (notes,
     * editor backups) are ignored.
     */
    static List<Path> portfolioFiles(final Path folder) throws ConfigException {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder, 0, "folder not found; create it and add one " + PORTFOLIO_SUFFIX
                + " file per portfolio");
        }
        final List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing
                .filter(path -> path.getFileName().toString().endsWith(PORTFOLIO_SUFFIX) && Files.isRegularFile(path))
                .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                .toList();
        } catch (final IOException ex) {
            throw new ConfigException(folder, 0, "cannot be listed: " + ex, ex);
        }
        if (files.isEmpty()) {
            throw new ConfigException(folder, 0, "no portfolio files; add at least one " + PORTFOLIO_SUFFIX
                + " file (see config/README.md)");
        }
        return files;
    }

    /** The portfolio's default name: the file name without {@code .conf}. */
    static String baseName(final Path file) {
        final String name = file.getFileName().toString();
        return name.substring(0, name.length() - PORTFOLIO_SUFFIX.length());
    }
}
