package io.rebalancer.engine.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the small INI dialect of the {@code .conf} files, keeping line numbers for messages:
 * {@code [section]} headers, {@code key = value} lines (split at the first {@code =}, both sides trimmed),
 * blank lines and {@code #} comments, either whole-line or trailing after whitespace ({@code a = b # note}).
 * A {@code #} not preceded by whitespace is part of the value. Unknown or repeated sections, keys outside a
 * section and repeated keys are errors, so a typo never silently falls back to a default.
 */
final class IniReader {
    private IniReader() {
    }

    /** Reads and parses {@code file}, allowing only {@code knownSections}. */
    static IniFile read(final Path file, final List<String> knownSections) throws ConfigException {
        return parse(file, ConfigFiles.readLines(file, "it is required here"), knownSections);
    }

    /** Parses already-read lines; {@code file} is only used in messages. */
    static IniFile parse(final Path file, final List<String> lines, final List<String> knownSections)
        throws ConfigException {
        final IniFile ini = new IniFile(file);
        IniSection current = null;
        for (int i = 0; i < lines.size(); i++) {
            final int line = i + 1;
            final String text = stripComment(lines.get(i)).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.charAt(0) == '[') {
                current = openSection(ini, text, line, knownSections);
                continue;
            }
            final int equals = text.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(file, line, "\"" + text
                    + "\" is not a \"key = value\" line, a [section] header or a # comment");
            }
            final String key = text.substring(0, equals).strip();
            final String value = text.substring(equals + 1).strip();
            if (key.isEmpty()) {
                throw new ConfigException(file, line, "a key is missing before the =");
            }
            if (hasWhitespace(key)) {
                throw new ConfigException(file, line, "key \"" + key + "\" contains a space; keys are one word "
                    + "with dashes, e.g. max-price-age");
            }
            if (current == null) {
                throw new ConfigException(file, line, key + " is outside any section; put it below a section "
                    + "header such as [" + knownSections.get(0) + "]");
            }
            current.add(new IniEntry(file, current.name(), key, value, line));
        }
        return ini;
    }

    /** Removes a whole-line comment, or a trailing one that starts with whitespace and {@code #}. */
    static String stripComment(final String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static IniSection openSection(final IniFile ini, final String text, final int line,
                                          final List<String> knownSections) throws ConfigException {
        final Path file = ini.file();
        if (text.charAt(text.length() - 1) != ']') {
            throw new ConfigException(file, line, "section header \"" + text + "\" must end with ]");
        }
        final String name = text.substring(1, text.length() - 1).strip();
        if (!knownSections.contains(name)) {
            final String closest = Suggestions.closest(name, knownSections);
            throw new ConfigException(file, line, "unknown section [" + name + "]"
                + (closest == null ? "." : "; did you mean [" + closest + "]?") + " Sections in this file: ["
                + String.join("], [", knownSections) + "]");
        }
        final IniSection first = ini.existing(name);
        if (first != null) {
            throw new ConfigException(file, line, "[" + name + "] appears twice (first on line " + first.line()
                + "); put all its keys under one [" + name + "] header");
        }
        return ini.open(name, line);
    }

    private static boolean hasWhitespace(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
