package io.rebalancer.engine.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one {@code [section]}, in file order. A section absent from the file is represented by an
 * empty instance with line 0, so loaders read absent and empty sections the same way and fall back to defaults.
 */
final class IniSection {
    private final Path file;
    private final String name;
    private final int line;
    private final Map<String, IniEntry> entries = new LinkedHashMap<>();

    IniSection(final Path file, final String name, final int line) {
        this.file = file;
        this.name = name;
        this.line = line;
    }

    Path file() {
        return file;
    }

    String name() {
        return name;
    }

    /** The line of the {@code [section]} header, or 0 when the file has no such section. */
    int line() {
        return line;
    }

    boolean isPresent() {
        return line > 0;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry for {@code key}, or null when the key is not set (use the default). */
    IniEntry get(final String key) {
        return entries.get(key);
    }

    /** Every entry, in file order. */
    Collection<IniEntry> entries() {
        return entries.values();
    }

    /** An error about the section as a whole, located at its header. */
    ConfigException error(final String detail) {
        return new ConfigException(file, line, "[" + name + "] " + detail);
    }

    /** Adds an entry; a key set twice is an error, since only one of the two could win and silently. */
    void add(final IniEntry entry) throws ConfigException {
        final IniEntry first = entries.putIfAbsent(entry.key(), entry);
        if (first != null) {
            throw entry.error("set twice (first on line " + first.line() + "); keep one of the two lines");
        }
    }

    /** Rejects any key not in {@code known}, suggesting the closest known key: typos must not fall back silently. */
    void requireKnownKeys(final List<String> known) throws ConfigException {
        for (final IniEntry entry : entries.values()) {
            if (!known.contains(entry.key())) {
                throw unknownKey(entry, known);
            }
        }
    }

    /** The error for a key that is not one of {@code known}. */
    static ConfigException unknownKey(final IniEntry entry, final List<String> known) {
        final String closest = Suggestions.closest(entry.key(), known);
        return entry.error("unknown key" + (closest == null ? "." : "; did you mean " + closest + "?")
            + " Keys in [" + entry.section() + "]: " + String.join(", ", known));
    }
}
