package io.rebalancer.engine.config;

/**
 * A value as a person wrote it, and where: an INI {@code key = value} or a CSV field. Value parsers take this
 * rather than a bare string so that every error they raise already names the file, line and key.
 */
interface SourceValue {
    /** The text as written, trimmed. */
    String text();

    /** An error about this value: the location and label are added in front of {@code detail}. */
    ConfigException error(String detail);
}
