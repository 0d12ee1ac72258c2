package io.rebalancer.engine.config;

import java.nio.file.Path;

/**
 * One field of a CSV line, labelled for messages (e.g. {@code SPY tick-size}).
 *
 * @param file  the file it was read from
 * @param line  its 1-based line number
 * @param label what the field is, for messages
 * @param text  the field, trimmed
 */
record CsvField(Path file, int line, String label, String text) implements SourceValue {
    @Override
    public ConfigException error(final String detail) {
        return new ConfigException(file, line, label + ": " + detail);
    }
}
