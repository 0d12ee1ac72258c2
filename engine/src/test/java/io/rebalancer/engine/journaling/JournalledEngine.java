package io.rebalancer.engine.journaling;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.Engine;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * An engine journaling to a real Chronicle Queue in a test's folder, driven on the test thread through the same
 * {@link JournalingHandler} the daemon puts on the ring, with a small venue that answers every order in the next
 * batch (acknowledgement, partial fills, some rejects, every cancel and replace accepted). The shipped
 * configuration (three portfolios) is copied so a test may change it.
 */
final class JournalledEngine implements OrderSink, AutoCloseable {
    static final long T0 = 1_700_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;

    final Path config;
    final Path journalDir;
    final EngineConfig engineConfig;
    /** The journal when written directly, null when a {@link JournalSession} owns it. */
    final Journal journal;
    final JournalSession session;
    final Engine engine;
    final JournalingHandler handler;
    private final InboundEvent event = new InboundEvent();
    private final List<long[]> toAnswer = new ArrayList<>();
    private final Random random;
    private final long[] mids;
    private long ringSequence;
    private long ordersSeen;
    /** The order at which {@link #crashAtOrder} crashes, 0 for never. */
    private long crashAt;
    private long time = T0;
    private long executionId;

    JournalledEngine(final Path root, final long seed) {
        this(copyShippedConfig(root.resolve("config")), root.resolve("journal"), seed, SystemTimeProvider.INSTANCE);
    }

    JournalledEngine(final Path config, final Path journalDir, final long seed, final TimeProvider clock) {
        this.config = config;
        this.journalDir = journalDir;
        engineConfig = load(config);
        session = null;
        journal = Journal.open(journalDir, RunningHash.GENESIS, clock);
        journal.sessionStart(-1, 0, 0, -1, "test seed " + seed);
        journal.config(-1, 0, ConfigArchive.read(config));
        final DecisionJournal decisions = new DecisionJournal(journal.records(), NoOpEngineListener.INSTANCE, this);
        engine = new Engine(engineConfig, decisions, decisions);
        handler = new JournalingHandler(engine, journal.records(), decisions, 0, SnapshotPolicy.NEVER);
        random = new Random(seed);
        mids = new long[engineConfig.universe().size()];
        for (int id = 0; id < mids.length; id++) {
            mids[id] = (50 + random.nextInt(400)) * Fixed.SCALE;
        }
    }

    /** A daemon's session: opens (recovering) the journal in {@code journalDir} with the configuration in it. */
    JournalledEngine(final Path config, final Path journalDir, final long seed, final long snapshotEvery) {
        this(config, journalDir, seed, snapshotEvery, 0, SystemTimeProvider.INSTANCE);
    }

    /** As above, keeping {@code retainDays} of daily files, the days told by {@code clock}. */
    JournalledEngine(final Path config, final Path journalDir, final long seed, final long snapshotEvery,
        final int retainDays, final TimeProvider clock) {
        this.config = config;
        this.journalDir = journalDir;
        engineConfig = load(config);
        journal = null;
        session = JournalSession.open(journalDir, ConfigArchive.read(config), engineConfig,
            NoOpEngineListener.INSTANCE, this, snapshotEvery, retainDays, "test seed " + seed, clock);
        engine = session.engine();
        handler = session.handler();
        random = new Random(seed);
        time = Math.max(T0, engine.now());
        mids = new long[engineConfig.universe().size()];
        for (int id = 0; id < mids.length; id++) {
            mids[id] = engine.prices().hasPrice(id) ? engine.prices().mark(id)
                : (50 + random.nextInt(400)) * Fixed.SCALE;
        }
    }

