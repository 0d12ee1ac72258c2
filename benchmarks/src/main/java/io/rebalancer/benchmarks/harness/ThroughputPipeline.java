package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.core.EngineCounters;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.pipeline.EngineTopology;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One trial's pipeline: {@link EngineStage}'s engine (the daemon's wiring, behind a fresh journal or bare, no
 * snapshots) as the only consumer of the real {@link EngineTopology} ring. Orders go to a sink that does nothing:
 * none can happen ({@link ClientBook}), and {@link #verify} checks that none did.
 * <p>
 * A fresh pipeline per trial, because a journal cannot be deleted while Chronicle maps it: a minute at millions of
 * ticks a second is gigabytes, so each trial's journal goes as soon as the trial ends.
 */
final class ThroughputPipeline implements AutoCloseable {
    private static final long STOP_TIMEOUT_SECONDS = 30;
    /** Positions in different daily files differ by at least this much (no daily file is a terabyte). */
    private static final long CYCLE_WEIGHT = 1L << 40;

    private final EngineStage stage;
    private final EngineTopology topology;
    private final long journalStart;
    private long journalEnd;
    private boolean closed;

    private ThroughputPipeline(final EngineStage stage, final EngineConfig config, final long journalStart) {
        this.stage = stage;
        this.journalStart = journalStart;
        journalEnd = journalStart;
        topology = new EngineTopology(config.settings().ringSize(), config.settings().waitStrategy(),
            stage.handler(), stage.faults());
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
            pipeline = new ThroughputPipeline(EngineStage.bare(config, NO_ORDERS), config, 0);
        } else {
            final EngineStage stage = EngineStage.journaled(config, NO_ORDERS, journalParent,
                "sustained throughput: " + description, 0);
            try {
                pipeline = new ThroughputPipeline(stage, config, journalEnd(stage.folder()));
            } catch (final RuntimeException ex) {
                stage.close();
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
        return stage.folder() != null;
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
        if (stage.folder() == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Files.getFileStore(stage.folder()).getUsableSpace();
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
        boolean stopped = false;
        try {
            stopped = topology.stop(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (stopped && journaling()) {
                journalEnd = journalEnd(stage.folder());
            }
        } finally {
            if (stopped) {
                stage.close();
            } else if (journaling()) {
                // The engine thread may still be writing: leave the journal open (its mapping with it), delete it.
                EngineStage.delete(stage.folder());
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
        final EngineCounters counters = stage.engine().counters();
        final long booked = counters.get(EngineCounters.TICKS);
        final long decisions = counters.get(EngineCounters.REBALANCES) + counters.get(EngineCounters.ORDERS_SENT)
            + counters.get(EngineCounters.FAULTS);
        final long journaled = journaling() ? stage.inputsJournaled() : published;
        if (booked != published || journaled != published || counters.totalRejects() != 0 || decisions != 0) {
            throw new IllegalStateException("counts do not add up: published " + published + ", engine booked "
                + booked + ", journaled " + journaled + ", refused " + counters.totalRejects()
                + ", rebalances + orders + faults " + decisions);
        }
    }

    private static final OrderSink NO_ORDERS = new NoOrders();

    /** None can happen ({@link ClientBook}); {@link #verify} checks the engine's counters to be sure. */
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
