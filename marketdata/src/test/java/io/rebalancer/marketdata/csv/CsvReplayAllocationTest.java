package io.rebalancer.marketdata.csv;

import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import io.rebalancer.marketdata.edge.TickFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replaying a file allocates nothing per line once warm: a large generated wide file and a large long file, each
 * replayed once to warm up and once measured, through the source, a real market-data edge (judged, conflated when
 * the ring is full) and a real Disruptor ring drained by a trivial consumer with a sleeping wait (no busy-spin),
 * measured with the feed thread's allocation counter. Opening a source allocates and is left out.
 */
@Timeout(120)
class CsvReplayAllocationTest {
    private static final int SYMBOLS = 20;
    private static final int WIDE_ROWS = 20_000;
    private static final int LONG_LINES = 300_000;
    private static final int RING = 1024;
    /** The counter's own bookkeeping, not per line: a per-line allocation would show as megabytes. */
    private static final long SLACK_BYTES = 1_024;
    private static final BooleanSupplier NEVER = () -> false;

    @TempDir
    Path dir;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final InstrumentUniverse universe = Universes.of(symbols());
    private Disruptor<InboundEvent> disruptor;
    private InboundPublisher publisher;
    private volatile long consumed;

    private static List<String> symbols() {
        final List<String> symbols = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            symbols.add("S" + i);
        }
        return symbols;
    }

    @BeforeEach
    void startRing() {
        disruptor = new Disruptor<>(InboundEvent::new, RING, DaemonThreadFactory.INSTANCE, ProducerType.MULTI,
            new SleepingWaitStrategy());
        disruptor.handleEventsWith((event, sequence, endOfBatch) -> consumed = consumed + 1);
        disruptor.start();
        publisher = new InboundPublisher(disruptor.getRingBuffer());
    }

    @AfterEach
    void stopRing() throws Exception {
        disruptor.shutdown(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldAllocateNothingPerWideRow() throws IOException {
        final Path file = wideFile();
        final Replay warm = replay(CsvFeeds.open(file, universe, 0));
        final Replay measured = replay(CsvFeeds.open(file, universe, 0));
        assertEquals(warm.ticks, measured.ticks);
        assertTrue(measured.ticks > (long)WIDE_ROWS * SYMBOLS * 9 / 10, measured.ticks + " ticks");
        assertEquals(warm.gaps, measured.gaps);
        assertTrue(measured.gaps > 0, "the blanks after listing were seen as gaps");
        assertEquals(WIDE_ROWS, measured.unknown, "the unknown column, every row");
        assertTrue(measured.allocated < SLACK_BYTES, measured.allocated + " bytes allocated for " + measured.ticks
            + " ticks from " + WIDE_ROWS + " rows");
    }

    @Test
    void shouldAllocateNothingPerLongLine() throws IOException {
        final Path file = longFile();
        // A speed far beyond the file's pace: every tick is due at once, but each goes through the pacer's clock.
        final Replay warm = replay(CsvFeeds.open(file, universe, 1e12));
        final Replay measured = replay(CsvFeeds.open(file, universe, 1e12));
        assertEquals(LONG_LINES, measured.ticks);
        assertEquals(warm.unknown, measured.unknown);
        assertTrue(measured.unknown > 0, "some lines have unknown symbols");
        assertTrue(measured.allocated < SLACK_BYTES, measured.allocated + " bytes allocated for " + LONG_LINES
            + " lines");
    }

    private record Replay(long ticks, long allocated, long gaps, long unknown) {
    }

    /** One whole replay on this thread into a fresh edge; only the replay itself is measured. */
    private Replay replay(final CsvFeed feed) {
        final MarketDataEdge edge = new MarketDataEdge(SYMBOLS, EdgeSettings.defaults(RING), publisher, null);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long ticks = FeedRunner.run(feed, edge, NEVER);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        feed.close();
        assertEquals(0, feed.badLines(), feed.badLineSamples().toString());
        assertEquals(ticks, edge.received());
        assertEquals(edge.faults().count(TickFault.UNKNOWN_SYMBOL), edge.faults().refused(),
            edge.describe(id -> universe.get(id).symbol()));
        assertEquals(edge.accepted(), edge.published() + edge.conflated());
        return new Replay(ticks, allocated, edge.faults().count(TickFault.GAP),
            edge.faults().count(TickFault.UNKNOWN_SYMBOL));
    }

    /**
     * Daily closes with float-export fractions, instruments listed late, a few prices missing after listing, and
     * one column the universe does not know.
     */
    private Path wideFile() throws IOException {
        final Random random = new Random(7);
        final Path file = dir.resolve("wide.csv");
        final double[] prices = startPrices(random);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("date");
            for (int s = 0; s < SYMBOLS; s++) {
                out.write(",S" + s);
                if (s == SYMBOLS / 2) {
                    out.write(",UNKNOWN");
                }
            }
            out.write("\r\n");
            LocalDate date = LocalDate.of(1950, 1, 2);
            for (int row = 0; row < WIDE_ROWS; row++) {
                out.write(date.toString());
                for (int s = 0; s < SYMBOLS; s++) {
                    out.write(',');
                    final boolean listed = row >= s * 50;
                    if (listed && random.nextInt(500) != 0) {
                        prices[s] *= 1 + (random.nextDouble() - 0.5) * 0.02;
                        out.write(Double.toString(prices[s]));
                    }
                    if (s == SYMBOLS / 2) {
                        out.write(",1.25");
                    }
                }
                out.write("\r\n");
                date = date.plusDays(1);
            }
        }
        return file;
    }

    /** Quotes with microsecond ISO times, sizes and sequence numbers; one line in fifty for an unknown symbol. */
    private Path longFile() throws IOException {
        final Random random = new Random(11);
        final Path file = dir.resolve("long.csv");
        final double[] prices = startPrices(random);
        final long[] sequences = new long[SYMBOLS];
        Instant time = Instant.parse("2024-03-01T14:30:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("timestamp,symbol,bid,ask,last,size,seq\n");
            for (int line = 0; line < LONG_LINES; line++) {
                time = time.plusNanos(1_000 + random.nextInt(1_000_000) / 1_000 * 1_000);
                final int s = random.nextInt(SYMBOLS);
                prices[s] *= 1 + (random.nextDouble() - 0.5) * 0.002;
                final long bidCents = Math.round(prices[s] * 100);
                final String symbol = random.nextInt(50) == 0 ? "XYZ" + s : "S" + s;
                out.write(time + "," + symbol + "," + bidCents / 100 + "." + String.format("%02d", bidCents % 100)
                    + "," + (bidCents + 2) / 100 + "." + String.format("%02d", (bidCents + 2) % 100) + ","
                    + (random.nextBoolean() ? "" : Double.toString(prices[s])) + "," + random.nextInt(1_000) + ","
                    + ++sequences[s] + "\n");
            }
        }
        return file;
    }

    private static double[] startPrices(final Random random) {
        final double[] prices = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            prices[s] = 20 + random.nextDouble() * 400;
        }
        return prices;
    }
}