    static EngineConfig load(final Path config) {
        try {
            return ConfigLoader.load(config);
        } catch (final ConfigException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    static Path copyShippedConfig(final Path to) {
        final Path shipped = Path.of("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (final Path file : files.filter(Files::isRegularFile).toList()) {
                final Path target = to.resolve(shipped.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return to;
    }

    /**
     * A market session: {@code batches} batches of a few random-walk ticks each (big enough moves to breach bands),
     * the venue's answers to the last batch's orders, now and then a status command, a rebalance-now or a timer.
     */
    void run(final int batches) {
        for (int batch = 0; batch < batches; batch++) {
            time += SECOND;
            answerVenue();
            final int ticks = 1 + random.nextInt(6);
            for (int i = 0; i < ticks; i++) {
                final int id = random.nextInt(mids.length);
                mids[id] = Math.max(Fixed.SCALE, mids[id] + (random.nextInt(2001) - 1000) * mids[id] / 20_000);
                final long mid = mids[id] / 10_000 * 10_000;
                send(event.tick(time, id, mid - 10_000, mid + 10_000, mid), i == ticks - 1);
            }
            final int extra = random.nextInt(40);
            if (extra == 0) {
                send(event.command(time, Command.REPORT_STATUS, -1, 0), true);
            } else if (extra == 1) {
                send(event.command(time, Command.REBALANCE_NOW, random.nextInt(3) - 1, 0), true);
            } else if (extra == 2) {
                send(event.timer(time + 3 * 60 * SECOND), true);
                time += 3 * 60 * SECOND;
            }
        }
        answerVenue();
    }

    /** Answers the orders and requests of the last batch: one batch of reports. */
    private void answerVenue() {
        final List<long[]> orders = new ArrayList<>(toAnswer);
        toAnswer.clear();
        for (int i = 0; i < orders.size(); i++) {
            final long[] order = orders.get(i);
            final boolean last = i == orders.size() - 1;
            final long id = order[0];
            final int kind = (int)order[1];
            if (kind == JournalRecords.NEW_ORDER) {
                final int roll = random.nextInt(10);
                if (roll == 0) {
                    report(id, ExecType.REJECTED, 0, 0, 0, last);
                } else {
                    report(id, ExecType.NEW, 0, 0, order[2], false);
                    final long part = roll < 4 ? order[2] : Math.max(1, order[2] / 2);
                    report(id, ExecType.TRADE, part, order[3], order[2] - part, last);
                }
            } else if (kind == JournalRecords.CANCEL_REQUEST) {
                report(id, ExecType.CANCELED, 0, 0, 0, last);
            } else {
                report(id, ExecType.REPLACED, 0, 0, order[2], last);
            }
        }
    }

    private void report(final long id, final int execType, final long quantity, final long price, final long leaves,
        final boolean endOfBatch) {
        send(event.execution(time, id, ++executionId, execType, quantity, price, leaves).sourceSequence(executionId),
            endOfBatch);
    }

    void send(final InboundEvent input, final boolean endOfBatch) {
        handler.onEvent(input, ringSequence++, endOfBatch);
    }

    /** Cancels every working order (the venue confirms in the next batch). */
    void cancelAll() {
        time += SECOND;
        send(event.command(time, Command.CANCEL_ORDERS, -1, 0), true);
        answerVenue();
    }

    /** What a crash leaves: the journal as flushed so far, no stop record. */
    void crash() {
        session.closeWithoutStop();
    }

    long inputs() {
        return ringSequence;
    }

    /** Thrown out of the engine when the test crashes it. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Crashes the session the moment its {@code n}th new order is handed on: the order is journaled, what the
     * engine decides after it in the same batch is not.
     */
    void crashAtOrder(final long n) {
        crashAt = ordersSeen + n;
    }

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        if (++ordersSeen == crashAt) {
            session.closeWithoutStop();
            throw new Crash();
        }
        toAnswer.add(new long[] {clientOrderId, JournalRecords.NEW_ORDER, quantity, limitPrice, side == Side.BUY
            ? 1 : 2});
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        toAnswer.add(new long[] {requestId, JournalRecords.CANCEL_REQUEST, orderQuantity, 0, 0});
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        toAnswer.add(new long[] {requestId, JournalRecords.REPLACE_REQUEST, orderQuantity, limitPrice, 0});
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        } else {
            journal.sessionStop(handler.journalSequence(ringSequence - 1), engine.now());
            journal.close();
        }
    }
}
