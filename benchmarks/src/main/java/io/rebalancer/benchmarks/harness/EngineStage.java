package io.rebalancer.benchmarks.harness;

import com.lmax.disruptor.EventHandler;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.journaling.ConfigArchive;
import io.rebalancer.engine.journaling.JournalDirectory;
import io.rebalancer.engine.journaling.JournalSession;
import io.rebalancer.engine.pipeline.FaultHandler;
import io.rebalancer.engine.pipeline.InboundEvent;
import net.openhft.chronicle.core.time.SystemTimeProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The engine's stage on the ring as {@code DemoRun} wires the daemon's, for both harness parts. With a journal:
 * {@link JournalSession#open} on a fresh temporary folder (checked by {@link JournalDirectory} as the daemon checks
 * its own; recovery finds nothing, records the session and the configuration, and hands back the engine and its
 * {@code JournalingHandler}, the stage and fault handler), the order sink behind the journal. Without: {@code new
 * Engine(config, sink, listener)}, as {@code --no-journal} does. The listener is {@link NoOpEngineListener} (the
 * daemon's {@code --quiet} run counts callbacks and prints nothing). The caller puts {@link #handler} on an
 * {@code EngineTopology} and calls {@link #close} once the engine thread has stopped.
 */
final class EngineStage implements AutoCloseable {
    private static final String FOLDER_PREFIX = "rebalancer-harness-journal-";

    private final Path folder;
    private final JournalSession session;
    private final Engine engine;
    private final EventHandler<InboundEvent> handler;
    private final FaultHandler faults;

    private EngineStage(final Path folder, final JournalSession session, final Engine engine,
        final EventHandler<InboundEvent> handler, final FaultHandler faults) {
        this.folder = folder;
        this.session = session;
        this.engine = engine;
        this.handler = handler;
        this.faults = faults;
    }

    /** The bare engine: no journal. */
    static EngineStage bare(final EngineConfig config, final OrderSink orders) {
        final Engine engine = new Engine(config, orders, NoOpEngineListener.INSTANCE);
        return new EngineStage(null, null, engine, engine, engine);
    }

    /**
     * The engine behind a fresh journal in a new folder under {@code parent}.
     *
     * @param description         recorded as the journal's configuration and session (the book is built in code)
     * @param snapshotEveryInputs as the daemon's {@code --snapshot-every}; 0 for none
     */
    static EngineStage journaled(final EngineConfig config, final OrderSink orders, final Path parent,
        final String description, final long snapshotEveryInputs) {
        final Path folder;
        try {
            folder = Files.createTempDirectory(parent, FOLDER_PREFIX);
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot make a journal folder in " + parent, ex);
        }
        try {
            final JournalSession session = JournalSession.open(
                JournalDirectory.check(folder, false, JournalDirectory.MIN_FREE_BYTES),
                List.of(new ConfigArchive.Entry("harness.txt", description.getBytes(StandardCharsets.UTF_8))),
                config, NoOpEngineListener.INSTANCE, orders, snapshotEveryInputs, 0, "harness: " + description,
                SystemTimeProvider.INSTANCE);
            return new EngineStage(folder, session, session.engine(), session.handler(), session.handler());
        } catch (final RuntimeException ex) {
            delete(folder);
            throw ex;
        }
    }

    /** The ring's stage: the engine, or the journaling handler in front of it. */
    EventHandler<InboundEvent> handler() {
        return handler;
    }

    FaultHandler faults() {
        return faults;
    }

    Engine engine() {
        return engine;
    }

    /** The journal's folder; null without a journal. */
    Path folder() {
        return folder;
    }

    /** Inputs journaled so far (a fresh journal numbers them from 0); -1 without a journal. Engine stopped only. */
    long inputsJournaled() {
        return session == null ? -1 : session.handler().lastSequence() + 1;
    }

    /** Closes the journal and deletes its folder; call once the engine thread has stopped. */
    @Override
    public void close() {
        if (session != null) {
            try {
                session.close();
            } finally {
                delete(folder);
            }
        }
    }

    /** Deletes {@code root} and everything under it; nothing when it does not exist. */
    static void delete(final Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot delete " + root, ex);
        }
    }
}
