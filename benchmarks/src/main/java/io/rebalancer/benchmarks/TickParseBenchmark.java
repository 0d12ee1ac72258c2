package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.FeedRunner;
import io.rebalancer.marketdata.FeedSource;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.csv.LongCsvSource;
import io.rebalancer.marketdata.csv.WideCsvSource;
import io.rebalancer.marketdata.recorded.FeedRecorder;
import io.rebalancer.marketdata.recorded.RecordedFeed;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Ticks read from files, per tick, into a sink that only sums what it is told ({@link Sum}).
 * <p>
 * (a) CSV. Ours: the real sources ({@link LongCsvSource}, one tick per line; {@link WideCsvSource}, one row of
 * daily closes per line and a tick per cell) reading a temporary file of {@value #LONG_LINES} lines (long) or
 * {@value #WIDE_ROWS} rows of {@value #INSTRUMENTS} closes (wide) from the page cache: bytes straight to micros and
 * epoch nanoseconds, the symbol found by its bytes. Beside each, the naive parser of the same file, the blog way:
 * {@link BufferedReader#readLine()} to a {@code String}, {@code split(",")}, {@link Instant#parse} (long) or
 * {@link LocalDate#parse} (wide), {@link Double#parseDouble} times a million rounded to micros, the symbol's id from
 * a boxed {@code HashMap<String, Integer>}. Both deliver exactly the same ticks to the sink (the check test says
 * so). An invocation opens the file, reads it to the end and closes it, so opening (a 64 KB read buffer, the
 * header) is part of the cost, spread over the ticks: under a byte a tick.
 * <p>
 * (b) A recording ({@link FeedRecorder}'s Chronicle queue of {@value #RECORDED_TICKS} ticks, one document each).
 * Ours: {@link RecordedFeed} replaying it at full speed. The floor: a raw Chronicle tailer reading the same
 * documents' fields with no code of ours ({@code rawTailer}). {@link RecordedFeed} has no rewind, so each invocation
 * replays a feed opened (read-only, as the replay tool opens it) in the invocation's set-up, untimed; what opening
 * allocates still counts in B/op, spread over the ticks. The raw tailer rewinds ({@code toStart}) instead.
 * <p>
 * Queues and files live in temporary folders deleted in the trial's tear-down. Run with {@code -prof gc}.
 */
public class TickParseBenchmark extends JmhDefaults {
    static final int INSTRUMENTS = 16;
    static final int LONG_LINES = 100_000;
    static final int WIDE_ROWS = 6_250;
    static final int WIDE_TICKS = WIDE_ROWS * INSTRUMENTS;
    static final int RECORDED_TICKS = 200_000;
    static final String[] SYMBOLS = {"SPY", "TLT", "GLD", "QQQ", "IWM", "EFA", "EEM", "VNQ", "LQD", "HYG", "AGG",
        "DBC", "VTI", "BND", "XLE", "XLF"};
    static final String LONG_HEADER = "timestamp,symbol,bid,ask,last,size,seq";
    /** Where {@link WideCsvSource} stamps a date (a daily close): 21:00 UTC, its default. */
    static final long DAILY_CLOSE_NANOS_OF_DAY = 21L * 3600 * 1_000_000_000L;
    /** The recorded tick's document: type, instrument, then six longs (FeedRecorder's layout). */
    static final int RECORDED_TICK_BYTES = 56;
    /** FeedRecorder's type of a tick record, 'T'. */
    static final int RECORDED_TICK_TYPE = 0x54;

    /** The no-op sink: sums what it is told, so nothing is optimised away, and counts the ticks. */
    public static final class Sum implements TickSink {
        long sum;
        long ticks;

        @Override
        public void onTick(final long timeNanos, final int instrumentId, final long bid, final long ask,
            final long last, final long size, final long sequence) {
            sum += timeNanos + instrumentId + bid + ask + last + size + sequence;
            ticks++;
        }

        @Override
        public void onUnknownSymbol(final long timeNanos, final CharSequence symbol) {
            throw new IllegalStateException("every symbol of the benchmark's files is configured: " + symbol);
        }
    }

    /** The configured instruments, and the naive parser's boxed symbol map. */
    static InstrumentUniverse universe() {
        final List<Instrument> instruments = new ArrayList<>();
        for (int id = 0; id < INSTRUMENTS; id++) {
            instruments.add(new Instrument(id, SYMBOLS[id], 100, 1, 1_000_000_000_000L));
        }
        return new InstrumentUniverse(instruments);
    }

    static Map<String, Integer> symbolIds() {
        final Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < INSTRUMENTS; id++) {
            ids.put(SYMBOLS[id], id);
        }
        return ids;
    }

    /** Both CSV files, written once per trial. */
    @State(Scope.Thread)
    public static class CsvFiles {
        final Sum sink = new Sum();
        final InstrumentUniverse universe = universe();
        final Map<String, Integer> ids = symbolIds();
        Path dir;
        Path longFile;
        Path wideFile;

        @Setup(Level.Trial)
        public void write() throws IOException {
            dir = Files.createTempDirectory("tick-parse-csv");
            longFile = dir.resolve("ticks-long.csv");
            wideFile = dir.resolve("closes-wide.csv");
            try {
                writeLong(longFile, LONG_LINES);
                writeWide(wideFile, WIDE_ROWS);
            } catch (final IOException | RuntimeException ex) {
                TempFiles.delete(dir);
                throw ex;
            }
        }

        @TearDown(Level.Trial)
        public void delete() {
            TempFiles.delete(dir);
        }
    }

    /**
     * A long file: quotes of 16 symbols in turn, a microsecond-stamped UTC time a few hundred microseconds apart,
     * prices in cents wandering around their start, sizes in round lots, a sequence per line.
     */
    static void writeLong(final Path file, final int lines) throws IOException {
        final SplittableRandom random = new SplittableRandom(6);
        final long[] cents = startCents();
        long micros = Instant.parse("2024-03-01T14:30:00Z").toEpochMilli() * 1000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(LONG_HEADER);
            out.write('\n');
            final StringBuilder line = new StringBuilder(80);
            for (int i = 0; i < lines; i++) {
                final int id = i % INSTRUMENTS;
                micros += 1 + random.nextInt(500);
                cents[id] = Math.max(100, cents[id] + random.nextInt(-3, 4));
                final long bid = cents[id];
                final long ask = bid + 1 + random.nextInt(3);
                line.setLength(0);
                line.append(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000)).append(',')
                    .append(SYMBOLS[id]).append(',');
                appendCents(line, bid).append(',');
                appendCents(line, ask).append(',');
                appendCents(line, random.nextBoolean() ? bid : ask).append(',')
                    .append(100 * (1 + random.nextInt(50))).append(',').append(i + 1).append('\n');
                out.append(line);
            }
        }
    }

    /** A wide file: a date per row (consecutive days), then a close with six decimals per symbol. */
    static void writeWide(final Path file, final int rows) throws IOException {
        final SplittableRandom random = new SplittableRandom(7);
        final long[] micros = startCents();
        for (int id = 0; id < INSTRUMENTS; id++) {
            micros[id] *= 10_000;
        }
        LocalDate date = LocalDate.of(2000, 1, 3);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("date," + String.join(",", SYMBOLS));
            out.write('\n');
            final StringBuilder line = new StringBuilder(256);
            for (int row = 0; row < rows; row++) {
                line.setLength(0);
                line.append(date);
                for (int id = 0; id < INSTRUMENTS; id++) {
                    micros[id] = Math.max(1_000_000, micros[id] + random.nextLong(-2_000_000, 2_000_001));
                    line.append(',').append(micros[id] / 1_000_000).append('.');
                    final String fraction = Long.toString(micros[id] % 1_000_000);
                    line.append("000000", fraction.length(), 6).append(fraction);
                }
                out.append(line).append('\n');
                date = date.plusDays(1);
            }
        }
    }

    private static long[] startCents() {
        final long[] cents = new long[INSTRUMENTS];
        for (int id = 0; id < INSTRUMENTS; id++) {
            cents[id] = 2_000 + 3_217L * id;
        }
        return cents;
    }

    private static StringBuilder appendCents(final StringBuilder line, final long cents) {
        line.append(cents / 100).append('.');
        final long fraction = cents % 100;
        return line.append(fraction < 10 ? "0" : "").append(fraction);
    }

    /** Ours: the whole file through the real source, at full speed, as the feed runner polls it. */
    static long ourCsv(final FeedSource source, final TickSink sink) {
        long ticks = 0;
        try (source) {
            while (!source.finished()) {
                ticks += source.poll(sink, FeedRunner.CHUNK);
            }
        }
        return ticks;
    }

    /** The blog way, long format: a String per line, split, java.time, doubles, a boxed map. */
    static long naiveLong(final Path file, final Map<String, Integer> ids, final TickSink sink) throws IOException {
        long ticks = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                final String[] fields = line.split(",");
                final Instant time = Instant.parse(fields[0]);
                final Integer id = ids.get(fields[1]);
                final double bid = Double.parseDouble(fields[2]);
                final double ask = Double.parseDouble(fields[3]);
                final double last = Double.parseDouble(fields[4]);
                sink.onTick(time.getEpochSecond() * 1_000_000_000L + time.getNano(), id, Math.round(bid * 1e6),
                    Math.round(ask * 1e6), Math.round(last * 1e6), Long.parseLong(fields[5]),
                    Long.parseLong(fields[6]));
                ticks++;
            }
        }
        return ticks;
    }

    /** The blog way, wide format: a close per cell, stamped at 21:00 UTC of the row's date, numbered by row. */
    static long naiveWide(final Path file, final Map<String, Integer> ids, final TickSink sink) throws IOException {
        long ticks = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String[] header = reader.readLine().split(",");
            String line;
            long row = 0;
            while ((line = reader.readLine()) != null) {
                row++;
                final String[] fields = line.split(",");
                final long time = LocalDate.parse(fields[0]).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                    * 1_000_000_000L + DAILY_CLOSE_NANOS_OF_DAY;
                for (int column = 1; column < fields.length; column++) {
                    final double close = Double.parseDouble(fields[column]);
                    sink.onTick(time, ids.get(header[column]), 0, 0, Math.round(close * 1e6), 0, row);
                    ticks++;
                }
            }
        }
        return ticks;
    }

    @Benchmark
    @OperationsPerInvocation(LONG_LINES)
    public long csvLong(final CsvFiles files) {
        ourCsv(LongCsvSource.open(files.longFile, files.universe, 0), files.sink);
        return files.sink.sum;
    }

    @Benchmark
    @OperationsPerInvocation(LONG_LINES)
    public long naiveCsvLong(final CsvFiles files) throws IOException {
        naiveLong(files.longFile, files.ids, files.sink);
        return files.sink.sum;
    }

    @Benchmark
    @OperationsPerInvocation(WIDE_TICKS)
    public long csvWide(final CsvFiles files) {
        ourCsv(WideCsvSource.open(files.wideFile, files.universe, 0), files.sink);
        return files.sink.sum;
    }

    @Benchmark
    @OperationsPerInvocation(WIDE_TICKS)
    public long naiveCsvWide(final CsvFiles files) throws IOException {
        naiveWide(files.wideFile, files.ids, files.sink);
        return files.sink.sum;
    }

    /** Records {@code ticks} ticks of 16 instruments into {@code dir} with the real recorder. */
    static void record(final Path dir, final int ticks) {
        final SplittableRandom random = new SplittableRandom(8);
        final long[] mids = startCents();
        final long[] sequences = new long[INSTRUMENTS];
        long time = 1_767_623_400_000_000_000L;
        try (FeedRecorder recorder = FeedRecorder.open(dir, universe(), "TickParseBenchmark", new Sum())) {
            for (int i = 0; i < ticks; i++) {
                final int id = i % INSTRUMENTS;
                time += 1_000 + random.nextInt(100_000);
                mids[id] = Math.max(100, mids[id] + random.nextInt(-3, 4));
                final long mid = mids[id] * 10_000;
                recorder.onTick(time, id, mid - 10_000, mid + 10_000, mid, 100, ++sequences[id]);
            }
        }
    }

    /** A recording, written once per trial, and a feed replaying it opened afresh for each invocation. */
    @State(Scope.Thread)
    public static class Replay {
        final Sum sink = new Sum();
        final InstrumentUniverse universe = universe();
        Path dir;
        RecordedFeed feed;

        @Setup(Level.Trial)
        public void record() throws IOException {
            dir = Files.createTempDirectory("tick-parse-recording");
            try {
                TickParseBenchmark.record(dir.resolve("feed"), RECORDED_TICKS);
            } catch (final RuntimeException ex) {
                TempFiles.delete(dir);
                throw ex;
            }
        }

        @Setup(Level.Invocation)
        public void open() {
            feed = RecordedFeed.open(dir.resolve("feed"), universe, 0);
        }

        @TearDown(Level.Invocation)
        public void close() {
            feed.close();
        }

        @TearDown(Level.Trial)
        public void delete() {
            TempFiles.delete(dir);
        }
    }

    /** The same recording, read by a plain tailer of a read-only queue built as the recorder's. */
    @State(Scope.Thread)
    public static class RawReplay {
        final Sum sink = new Sum();
        Path dir;
        ChronicleQueue queue;
        ExcerptTailer tailer;

        @Setup(Level.Trial)
        public void record() throws IOException {
            dir = Files.createTempDirectory("tick-parse-raw");
            try {
                TickParseBenchmark.record(dir.resolve("feed"), RECORDED_TICKS);
                queue = SingleChronicleQueueBuilder.binary(dir.resolve("feed").toFile())
                    .rollCycle(RollCycles.FAST_DAILY).timeProvider(SystemTimeProvider.INSTANCE).readOnly(true).build();
            } catch (final RuntimeException ex) {
                TempFiles.delete(dir);
                throw ex;
            }
            tailer = queue.createTailer();
        }

        @Setup(Level.Iteration)
        public void takeOver() {
            // The iteration may run on another thread than the set-up: Chronicle checks one thread reads.
            tailer.singleThreadedCheckReset();
        }

        @TearDown(Level.Trial)
        public void delete() {
            tailer.close();
            queue.close();
            TempFiles.delete(dir);
        }
    }

    /** Ours: the whole recording replayed at full speed, as the feed runner polls it. */
    static long ourReplay(final RecordedFeed feed, final TickSink sink) {
        long ticks = 0;
        while (!feed.finished()) {
            ticks += feed.poll(sink, FeedRunner.CHUNK);
        }
        return ticks;
    }

    /** The floor: every document from the start, each tick's fields read in place and handed to the sink. */
    static long rawRead(final ExcerptTailer tailer, final TickSink sink) {
        long ticks = 0;
        tailer.toStart();
        while (true) {
            try (DocumentContext document = tailer.readingDocument()) {
                if (!document.isPresent()) {
                    return ticks;
                }
                final Bytes<?> in = document.wire().bytes();
                if (in.readRemaining() == RECORDED_TICK_BYTES && in.readInt() == RECORDED_TICK_TYPE) {
                    final int instrument = in.readInt();
                    sink.onTick(in.readLong(), instrument, in.readLong(), in.readLong(), in.readLong(),
                        in.readLong(), in.readLong());
                    ticks++;
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDED_TICKS)
    public long recordedFeed(final Replay replay) {
        ourReplay(replay.feed, replay.sink);
        return replay.sink.sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDED_TICKS)
    public long rawTailer(final RawReplay raw) {
        rawRead(raw.tailer, raw.sink);
        return raw.sink.sum;
    }
}
