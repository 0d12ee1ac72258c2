package io.rebalancer.benchmarks;

import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.fix.LoopbackGateway;
import io.rebalancer.fix.OrderBuilder;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.csv.LongCsvSource;
import io.rebalancer.marketdata.csv.WideCsvSource;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.annotations.Fork;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The I/O benchmarks' baselines do the same job as ours, on the benchmarks' own data and code: the naive CSV parsers
 * deliver exactly the ticks (prices in micros, times, ids, sizes, sequences) our sources deliver; the raw tailer reads
 * as many tick documents, with the same fields, as {@code RecordedFeed} delivers ticks; the raw journal append writes
 * documents of the same length as our journal; and the raw NewOrderSingle reaches the venue with the same fields as
 * ours. Also that the benchmarks' forks open what Chronicle and Agrona need, as every test JVM does.
 */
class IoBenchmarksCheckTest {
    private static final int FIELDS = 7;

    /** Every tick a source delivers, as {time, instrument, bid, ask, last, size, sequence}. */
    private static final class Collect implements TickSink {
        final List<long[]> ticks = new ArrayList<>();

        @Override
        public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
            final long last, final long size, final long sequence) {
            ticks.add(new long[] {timeNanos, instrumentId, bid, ask, last, size, sequence});
        }

        @Override
        public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
            fail("unknown symbol " + symbol);
        }
    }

    private static void assertSameTicks(final Collect ours, final Collect baseline, final int expected) {
        assertEquals(expected, ours.ticks.size(), "ticks delivered by ours");
        assertEquals(expected, baseline.ticks.size(), "ticks delivered by the baseline");
        for (int i = 0; i < expected; i++) {
            final long[] mine = ours.ticks.get(i);
            final long[] theirs = baseline.ticks.get(i);
            assertEquals(FIELDS, mine.length);
            if (!Arrays.equals(mine, theirs)) {
                fail("tick " + i + ": ours " + Arrays.toString(mine) + ", the baseline's " + Arrays.toString(theirs));
            }
        }
    }

    /** {@link JmhDefaults} copies the root pom's {@code jvm.open.flags}, which surefire gives this JVM: none lost. */
    @Test
    void forksOpenWhatEveryTestJvmOpens() {
        final List<String> fork = List.of(JmhDefaults.class.getAnnotation(Fork.class).jvmArgsAppend());
        final List<String> opened = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(arg -> arg.startsWith("--add-") || arg.startsWith("-Dchronicle.")).toList();
        assertFalse(opened.isEmpty(), "run by surefire, with the root pom's jvm.open.flags");
        assertTrue(fork.containsAll(opened), () -> "the forks lack " + opened.stream()
            .filter(arg -> !fork.contains(arg)).toList());
    }

    @Test
    void naiveCsvParsersDeliverTheSameTicksAsOurSources() throws IOException {
        final TickParseBenchmark.CsvFiles files = new TickParseBenchmark.CsvFiles();
        files.write();
        try {
            final Collect ours = new Collect();
            final Collect naive = new Collect();
            final LongCsvSource longSource = LongCsvSource.open(files.longFile, files.universe, 0);
            TickParseBenchmark.ourCsv(longSource, ours);
            TickParseBenchmark.naiveLong(files.longFile, files.ids, naive);
            assertEquals(0, longSource.badLines(), () -> String.valueOf(longSource.badLineSamples()));
            assertSameTicks(ours, naive, TickParseBenchmark.LONG_LINES);

            final Collect oursWide = new Collect();
            final Collect naiveWide = new Collect();
            final WideCsvSource wideSource = WideCsvSource.open(files.wideFile, files.universe, 0);
            TickParseBenchmark.ourCsv(wideSource, oursWide);
            TickParseBenchmark.naiveWide(files.wideFile, files.ids, naiveWide);
            assertEquals(0, wideSource.badLines(), () -> String.valueOf(wideSource.badLineSamples()));
            assertSameTicks(oursWide, naiveWide, TickParseBenchmark.WIDE_TICKS);
        } finally {
            files.delete();
        }
    }

    @Test
    void rawTailerReadsAsManyTicksAsTheRecordedFeedDelivers() throws IOException {
        final TickParseBenchmark.Replay replay = new TickParseBenchmark.Replay();
        final TickParseBenchmark.RawReplay raw = new TickParseBenchmark.RawReplay();
        replay.record();
        try {
            raw.record();
            try {
                final Collect ours = new Collect();
                final Collect floor = new Collect();
                replay.open();
                TickParseBenchmark.ourReplay(replay.feed, ours);
                assertEquals(null, replay.feed.problems());
                replay.close();
                TickParseBenchmark.rawRead(raw.tailer, floor);
                assertSameTicks(ours, floor, TickParseBenchmark.RECORDED_TICKS);
                // A second pass reads them all again: the raw tailer's rewind works.
                final Collect again = new Collect();
                TickParseBenchmark.rawRead(raw.tailer, again);
                assertEquals(TickParseBenchmark.RECORDED_TICKS, again.ticks.size());
            } finally {
                raw.delete();
            }
        } finally {
            replay.delete();
        }
    }

    @Test
    void rawJournalAppendWritesDocumentsOfTheSameLengthAsOurJournal() throws IOException {
        final JournalAppendBenchmark benchmark = new JournalAppendBenchmark();
        final JournalAppendBenchmark.Ticks ticks = new JournalAppendBenchmark.Ticks();
        ticks.setUp();
        final JournalAppendBenchmark.OurJournal ours = new JournalAppendBenchmark.OurJournal();
        final JournalAppendBenchmark.RawQueue raw = new JournalAppendBenchmark.RawQueue();
        ours.open();
        raw.open();
        try {
            ours.nextDay();
            raw.nextDay();
            benchmark.journalTick(ticks, ours);
            benchmark.journalTickBatch64(ticks, ours);
            benchmark.rawAppend(raw);
            benchmark.rawAppendBatch64(raw);
            final List<Long> ourLengths = documentLengths(ours.dir);
            final List<Long> rawLengths = documentLengths(raw.dir);
            assertEquals(List.of((long)JournalRecords.TICK_LENGTH,
                (long)JournalRecords.TICK_LENGTH * JournalAppendBenchmark.BATCH), ourLengths);
            assertEquals(ourLengths, rawLengths);
            final String line = JournalAppendBenchmark.jsonLine(ticks.next(), 7);
            assertTrue(line.startsWith("{\"type\":\"tick\",\"seq\":7,") && line.endsWith("}" + System.lineSeparator()),
                line);
        } finally {
            ours.close();
            raw.close();
        }
    }

    private static List<Long> documentLengths(final Path dir) {
        final List<Long> lengths = new ArrayList<>();
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.toFile()).rollCycle(RollCycles.FAST_DAILY)
            .readOnly(true).build(); ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        return lengths;
                    }
                    lengths.add(document.wire().bytes().readRemaining());
                }
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rawNewOrderSingleReachesTheVenueWithTheSameFieldsAsOurs() throws FieldNotFound {
        try (LoopbackGateway gateway = LoopbackGateway.start(NewOrderSingleBenchmark.SYMBOLS, null, true)) {
            for (int instrument = 0; instrument < NewOrderSingleBenchmark.SYMBOLS.length; instrument++) {
                for (long order = 2L * instrument + 1; order <= 2L * instrument + 2; order++) {
                    final long ourId = 1000 + order;
                    assertEquals(1, gateway.sendOrder(ourId, ourId, instrument, NewOrderSingleBenchmark.side(ourId),
                        NewOrderSingleBenchmark.quantity(instrument),
                        NewOrderSingleBenchmark.PRICE_MICROS[instrument]));
                    final Message ours = gateway.lastReceived();
                    final long rawId = 2000 + order;
                    assertTrue(gateway.session().send(NewOrderSingleBenchmark.rawOrder(rawId, instrument)));
                    final Message raw = gateway.lastReceived();
                    assertSameOrder(ours, Long.toString(ourId), raw, Long.toString(rawId));
                }
            }
            assertEquals(2L * NewOrderSingleBenchmark.SYMBOLS.length, gateway.ordersSent());
            assertEquals(0, gateway.ordersRefused());
        }
    }

    @Test
    void rawNewOrderSingleIsBuiltWithTheSameFieldsAsOurs() throws FieldNotFound {
        final OrderBuilder builder = new OrderBuilder(NewOrderSingleBenchmark.SYMBOLS);
        for (int instrument = 0; instrument < NewOrderSingleBenchmark.SYMBOLS.length; instrument++) {
            for (long order = 2L * instrument + 1; order <= 2L * instrument + 2; order++) {
                final Message ours = builder.newOrder(order, order, instrument, NewOrderSingleBenchmark.side(order),
                    NewOrderSingleBenchmark.quantity(instrument), NewOrderSingleBenchmark.PRICE_MICROS[instrument]);
                final Message raw = NewOrderSingleBenchmark.rawOrder(order, instrument);
                assertSameOrder(ours, Long.toString(order), raw, Long.toString(order));
            }
        }
    }

    private static void assertSameOrder(final Message ours, final String ourId, final Message raw, final String rawId)
        throws FieldNotFound {
        assertEquals(MsgType.ORDER_SINGLE, ours.getHeader().getString(MsgType.FIELD));
        assertEquals(MsgType.ORDER_SINGLE, raw.getHeader().getString(MsgType.FIELD));
        assertEquals(ourId, ours.getString(ClOrdID.FIELD));
        assertEquals(rawId, raw.getString(ClOrdID.FIELD));
        assertEquals(bodyTags(ours), bodyTags(raw), "the fields each sets");
        for (final int tag : new int[] {Symbol.FIELD, Side.FIELD, OrdType.FIELD, TimeInForce.FIELD}) {
            assertEquals(ours.getString(tag), raw.getString(tag), "tag " + tag);
        }
        for (final int tag : new int[] {OrderQty.FIELD, Price.FIELD}) {
            assertEquals(0, new BigDecimal(ours.getString(tag)).compareTo(new BigDecimal(raw.getString(tag))),
                "tag " + tag + ": ours " + ours.getString(tag) + ", raw " + raw.getString(tag));
        }
        assertTrue(ours.isSetField(TransactTime.FIELD) && raw.isSetField(TransactTime.FIELD));
    }

    private static Set<Integer> bodyTags(final Message message) {
        final Set<Integer> tags = new TreeSet<>();
        message.iterator().forEachRemaining(field -> tags.add(field.getTag()));
        return tags;
    }
}
