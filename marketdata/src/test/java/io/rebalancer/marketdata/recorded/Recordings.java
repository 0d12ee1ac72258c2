package io.rebalancer.marketdata.recorded;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.marketdata.TickSink;
import io.rebalancer.marketdata.synthetic.InstrumentModel;
import io.rebalancer.marketdata.synthetic.MarketModel;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What the recorded-feed tests record: configurations, synthetic markets, a hand-made feed, raw documents. */
final class Recordings {
    static final long START = 1_769_697_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    private static final long CENT = 10_000;

    private Recordings() {
    }

    /** Instruments with these symbols, ids in the order given. */
    static InstrumentUniverse universe(final String... symbols) {
        final List<Instrument> instruments = new ArrayList<>();
        for (int id = 0; id < symbols.length; id++) {
            instruments.add(new Instrument(id, symbols[id], CENT, 1, Fixed.SCALE * 1_000_000));
        }
        return new InstrumentUniverse(instruments);
    }

    /** Uncorrelated instruments with ids 0..n-1, starting near 100, quoted a cent wide or so. */
    static MarketModel market(final int instruments, final long seed, final long intervalNanos) {
        final List<InstrumentModel> models = new ArrayList<>();
        final double[][] correlation = new double[instruments][instruments];
        for (int id = 0; id < instruments; id++) {
            models.add(new InstrumentModel(id, (90 + 5L * id) * Fixed.SCALE, CENT, 0.05, 0.2, 1.0));
            correlation[id][id] = 1;
        }
        return new MarketModel(models, correlation, seed, START, intervalNanos);
    }

    /**
     * A feed of a four-instrument configuration that gives the edge something to judge: numbered and unnumbered
     * ticks, sizes, every kind of bad price, duplicates, a gap, time going backwards, a jump (confirmed, then a bad
     * print), a leap in time, ids no configuration knows, and unknown symbols (one empty, one not ASCII).
     */
    static void handMade(final TickSink sink) {
        long t = START;
        sink.onTick(t, 0, price(100.00), price(100.02), price(100.01), 300, 1);
        sink.onTick(t += SECOND, 1, price(50.00), price(50.01), 0, 0, 1);
        sink.onTick(t += SECOND, 0, price(100.01), price(100.03), price(100.02), 100, 2);
        sink.onTick(t += SECOND, 0, price(100.01), price(100.03), price(100.02), 100, 2);
        sink.onTick(t += SECOND, 0, price(100.02), price(100.04), 0, 0, 5);
        sink.onTick(t += SECOND, 1, Fixed.INVALID, price(50.01), 0, 0, 2);
        sink.onTick(t += SECOND, 1, price(50.02), Fixed.INVALID, Fixed.INVALID, 0, 3);
        sink.onTick(t += SECOND, 1, price(50.05), price(50.01), 0, 0, 4);
        sink.onTick(t += SECOND, 1, price(50.05), price(50.05), 0, 0, 5);
        sink.onTick(t += SECOND, 1, -price(50.05), price(50.06), 0, 0, 6);
        sink.onTick(t += SECOND, 1, 0, 0, 0, 0, 7);
        sink.onUnknownSymbol(t += SECOND, "XYZ");
        sink.onUnknownSymbol(t += SECOND, "");
        sink.onUnknownSymbol(t += SECOND, "NESN\u00e9.SW\u20ac");
        sink.onTick(t += SECOND, 2, 0, 0, price(20.00), 5_000, TickSink.NO_SEQUENCE);
        sink.onTick(t += SECOND, 2, 0, 0, price(20.00), 5_000, TickSink.NO_SEQUENCE);
        sink.onTick(t, 2, 0, 0, price(20.01), 7, TickSink.NO_SEQUENCE);
        sink.onTick(t - 5 * SECOND, 2, 0, 0, price(20.02), 7, TickSink.NO_SEQUENCE);
        sink.onTick(t += SECOND, 3, price(10.00), price(10.01), price(10.00), Long.MAX_VALUE, Long.MAX_VALUE - 9);
        sink.onTick(t += SECOND, 3, price(15.00), price(15.01), 0, 0, Long.MAX_VALUE - 8);
        sink.onTick(t += SECOND, 3, price(15.01), price(15.02), 0, 0, Long.MAX_VALUE - 7);
        sink.onTick(t += SECOND, 3, price(25.00), price(25.01), 0, 0, Long.MAX_VALUE - 6);
        sink.onTick(t += SECOND, 3, price(15.02), price(15.03), 0, 0, Long.MAX_VALUE - 5);
        sink.onTick(t += SECOND, 4, price(1.00), price(1.01), 0, 0, 1);
        sink.onTick(t += SECOND, TickSink.UNKNOWN_INSTRUMENT, price(1.00), price(1.01), 0, 0, 1);
        sink.onTick(t += SECOND, 99, Long.MIN_VALUE, Long.MAX_VALUE, -1, -1, -1);
        sink.onTick(t + SECOND, 0, price(100.03), price(100.05), price(100.04), 0, 6);
        sink.onTick(t + 30 * 86_400 * SECOND, 2, 0, 0, price(20.03), 0, TickSink.NO_SEQUENCE);
        // A fresh snapshot numbers instrument 0 from 1 again: after the reset, 1 is no duplicate.
        sink.onSequenceReset(0);
        sink.onTick(t + 2 * SECOND, 0, price(100.04), price(100.06), price(100.05), 0, 1);
    }

    static long price(final double units) {
        return Fixed.fromDouble(units);
    }

    /** Appends one document of raw bytes to the queue in {@code dir}, as something other than a recorder would. */
    static void appendRaw(final Path dir, final Consumer<Bytes<?>> writer) {
        try (ChronicleQueue queue = RecordingFolder.queue(dir, SystemTimeProvider.INSTANCE, false);
            ExcerptAppender appender = queue.createAppender();
            DocumentContext document = appender.writingDocument()) {
            writer.accept(document.wire().bytes());
        }
    }

    /** A tick record as the recorder writes it, for appending by hand. */
    static void tickRecord(final Bytes<?> out, final long time, final int instrument, final long bid, final long ask) {
        out.writeInt(RecordingFormat.TICK);
        out.writeInt(instrument);
        out.writeLong(time);
        out.writeLong(bid);
        out.writeLong(ask);
        out.writeLong(0);
        out.writeLong(0);
        out.writeLong(TickSink.NO_SEQUENCE);
    }

    /** Every call of {@code feed} into {@code sink}, polled as a runner would, until it finishes. */
    static long replayAll(final RecordedFeed feed, final TickSink sink) {
        long calls = 0;
        while (!feed.finished()) {
            calls += feed.poll(sink, 100);
        }
        return calls;
    }
}
