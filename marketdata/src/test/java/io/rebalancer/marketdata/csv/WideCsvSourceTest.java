package io.rebalancer.marketdata.csv;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.csv.RecordingSink.Tick;
import io.rebalancer.marketdata.csv.RecordingSink.Unknown;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WideCsvSourceTest {
    private static final InstrumentUniverse SPY_TLT = Universes.of("SPY", "TLT");
    private static final String TWO_ROWS = "date,SPY,TLT\n2020-01-02,1.5,2.25\n2020-01-03,1.6,2.5\n";

    @TempDir
    Path dir;

    private Path write(final String text) throws IOException {
        return Files.write(dir.resolve("wide.csv"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static long close(final String date) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse(date + "T21:00:00Z"));
    }

    private static Tick tick(final long time, final int instrument, final String last, final long row) {
        return new Tick(time, instrument, 0, 0, Fixed.parse(last), 0, row);
    }

    private static List<Object> replay(final Path file, final InstrumentUniverse universe) {
        return RecordingSink.drain(WideCsvSource.open(file, universe, 0));
    }

    @Test
    void shouldDeliverOneCloseTickPerCellInColumnOrder() throws IOException {
        final List<Object> expected = List.of(
            tick(close("2020-01-02"), 0, "1.5", 1), tick(close("2020-01-02"), 1, "2.25", 1),
            tick(close("2020-01-03"), 0, "1.6", 2), tick(close("2020-01-03"), 1, "2.5", 2));
        assertEquals(expected, replay(write(TWO_ROWS), SPY_TLT));
    }

    @Test
    void shouldReadCrlfTrailingBlankLinesAndQuotedOrSpacedCells() throws IOException {
        final Path file = write("\"date\", SPY ,TLT\r\n2020-01-02,\"1.5\", 2.25 \r\n\r\n2020-01-03,1.6,2.5\r\n"
            + "\r\n \r\n");
        try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0)) {
            final List<Object> events = RecordingSink.drain(source, 256);
            assertEquals(replay(write(TWO_ROWS), SPY_TLT), events);
            assertEquals(0, source.badLines());
        }
    }

    @Test
    void shouldReadLinesStraddlingATinyBuffer() throws IOException {
        final StringBuilder text = new StringBuilder("date,SPY,UNKNOWN,TLT\r\n");
        for (int day = 1; day <= 28; day++) {
            text.append(String.format("2021-02-%02d,%d.123456789,%s,%s\r\n", day, day, day % 4 == 0 ? "" : "7",
                day % 5 == 0 ? "" : day + ".5"));
        }
        final Path file = write(text.toString());
        final List<Object> expected = replay(file, SPY_TLT);
        assertEquals(28 + 21 + 23, expected.size());
        for (int buffer = CsvLineReader.MIN_BUFFER_BYTES; buffer <= 64; buffer++) {
            try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0, LocalTime.of(21, 0), buffer)) {
                assertEquals(expected, RecordingSink.drain(source, 3), "buffer of " + buffer);
                assertEquals(0, source.badLines());
            }
        }
    }

    @Test
    void shouldNumberTicksByRowSoOnlyABlankAfterListingIsAGap() throws IOException {
        final Path file = write("date,SPY,TLT\n2020-01-02,,1\n2020-01-03,,1\n2020-01-06,5,1\n2020-01-07,,1\n"
            + "2020-01-08,6,1\n2020-01-09,7,1\n");
        final List<Object> events = replay(file, SPY_TLT);
        final List<Object> spy = events.stream().filter(e -> ((Tick)e).instrument() == 0).toList();
        assertEquals(List.of(tick(close("2020-01-06"), 0, "5", 3), tick(close("2020-01-08"), 0, "6", 5),
            tick(close("2020-01-09"), 0, "7", 6)), spy);
        final MarketDataEdge edge = edge(2);
        try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0)) {
            while (!source.finished()) {
                source.poll(edge, 256);
            }
        }
        assertEquals(1, edge.faults().count(TickFault.GAP), "the blank on 2020-01-07, not the late listing");
        assertEquals(0, edge.faults().refused());
        assertEquals(9, edge.accepted());
    }

    private static MarketDataEdge edge(final int instruments) {
        // No consumer: with no gating sequence the ring never fills, so the edge publishes every tick at once.
        final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
        return new MarketDataEdge(instruments, new EdgeSettings(0, 0), new InboundPublisher(ring), null);
    }

    @Test
    void shouldReportAnUnknownColumnForEachNonBlankCell() throws IOException {
        final Path file = write("date,SPY,XYZ,TLT\n2020-01-02,1,2,3\n2020-01-03,1.5,,3.5\n2020-01-06,,x,\n");
        final long day1 = close("2020-01-02");
        final long day2 = close("2020-01-03");
        assertEquals(List.of(tick(day1, 0, "1", 1), new Unknown(day1, "XYZ"), tick(day1, 1, "3", 1),
            tick(day2, 0, "1.5", 2), tick(day2, 1, "3.5", 2), new Unknown(close("2020-01-06"), "XYZ")),
            replay(file, SPY_TLT));
    }

    @Test
    void shouldDeliverAnUnreadablePriceAsInvalidForTheEdgeToRefuse() throws IOException {
        final Path file = write("date,SPY,TLT\n2020-01-02,NaN,abc\n2020-01-03,1e3,2\n");
        final List<Object> events = replay(file, SPY_TLT);
        assertEquals(List.of(Fixed.INVALID, Fixed.INVALID, Fixed.INVALID, 2_000_000L),
            events.stream().map(e -> ((Tick)e).last()).toList());
    }

    @Test
    void shouldCountBadLinesKeepTheFirstFewAndGoOn() throws IOException {
        final StringBuilder text = new StringBuilder("date,SPY,TLT\n2020-01-02,1,2\n2020-01-03,1\n"
            + "2020-13-01,1,2\n2020-01-06,1,2,3\n2020-01-07,3,4\n");
        for (int i = 0; i < 10; i++) {
            text.append("not a date,1,2\n");
        }
        text.append("2020-01-08,5,6\n");
        try (WideCsvSource source = WideCsvSource.open(write(text.toString()), SPY_TLT, 0)) {
            final List<Object> events = RecordingSink.drain(source, 256);
            assertEquals(List.of(tick(close("2020-01-02"), 0, "1", 1), tick(close("2020-01-02"), 1, "2", 1),
                tick(close("2020-01-07"), 0, "3", 5), tick(close("2020-01-07"), 1, "4", 5),
                tick(close("2020-01-08"), 0, "5", 16), tick(close("2020-01-08"), 1, "6", 16)), events);
            assertEquals(13, source.badLines());
            final List<String> samples = source.badLineSamples();
            assertEquals(BadLines.SAMPLES, samples.size());
            assertEquals("line 3: " + LineProblem.WRONG_FIELD_COUNT.description() + ": 2020-01-03,1", samples.get(0));
            assertEquals("line 4: " + LineProblem.BAD_TIMESTAMP.description() + ": 2020-13-01,1,2", samples.get(1));
            assertTrue(samples.get(2).startsWith("line 5: "), samples.get(2));
            assertTrue(samples.get(3).startsWith("line 7: "), samples.get(3));
        }
    }

    @Test
    void shouldReadIsoTimestampsInTheTimeColumn() throws IOException {
        final Path file = write("timestamp,SPY\n2024-03-01T14:30:00.25Z,509.13\n2024-03-01 09:30:01-05:00,509.2\n");
        final long first = ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse("2024-03-01T14:30:00.25Z"));
        final long second = ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse("2024-03-01T14:30:01Z"));
        assertEquals(List.of(tick(first, 0, "509.13", 1), tick(second, 0, "509.2", 2)), replay(file, SPY_TLT));
    }

    @Test
    void shouldStampDailyClosesWhereTheCallerSays() throws IOException {
        try (WideCsvSource source = WideCsvSource.open(write(TWO_ROWS), SPY_TLT, 0, LocalTime.of(20, 0))) {
            final Tick first = (Tick)RecordingSink.drain(source, 1).get(0);
            assertEquals(close("2020-01-02") - 3_600_000_000_000L, first.time());
        }
    }

    @Test
    void shouldResumeMidRowWhenThePollLimitEndsIt() throws IOException {
        final Path file = write("date,SPY,X,TLT\n2020-01-02,1,2,3\n2020-01-03,,,\n2020-01-06,4,5,6\n");
        final List<Object> whole = replay(file, SPY_TLT);
        assertEquals(6, whole.size());
        for (int limit = 1; limit <= 4; limit++) {
            try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0)) {
                assertEquals(whole, RecordingSink.drain(source, limit), "limit " + limit);
            }
        }
    }

    @Test
    void shouldHoldARowUntilItIsDue() throws IOException {
        try (WideCsvSource source = WideCsvSource.open(write(TWO_ROWS), SPY_TLT, 1)) {
            final RecordingSink sink = new RecordingSink();
            assertEquals(2, source.poll(sink, 256), "the first row sets the clock");
            assertEquals(0, source.poll(sink, 256), "the next row is a day of event time later, in real time");
            assertFalse(source.finished());
        }
        try (WideCsvSource source = WideCsvSource.open(write(TWO_ROWS), SPY_TLT, 1e15)) {
            assertEquals(4, RecordingSink.drain(source, 256).size());
        }
    }

    @Test
    void shouldDescribeTheFileFormatAndSpeed() throws IOException {
        final Path file = write(TWO_ROWS);
        try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0)) {
            assertEquals("csv wide " + file + " at full speed", source.describe());
            assertEquals(file, source.file());
        }
        try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 60)) {
            assertEquals("csv wide " + file + " at 60x", source.describe());
        }
        try (WideCsvSource source = WideCsvSource.open(file, SPY_TLT, 0.5)) {
            assertEquals("csv wide " + file + " at 0.5x", source.describe());
        }
    }

    @Test
    void shouldRefuseAtOpenWhatIsNotAWideFile() throws IOException {
        assertOpenFails(dir.resolve("missing.csv"), "not found");
        assertOpenFails(write(""), "is empty");
        assertOpenFails(write("\n\n"), "is empty");
        assertOpenFails(write("date\n2020-01-02\n"), "not a wide header");
        assertOpenFails(write("day,SPY\n2020-01-02,1\n"), "not a wide header");
        assertOpenFails(write("date,SPY,TLT,SPY\n"), "two 'SPY' columns");
        assertOpenFails(write("date,SPY,,TLT\n"), "no name for column 3");
        assertOpenFails(write("timestamp,symbol,bid,ask,last,size\n"), "long-format header");
        assertOpenFails(write("date,SPY,bid,ask\n"), "long-format header");
    }

    private void assertOpenFails(final Path file, final String why) {
        final IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
            () -> WideCsvSource.open(file, SPY_TLT, 0).close());
        assertTrue(problem.getMessage().contains(why), problem.getMessage());
        assertTrue(problem.getMessage().contains(file.toString()), problem.getMessage());
    }
}
