package io.rebalancer.marketdata.csv;

import io.rebalancer.engine.domain.InstrumentUniverse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvFeedsTest {
    private static final InstrumentUniverse SPY_TLT = Universes.of("SPY", "TLT");

    @TempDir
    Path dir;

    private Path write(final String name, final String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldPickTheFormatFromTheHeader() throws IOException {
        try (CsvFeed wide = CsvFeeds.open(write("w.csv", "Date,SPY,TLT\n2020-01-02,1,2\n"), SPY_TLT, 0)) {
            assertInstanceOf(WideCsvSource.class, wide);
            assertEquals(2, RecordingSink.drain(wide, 10).size());
        }
        try (CsvFeed wide = CsvFeeds.open(write("t.csv", "\uFEFFtime,GLD\n"), SPY_TLT, 0)) {
            assertInstanceOf(WideCsvSource.class, wide);
        }
        final Path longFile = write("l.csv", "size,last,ask,bid,Symbol,date\n1,2,3,1,SPY,2020-01-02\n");
        try (CsvFeed ticks = CsvFeeds.open(longFile, SPY_TLT, 60)) {
            assertInstanceOf(LongCsvSource.class, ticks);
            assertEquals("csv long " + longFile + " at 60x", ticks.describe());
        }
    }

    @Test
    void shouldRefuseANegativeSpeedAndAHeaderOfNeitherFormat() throws IOException {
        final Path file = write("w.csv", "date,SPY\n");
        assertThrows(IllegalArgumentException.class, () -> CsvFeeds.open(file, SPY_TLT, -1));
        final String missing = assertThrows(IllegalArgumentException.class,
            () -> CsvFeeds.open(write("m.csv", "timestamp,bid,ask,last,size\n"), SPY_TLT, 0)).getMessage();
        assertTrue(missing.contains("no 'symbol' column"), missing);
        final Path neither = write("n.csv", "ticker,price\nSPY,1\n");
        final String message = assertThrows(IllegalArgumentException.class,
            () -> CsvFeeds.open(neither, SPY_TLT, 0)).getMessage();
        assertTrue(message.contains(neither.toString()) && message.contains("[ticker, price]")
            && message.contains(CsvHeader.WIDE_EXAMPLE) && message.contains(CsvHeader.LONG_EXAMPLE), message);
    }

    @Test
    void shouldCloseTwiceQuietly() throws IOException {
        final CsvFeed feed = CsvFeeds.open(write("w.csv", "date,SPY\n2020-01-02,1\n"), SPY_TLT, 0);
        feed.close();
        feed.close();
    }
}
