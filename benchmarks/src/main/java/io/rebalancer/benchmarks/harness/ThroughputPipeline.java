package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.journaling.ConfigArchive;
import io.rebalancer.engine.journaling.JournalDirectory;
import io.rebalancer.engine.journaling.JournalSession;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.FaultHandler;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One trial's pipeline, wired as {@code DemoRun} wires the daemon's: with a journal, {@link JournalSession#open}
 * on a fresh folder (recovery finds nothing, records the session and the configuration, and hands back the engine
 * and its {@code JournalingHandler} stage); without, the bare {@link Engine} as the stage. Either way the stage is
 * the only consumer of the real {@link EngineTopology} ring. Orders go to a sink that does nothing: none can
 * happen ({@link ClientBook}), and {@link #close} checks that none did.
 * <p>
 * A fresh pipeline per trial, because a journal cannot be deleted while Chronicle maps it: a minute at millions of
 * ticks a second is gigabytes, so each trial's journal goes as soon as the trial ends.
 */
final class ThroughputPipeline implements AutoCloseable {
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /** Positions in different daily files differ by at least this much (no daily file is a terabyte). */
    private static final long CYCLE_WEIGHT = 1L << 40;

    private final Path directory;
    private final JournalSession session;
    private final Engine engine;
    private final EngineTopology topology;
    private final long journalStart;
    private long journalEnd;
    private boolean closed;

    private ThroughputPipeline(final Path directory, final JournalSession session, final Engine engine,
        final EventHandler<InboundEvent> stage, final FaultHandler faults, final EngineConfig config,
        final long journalStart) {
        this.directory = directory;
        this.session = session;
        this.engine = engine;
        this.journalStart = journalStart;
        journalEnd = journalStart;
        topology = new EngineTopology(config.settings().ringSize(), config.settings().waitStrategy(), stage, faults);
    }

    /**
     * Wires and starts a pipeline.
     *
     * @param journalParent where the trial's journal folder is made; null for no journal
     * @param description   recorded as the journal's configuration (the book is built in code, not read from files)
     */
    static ThroughputPipeline start(final EngineConfig config, final Path journalParent, final String description) {
        final ThroughputPipeline pipeline;
        if (journalParent == null) {
            final Engine engine = new Engine(config, NO_ORDERS, NoOpEngineListener.INSTANCE);
            pipeline = new ThroughputPipeline(null, null, engine, engine, engine, config, 0);
        } else {
            final Path directory;
            try {
                directory = Files.createTempDirectory(journalParent, "journal-");
            } catch (final IOException ex) {
                throw new UncheckedIOException("cannot make a journal folder in " + journalParent, ex);
            }
            JournalSession session = null;
            try {
                session = JournalSession.open(JournalDirectory.check(directory, false, JournalDirectory.MIN_FREE_BYTES),
                    List.of(new ConfigArchive.Entry("sustained-throughput.txt",
                        description.getBytes(StandardCharsets.UTF_8))), config, NoOpEngineListener.INSTANCE, NO_ORDERS,
                    0, 0, "sustained throughput: " + description, SystemTimeProvider.INSTANCE);
                pipeline = new ThroughputPipeline(directory, session, session.engine(), session.handler(),
                    session.handler(), config, journalEnd(directory));
            } catch (final RuntimeException ex) {
                if (session != null) {
                    session.close();
                }
                delete(directory);
                throw ex;
            }
        }
        pipeline.topology.start();
        return pipeline;
    }

    InboundPublisher publisher() {
        return topology.publisher();
    }

    RingBuffer<InboundEvent> ring() {
        return topology.ring();
    }

    /** Events the engine's stage has finished with (the ring's gating sequence, plus one); any thread. */
    long consumed() {
        return topology.ring().getMinimumGatingSequence() + 1;
    }

    /** The engine's consumer thread, or null before it runs. */
    Thread engineThread() {
        return topology.engineThread();
    }

    boolean journaling() {
        return directory != null;
    }

    /**
     * Bytes the trial appended to the journal (Chronicle's document headers and index included; the session's first
     * records, written before the first tick, left out); 0 without a journal. Exact once {@link #close} has run.
     */
    long journalBytes() {
        final long bytes = journalEnd - journalStart;
        return bytes >= 0 && bytes < CYCLE_WEIGHT ? bytes : -1;
    }

    /**
     * Where the journal's last document ends in its file, read with a tailer of its own: the byte count of what was
     * appended, headers and index included. Read only while the engine is not writing (before it starts, after it
     * stopped). Chronicle starts a new file each day (UTC); a trial that crosses midnight reads as -1.
     */
    private static long journalEnd(final Path directory) {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory.toFile()).readOnly(true).build();
            ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext document = tailer.readingDocument()) {
                return document.isPresent() ? document.wire().bytes().readLimit()
                    + (long) tailer.cycle() * CYCLE_WEIGHT : 0;
            }
        }
    }

    /** Space left where the journal is written; Long.MAX_VALUE without a journal. */
    long usableSpace() {
        if (directory == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (final IOException ex) {
            return 0;
        }
    }

    /**
     * Drains the ring, stops the engine, closes the journal and deletes it. Once is enough; later calls do nothing.
     *
     * @throws IllegalStateException when the engine did not drain and stop in time (the journal is deleted anyway)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        final boolean stopped;
        try {
            stopped = topology.stop(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (session != null && stopped) {
                journalEnd = journalEnd(directory);
                session.close();
            }
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
        if (!stopped) {
            throw new IllegalStateException("the engine did not drain and stop within " + STOP_TIMEOUT_SECONDS + " s");
        }
    }

    /**
     * After {@link #close}: checks that the trial measured what it meant to: every tick published was booked (and
     * journaled), none refused, no fault, no rebalance, no order.
     *
     * @param published ticks the producer published into this pipeline
     * @throws IllegalStateException when the counts do not add up
     */
    void verify(final long published) {
        final EngineCounters counters = engine.counters();
        final long booked = counters.get(EngineCounters.TICKS);
        final long decisions = counters.get(EngineCounters.REBALANCES) + counters.get(EngineCounters.ORDERS_SENT)
            + counters.get(EngineCounters.FAULTS);
        // A fresh journal numbers inputs from 0, so the last one journaled is one less than the count.
        final long journaled = session == null ? published : session.handler().lastSequence() + 1;
        if (booked != published || journaled != published || counters.totalRejects() != 0 || decisions != 0) {
            throw new IllegalStateException("counts do not add up: published " + published + ", engine booked "
                + booked + ", journaled " + journaled + ", refused " + counters.totalRejects()
                + ", rebalances + orders + faults " + decisions);
        }
    }

    static void delete(final Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot delete " + directory, ex);
        }
    }

    private static final OrderSink NO_ORDERS = new NoOrders();

    /** None can happen ({@link ClientBook}); {@link #close} checks the engine's counters to be sure. */
    private static final class NoOrders implements OrderSink {
        @Override
        public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        }

        @Override
        public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        }

        @Override
        public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
            final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
            final long limitPrice) {
        }

        @Override
        public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
            final int instrumentId, final byte side, final long orderQuantity) {
        }
    }
}
