package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.csv.RecordingSink.Tick;
import io.rebalancer.marketdata.csv.RecordingSink.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongCsvSourceTest {
    private static final InstrumentUniverse SPY_TLT = Universes.of("SPY", "TLT");
    private static final String T1 = "2024-03-01T14:30:00Z";
    private static final String T2 = "2024-03-01T14:30:00.000001Z";

    @TempDir
    Path dir;

    private Path write(final String text) throws IOException {
        return Files.write(dir.resolve("long.csv"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static long nanos(final String iso) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse(iso));
    }

    private static Tick tick(final String time, final int instrument, final String bid, final String ask,
        final String last, final long size, final long sequence) {
        return new Tick(nanos(time), instrument, Fixed.parse(bid), Fixed.parse(ask), Fixed.parse(last), size,
            sequence);
    }

    private static List<Object> replay(final Path file) {
        return RecordingSink.drain(LongCsvSource.open(file, SPY_TLT, 0));
    }

    @Test
    void shouldFindColumnsByNameInAnyOrderAndIgnoreOthers() throws IOException {
        final Path file = write("Seq,LAST,symbol,venue,Timestamp,size,ask,bid\n"
            + "1,509.13,SPY,ARCA," + T1 + ",300,509.14,509.12\n"
            + "7,95.5,TLT,ARCA," + T2 + ",10,95.51,95.49\n");
        assertEquals(List.of(tick(T1, 0, "509.12", "509.14", "509.13", 300, 1),
            tick(T2, 1, "95.49", "95.51", "95.5", 10, 7)), replay(file));
    }

    @Test
    void shouldReadBlankFieldsAsNotQuotedAndUnnumbered() throws IOException {
        final Path withSeq = write("timestamp,symbol,bid,ask,last,size,seq\n"
            + T1 + ",SPY,,,509.13,,\n" + T2 + ",SPY,509.12,509.14,,100.0,\n");
        final List<Object> expected = List.of(
            new Tick(nanos(T1), 0, 0, 0, Fixed.parse("509.13"), 0, TickSink.NO_SEQUENCE),
            new Tick(nanos(T2), 0, Fixed.parse("509.12"), Fixed.parse("509.14"), 0, 100, TickSink.NO_SEQUENCE));
        assertEquals(expected, replay(withSeq));
        final Path withoutSeq = write("time,symbol,bid,ask,last,size\n"
            + T1 + ",SPY,,,509.13,\n" + T2 + ",SPY,509.12,509.14,,100\n");
        assertEquals(expected, replay(withoutSeq));
    }

    @Test
    void shouldDeliverUnreadableNumbersAsInvalidAndDailyDatesAtTheClose() throws IOException {
        final Path file = write("date,symbol,bid,ask,last,size\n2024-03-01,SPY,NaN,1.5x,-2,many\n");
        final long close = nanos("2024-03-01T21:00:00Z");
        assertEquals(List.of(new Tick(close, 0, Fixed.INVALID, Fixed.INVALID, -2_000_000L, Fixed.INVALID, 0)),
            replay(file));
    }

    @Test
    void shouldDeliverAnUnknownSymbol() throws IOException {
        final Path file = write("timestamp,symbol,bid,ask,last,size\n"
            + T1 + ",XYZ,1,2,1.5,0\n" + T2 + ",TLT,1,2,1.5,0\n");
        assertEquals(List.of(new Unknown(nanos(T1), "XYZ"), tick(T2, 1, "1", "2", "1.5", 0, 0)), replay(file));
    }

    @Test
    void shouldCountBadLinesKeepTheFirstFewAndGoOn() throws IOException {
        final Path file = write("timestamp,symbol,bid,ask,last,size,seq\n"
            + T1 + ",SPY,1,2,1.5,0,1\n"
            + T1 + ",SPY,1,2,1.5,0\n"
            + "yesterday,SPY,1,2,1.5,0,2\n"
            + T1 + ",,1,2,1.5,0,2\n"
            + T1 + ",SPY,1,2,1.5,0,-3\n"
            + T1 + ",SPY,1,2,1.5,0,3.0\n"
            + "\n"
            + T2 + ",SPY,1,2,1.5,0,2\n");
        try (LongCsvSource source = LongCsvSource.open(file, SPY_TLT, 0)) {
            assertEquals(List.of(tick(T1, 0, "1", "2", "1.5", 0, 1), tick(T2, 0, "1", "2", "1.5", 0, 2)),
                RecordingSink.drain(source, 256));
            assertEquals(5, source.badLines());
            final List<String> samples = source.badLineSamples();
            assertEquals(List.of(
                "line 3: " + LineProblem.WRONG_FIELD_COUNT.description() + ": " + T1 + ",SPY,1,2,1.5,0",
                "line 4: " + LineProblem.BAD_TIMESTAMP.description() + ": yesterday,SPY,1,2,1.5,0,2",
                "line 5: " + LineProblem.BLANK_SYMBOL.description() + ": " + T1 + ",,1,2,1.5,0,2",
                "line 6: " + LineProblem.BAD_SEQUENCE.description() + ": " + T1 + ",SPY,1,2,1.5,0,-3",
                "line 7: " + LineProblem.BAD_SEQUENCE.description() + ": " + T1 + ",SPY,1,2,1.5,0,3.0"), samples);
        }
    }

    @Test
    void shouldReadLinesStraddlingATinyBufferWithCrlf() throws IOException {
        final StringBuilder text = new StringBuilder("timestamp,symbol,bid,ask,last,size,seq\r\n");
        for (int i = 1; i <= 40; i++) {
            text.append(String.format("2024-03-01T14:30:%02d.%dZ,%s,%d.01,%d.03,%s,%d,%s\r\n", i % 60, i,
                i % 3 == 0 ? "XYZ" : i % 2 == 0 ? "SPY" : "TLT", i, i, i % 4 == 0 ? "" : i + ".02", i * 100,
                i % 5 == 0 ? "" : Integer.toString(i)));
        }
        final Path file = write(text.append("\r\n").toString());
        final List<Object> expected = replay(file);
        assertEquals(40, expected.size());
        for (int buffer = CsvLineReader.MIN_BUFFER_BYTES; buffer <= 72; buffer += 3) {
            try (LongCsvSource source = LongCsvSource.open(file, SPY_TLT, 0, LocalTime.of(21, 0), buffer)) {
                assertEquals(expected, RecordingSink.drain(source, 7), "buffer of " + buffer);
                assertEquals(0, source.badLines());
            }
        }
    }

    @Test
    void shouldHoldATickUntilItIsDue() throws IOException {
        final Path file = write("timestamp,symbol,bid,ask,last,size\n2024-03-01T14:30:00Z,SPY,1,2,,\n"
            + "2024-03-01T15:30:00Z,SPY,1,2,,\n");
        try (LongCsvSource source = LongCsvSource.open(file, SPY_TLT, 1)) {
            final RecordingSink sink = new RecordingSink();
            assertEquals(1, source.poll(sink, 256));
            assertEquals(0, source.poll(sink, 256), "an hour of event time later, in real time");
            assertEquals("csv long " + file + " at 1x", source.describe());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"symbol", "bid", "ask", "last", "size"})
    void shouldNameTheFileAndAMissingColumn(final String column) throws IOException {
        final String header = "timestamp,symbol,bid,ask,last,size".replace("," + column, "");
        final Path file = write(header + "\n");
        final IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
            () -> LongCsvSource.open(file, SPY_TLT, 0).close());
        final String message = problem.getMessage();
        assertTrue(message.contains(file.toString()) && message.contains("no '" + column + "' column"), message);
    }

    @Test
    void shouldRefuseAHeaderWithoutOneTimeColumn() throws IOException {
        final Path none = write("when,symbol,bid,ask,last,size\n");
        final String noTime = assertThrows(IllegalArgumentException.class,
            () -> LongCsvSource.open(none, SPY_TLT, 0).close()).getMessage();
        assertTrue(noTime.contains("no 'timestamp' column"), noTime);
        final Path two = write("date,time,symbol,bid,ask,last,size\n");
        final String both = assertThrows(IllegalArgumentException.class,
            () -> LongCsvSource.open(two, SPY_TLT, 0).close()).getMessage();
        assertTrue(both.contains("both 'time' and 'date'"), both);
        final Path twice = write("timestamp,symbol,bid,ask,last,size,bid\n");
        final String duplicate = assertThrows(IllegalArgumentException.class,
            () -> LongCsvSource.open(twice, SPY_TLT, 0).close()).getMessage();
        assertTrue(duplicate.contains("two 'bid' columns"), duplicate);
        final Path wide = write("date,SPY\n");
        final String notLong = assertThrows(IllegalArgumentException.class,
            () -> LongCsvSource.open(wide, SPY_TLT, 0).close()).getMessage();
        assertTrue(notLong.contains("wide-format header"), notLong);
    }
}
