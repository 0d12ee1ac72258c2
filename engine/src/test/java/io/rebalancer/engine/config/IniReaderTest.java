package io.rebalancer.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IniReaderTest {
    private static final Path FILE = Path.of("test.conf");
    private static final List<String> SECTIONS = List.of("alpha", "beta");

    @TempDir
    Path dir;

    private static IniFile parse(final String... lines) throws ConfigException {
        return IniReader.parse(FILE, List.of(lines), SECTIONS);
    }

    private static String failure(final String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void shouldKeepLineNumbersAndStripWholeLineAndTrailingComments() throws ConfigException {
        final IniFile ini = parse(
            "# header comment",
            "",
            "  [ alpha ]   # trailing on a header",
            "\tone = 1 # trailing",
            "two=2",
            "   # indented comment");

        final IniSection alpha = ini.section("alpha");
        assertEquals(3, alpha.line());
        assertEquals(new IniEntry(FILE, "alpha", "one", "1", 4), alpha.get("one"));
        assertEquals(new IniEntry(FILE, "alpha", "two", "2", 5), alpha.get("two"));
    }

    @Test
    void shouldKeepHashThatIsNotPrecededByWhitespaceAndSplitAtTheFirstEquals() throws ConfigException {
        final IniSection alpha = parse("[alpha]", "colour = red#1", "formula = a=b").section("alpha");

        assertEquals("red#1", alpha.get("colour").value());
        assertEquals("a=b", alpha.get("formula").value());
    }

    @Test
    void shouldGiveAnEmptySectionWithLineZeroWhenTheFileDoesNotHaveIt() throws ConfigException {
        final IniSection beta = parse("[alpha]").section("beta");

        assertFalse(beta.isPresent());
        assertEquals(0, beta.line());
        assertNull(beta.get("anything"));
    }

    @Test
    void shouldDropAByteOrderMarkThatSomeWindowsEditorsWrite() throws IOException, ConfigException {
        final Path file = Files.writeString(dir.resolve("bom.conf"), "\uFEFF[alpha]\nkey = value\n");

        assertEquals("value", IniReader.read(file, SECTIONS).section("alpha").get("key").value());
    }

    @Test
    void shouldRejectHeaderWithoutClosingBracket() {
        assertEquals("test.conf:1: section header \"[alpha\" must end with ]", failure("[alpha"));
    }

    @Test
    void shouldRejectKeyWithSpaces() {
        assertEquals("test.conf:2: key \"ring size\" contains a space; keys are one word with dashes, e.g. "
            + "max-price-age", failure("[alpha]", "ring size = 5"));
    }

    @Test
    void shouldRejectMissingKey() {
        assertEquals("test.conf:2: a key is missing before the =", failure("[alpha]", "= 5"));
    }

    @Test
    void shouldRejectUnknownSectionWithoutSuggestionWhenNothingIsClose() {
        assertEquals("test.conf:1: unknown section [gamma]. Sections in this file: [alpha], [beta]",
            failure("[gamma]"));
    }
}
