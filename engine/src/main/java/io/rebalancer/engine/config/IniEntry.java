package io.rebalancer.engine.config;

import java.nio.file.Path;

/**
 * One {@code key = value} line of an INI file.
 *
 * @param file    the file it was read from
 * @param section the section it sits in, without brackets
 * @param key     the key, trimmed
 * @param value   the value, trimmed, trailing comment removed; may be empty
 * @param line    its 1-based line number
 */
record IniEntry(Path file, String section, String key, String value, int line) implements SourceValue {
    @Override
    public String text() {
        return value;
    }

    @Override
    public ConfigException error(final String detail) {
        return new ConfigException(file, line, "[" + section + "] " + key + ": " + detail);
    }
}
