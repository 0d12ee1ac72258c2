package io.rebalancer.marketdata.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvLineReaderTest {
    @TempDir
    Path dir;

    private Path write(final String text) throws IOException {
        return Files.write(dir.resolve("lines.csv"), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every line as text, "#" for an overlong one, with its number checked. */
    private static List<String> lines(final Path file, final int buffer, final int maxLine) {
        final List<String> lines = new ArrayList<>();
        try (CsvLineReader reader = new CsvLineReader(file, buffer, maxLine)) {
            while (reader.next()) {
                assertEquals(lines.size() + 1, reader.lineNumber());
                lines.add(reader.overlong() ? "#" : new String(reader.bytes(), reader.lineStart(),
                    reader.lineEnd() - reader.lineStart(), StandardCharsets.UTF_8));
            }
            assertTrue(!reader.next(), "still at the end");
        }
        return lines;
    }

    @Test
    void shouldReadLfCrlfAndALastLineWithoutNewline() throws IOException {
        final Path file = write("date,SPY\n2020-01-02,1.5\r\n2020-01-03,1.6\n\n  \r\n2020-01-06,1.7");
        final List<String> expected = List.of("date,SPY", "2020-01-02,1.5", "2020-01-03,1.6", "", "  ",
            "2020-01-06,1.7");
        assertEquals(expected, lines(file, 65_536, 65_536));
    }

    @Test
    void shouldReadTheSameLinesWhateverTheBufferSize() throws IOException {
        final StringBuilder text = new StringBuilder("date,SPY,TLT\r\n");
        final List<String> expected = new ArrayList<>(List.of("date,SPY,TLT"));
        for (int i = 0; i < 200; i++) {
            final String line = "2020-01-" + (i % 28 + 1) + "," + i + ".25," + "9".repeat(i % 40);
            expected.add(line);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        final Path file = write(text.toString());
        for (int buffer = CsvLineReader.MIN_BUFFER_BYTES; buffer <= 80; buffer++) {
            assertEquals(expected, lines(file, buffer, 1 << 20), "buffer of " + buffer);
        }
    }

    @Test
    void shouldSkipALineLongerThanTheLimitAndGoOn() throws IOException {
        final Path file = write("a,b\n" + "x".repeat(100) + "\nc,d\n" + "y".repeat(40) + "\r\ne,f");
        assertEquals(List.of("a,b", "#", "c,d", "y".repeat(40), "e,f"), lines(file, 8, 64));
        final Path last = write("a,b\n" + "x".repeat(100));
        assertEquals(List.of("a,b", "#"), lines(last, 8, 64));
    }

    @Test
    void shouldDropAByteOrderMark() throws IOException {
        final Path file = write("\uFEFFDate,MTUM\r\n2014-01-02,52.704\r\n");
        assertEquals(List.of("Date,MTUM", "2014-01-02,52.704"), lines(file, 4, 1024));
        assertEquals(List.of("Date,MTUM", "2014-01-02,52.704"), lines(file, 4096, 4096));
    }

    @Test
    void shouldReadAnEmptyFileAsNoLines() throws IOException {
        assertEquals(List.of(), lines(write(""), 16, 16));
        assertEquals(List.of(""), lines(write("\n"), 16, 16));
    }

    @Test
    void shouldNameAMissingFileAndAFolder() {
        final Path missing = dir.resolve("nope.csv");
        final IllegalArgumentException notFound = assertThrows(IllegalArgumentException.class,
            () -> new CsvLineReader(missing, 16, 16));
        assertTrue(notFound.getMessage().contains("not found") && notFound.getMessage().contains("nope.csv"),
            notFound.getMessage());
        final IllegalArgumentException folder = assertThrows(IllegalArgumentException.class,
            () -> new CsvLineReader(dir, 16, 16));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    }
}
