package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.csv.RecordingSink.Tick;
import io.rebalancer.marketdata.csv.RecordingSink.Unknown;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A differential test on every real price file in {@code ../shared/data}: the wide source must deliver exactly the
 * ticks and unknown symbols of a slow, obviously right reference parser written here with {@code String.split},
 * {@code BigDecimal} and {@code LocalDate}.
 */
class CsvRealDataTest {
    private static final LocalTime CLOSE = CsvFeeds.DEFAULT_DAILY_CLOSE_UTC;

    @TestFactory
    Stream<DynamicTest> shouldReplayEveryRealFileAsTheReferenceParserReadsIt() {
        final Path folder = SharedData.folder();
        Assumptions.assumeTrue(folder != null, SharedData.ABSENT);
        final List<Path> files = SharedData.csvFiles(folder);
        Assumptions.assumeFalse(files.isEmpty(), SharedData.ABSENT);
        return files.stream().flatMap(file -> Stream.of(
            DynamicTest.dynamicTest(file.getFileName() + ", every symbol known", () -> allKnown(file)),
            DynamicTest.dynamicTest(file.getFileName() + ", half the symbols unknown", () -> halfKnown(file))));
    }

    private static void allKnown(final Path file) throws IOException {
        final InstrumentUniverse universe = Universes.of(symbols(file));
        final List<Object> expected = reference(file, universe);
        assertTrue(expected.stream().allMatch(Tick.class::isInstance), "every symbol is known");
        assertSame(expected, file, universe);
    }

    private static void halfKnown(final Path file) throws IOException {
        final List<String> symbols = symbols(file);
        final List<String> known = new ArrayList<>();
        for (int i = symbols.size() - 1; i >= 0; i -= 2) {
            known.add(symbols.get(i));
        }
        known.add("NOT_IN_THE_FILE");
        final InstrumentUniverse universe = Universes.of(known);
        final List<Object> expected = reference(file, universe);
        assertTrue(expected.stream().anyMatch(Unknown.class::isInstance), "some symbols are unknown");
        assertSame(expected, file, universe);
    }

    /** The source gives the reference's events with the default buffer and with one a line straddles often. */
    private static void assertSame(final List<Object> expected, final Path file, final InstrumentUniverse universe) {
        for (final int buffer : new int[] {CsvFeeds.DEFAULT_BUFFER_BYTES, 100}) {
            try (WideCsvSource source = WideCsvSource.open(file, universe, 0, CLOSE, buffer)) {
                final List<Object> actual = RecordingSink.drain(source, 1_000);
                assertEquals(0, source.badLines(), source.badLineSamples().toString());
                assertEquals(expected.size(), actual.size(), "events of " + file);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), actual.get(i), "event " + i + " of " + file);
                }
            }
        }
    }

    private static List<String> symbols(final Path file) throws IOException {
        final String[] header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0).split(",", -1);
        return Arrays.asList(header).subList(1, header.length);
    }

    /** The slow, plain reading: one event per non-blank cell, numbered by data row. */
    private static List<Object> reference(final Path file, final InstrumentUniverse universe) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final String[] header = lines.get(0).split(",", -1);
        final List<Object> events = new ArrayList<>();
        long row = 0;
        for (final String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            row++;
            final String[] cells = line.split(",", -1);
            assertEquals(header.length, cells.length, "row " + row + " of " + file);
            final long time = TimeUnit.SECONDS.toNanos(LocalDate.parse(cells[0]).atTime(CLOSE)
                .toEpochSecond(ZoneOffset.UTC));
            for (int column = 1; column < cells.length; column++) {
                if (cells[column].isEmpty()) {
                    continue;
                }
                final int id = universe.idOf(header[column]);
                if (id < 0) {
                    events.add(new Unknown(time, header[column]));
                } else {
                    final long last = new BigDecimal(cells[column]).setScale(6, RoundingMode.HALF_UP)
                        .unscaledValue().longValueExact();
                    events.add(new Tick(time, id, 0, 0, last, 0, row));
                }
            }
        }
        return events;
    }
}
