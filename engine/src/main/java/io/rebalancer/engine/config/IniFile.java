package io.rebalancer.engine.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed INI file: its sections by name, in file order. */
final class IniFile {
    private final Path file;
    private final Map<String, IniSection> sections = new LinkedHashMap<>();

    IniFile(final Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The section, or an empty one (line 0) when the file does not have it. */
    IniSection section(final String name) {
        final IniSection section = sections.get(name);
        return section == null ? new IniSection(file, name, 0) : section;
    }

    /** Opens a section; the reader has already rejected unknown and repeated names. */
    IniSection open(final String name, final int line) {
        final IniSection section = new IniSection(file, name, line);
        sections.put(name, section);
        return section;
    }

    /** The section already opened under this name, or null. */
    IniSection existing(final String name) {
        return sections.get(name);
    }
}
