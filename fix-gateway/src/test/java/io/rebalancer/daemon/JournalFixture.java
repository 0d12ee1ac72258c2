package io.rebalancer.daemon;

import io.rebalancer.engine.config.ConfigException;
import io.rebalancer.engine.config.ConfigLoader;
import io.rebalancer.engine.core.CancelReason;
import io.rebalancer.engine.core.NoOpEngineListener;
import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.journaling.ConfigArchive;
import io.rebalancer.engine.journaling.JournalRecords;
import io.rebalancer.engine.journaling.JournalSession;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import net.openhft.chronicle.core.time.SetTimeProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small journal written the way the daemon writes one ({@link JournalSession}: the engine's stage is its
 * {@code JournalingHandler}), driven on the test thread with the shipped configuration copied to the test's folder:
 * balanced-60-40 (SPY 1,100, TLT 3,000) breaches when SPY falls, sells TLT (order 1) and buys SPY (order 2); order 1
 * fills in two parts; order 2 rests; an operator's rebalance sells a little more TLT (order 3, filled) and
 * re-prices the buy (a replace, request 4, accepted: the buy is known as 4 from then on); the operator then cancels
 * it (request 5, accepted). Only SPY and TLT are ever quoted, so no other portfolio decides
 * anything. Execution ids are distinctive, so a test can find a report's record in the journal's files.
 */
final class JournalFixture implements OrderSink {
    /** 2026-03-27T13:30:00Z. */
    static final long T0 = 1_774_618_200_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final int SPY = 0;
    static final int TLT = 1;
    static final long SELL_TLT = 1;
    static final long BUY_SPY = 2;
    /** The operator's rebalance sells a little more TLT ... */
    static final long SELL_MORE_TLT = 3;
    /** ... and re-prices the resting SPY buy: the replace's id becomes the buy's. */
    static final long REPLACE = 4;
    static final long CANCEL = 5;
    /** The first execution id; the n-th report has this plus n - 1. */
    static final long FIRST_EXECUTION_ID = 0x5EED_0000_0000_0001L;
    /** The first eight bytes of a SESSION_STOP record: length 32, type 68, no flags. */
    static final long SESSION_STOP_HEAD = (long)JournalRecords.SESSION_STOP << 32 | JournalRecords.BARE_LENGTH;

    /** A request or order the engine handed over: its id, kind (NEW_ORDER, ...) and quantity. */
    record Handed(long id, String kind, long originalId, long quantity, long limitPrice) {
    }

    final Path config;
    final Path journalDir;
    final List<Handed> handed = new ArrayList<>();
    private final InboundEvent event = new InboundEvent();
    private final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-27T13:30:00Z"));
    private JournalSession session;
    private long ringSequence;
    private long executionId = FIRST_EXECUTION_ID - 1;

    JournalFixture(final Path root) {
        config = copyShippedConfig(root.resolve("config"));
        journalDir = root.resolve("journal");
    }

    /** Writes the scenario and closes the journal with a clean stop. */
    JournalFixture write() {
        try {
            Files.createDirectories(journalDir);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        session = JournalSession.open(journalDir, ConfigArchive.read(config), load(config),
            NoOpEngineListener.INSTANCE, this, 0, 0, "journal fixture", clock);
        try {
            scenario();
        } finally {
            session.close();
        }
        return this;
    }

    /**
     * One more session of the daemon on day {@code day} (its files are named by that day): the journal is
     * recovered, then {@code quotes} ticks of SPY and TLT swing enough to trade now and then (no venue answers).
     *
     * @param snapshotEvery snapshot the engine after this many inputs, 0 never
     * @param retentionDays delete daily files older than this on opening, never one a restart needs; 0 keeps all
     */
    JournalSession.Recovery session(final int day, final long snapshotEvery, final int retentionDays,
        final int quotes) {
        clock.currentTimeMillis(Instant.parse("2026-03-27T13:30:00Z").plus(Duration.ofDays(day)).toEpochMilli());
        try {
            Files.createDirectories(journalDir);
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
        session = JournalSession.open(journalDir, ConfigArchive.read(config), load(config),
            NoOpEngineListener.INSTANCE, this, snapshotEvery, retentionDays, "journal fixture, day " + day, clock);
        ringSequence = 0;
        try {
            for (int i = 0; i < quotes; i++) {
                final long dollars = (i % 2 == 0 ? 400 : 100) + (i / 2 % 7) * (i % 2 == 0 ? 15 : 4);
                final long mid = dollars * Fixed.SCALE;
                send(event.tick(T0 + day * 86_400 * SECOND + i * SECOND, i % 2 == 0 ? SPY : TLT, mid - 10_000,
                    mid + 10_000, mid), true);
            }
            return session.recovery();
        } finally {
            session.close();
        }
    }

    /** The story in the class comment; event times from {@link #T0} on, one second apart. */
    void scenario() {
        quote(1, SPY, 400);
        quote(1, TLT, 100);
        quote(2, SPY, 300);
        require(List.of("NEW_ORDER", "NEW_ORDER"), "the breach sends a sell and a buy");
        final Handed sell = handed.get(0);
        final Handed buy = handed.get(1);
        report(3, SELL_TLT, ExecType.NEW, 0, 0, sell.quantity(), false);
        report(3, BUY_SPY, ExecType.NEW, 0, 0, buy.quantity(), false);
        report(3, SELL_TLT, ExecType.TRADE, sell.quantity() / 2, sell.limitPrice(),
            sell.quantity() - sell.quantity() / 2, true);
        report(4, SELL_TLT, ExecType.TRADE, sell.quantity() - sell.quantity() / 2, sell.limitPrice(), 0, true);
        quote(5, SPY, 290);
        quote(5, TLT, 100);
        send(event.command(T0 + 5 * SECOND, Command.REBALANCE_NOW, -1, 0), true);
        require(List.of("NEW_ORDER", "NEW_ORDER", "NEW_ORDER", "REPLACE"),
            "the operator's rebalance sells a little more and re-prices the resting buy");
        final Handed more = handed.get(2);
        report(6, SELL_MORE_TLT, ExecType.NEW, 0, 0, more.quantity(), false);
        report(6, SELL_MORE_TLT, ExecType.TRADE, more.quantity(), more.limitPrice(), 0, false);
        report(6, REPLACE, ExecType.REPLACED, 0, 0, handed.get(3).quantity(), true);
        send(event.command(T0 + 7 * SECOND, Command.CANCEL_ORDERS, -1, CancelReason.OPERATOR.ordinal()), true);
        require(List.of("NEW_ORDER", "NEW_ORDER", "NEW_ORDER", "REPLACE", "CANCEL"), "the operator cancels the buy");
        report(8, CANCEL, ExecType.CANCELED, 0, 0, 0, true);
        quote(9, TLT, 101);
    }

    private void require(final List<String> kinds, final String what) {
        if (!handed.stream().map(Handed::kind).toList().equals(kinds)) {
            throw new IllegalStateException(what + ": the engine handed over " + handed);
        }
    }

    void quote(final int second, final int instrument, final long dollars) {
        final long mid = dollars * Fixed.SCALE;
        send(event.tick(T0 + second * SECOND, instrument, mid - 10_000, mid + 10_000, mid), true);
    }

    private void report(final int second, final long id, final int execType, final long quantity, final long price,
        final long leaves, final boolean endOfBatch) {
        executionId++;
        send(event.execution(T0 + second * SECOND, id, executionId, execType, quantity, price, leaves)
            .sourceSequence(executionId - FIRST_EXECUTION_ID + 1), endOfBatch);
    }

    private void send(final InboundEvent input, final boolean endOfBatch) {
        session.handler().onEvent(input, ringSequence++, endOfBatch);
    }

    /** Inverts the byte {@code offset} bytes into the record of the {@code n}-th report (from 1). */
    void damageReport(final int n, final int offset) {
        damage(FIRST_EXECUTION_ID + n - 1, JournalRecords.EXEC_ID, offset);
    }

    /** Inverts the byte {@code offset} bytes into the SESSION_STOP record: the journal's last. */
    void damageSessionStop(final int offset) {
        damage(SESSION_STOP_HEAD, 0, offset);
    }

    /**
     * Inverts a byte of the one record holding {@code value} at {@code valueOffset} bytes into it, as a disk or a
     * hand would, in the journal's files (the queue is closed).
     */
    private void damage(final long value, final int valueOffset, final int offset) {
        final List<Long> found = new ArrayList<>();
        Path where = null;
        try (Stream<Path> files = Files.list(journalDir)) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".cq4")).toList()) {
                final ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
                for (int at = 0; at + Long.BYTES <= buffer.capacity(); at++) {
                    if (buffer.getLong(at) == value) {
                        found.add(at - (long)valueOffset + offset);
                        where = file;
                    }
                }
            }
            if (found.size() != 1) {
                throw new AssertionError("0x" + Long.toHexString(value) + " found at " + found + " in " + journalDir);
            }
            try (FileChannel channel = FileChannel.open(where, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                final ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, found.get(0));
                one.put(0, (byte)~one.get(0));
                one.rewind();
                channel.write(one, found.get(0));
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
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

    @Override
    public void onNewOrder(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long quantity, final long limitPrice) {
        handed.add(new Handed(clientOrderId, "NEW_ORDER", 0, quantity, limitPrice));
    }

    @Override
    public void onCancelOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity) {
        handed.add(new Handed(requestId, "CANCEL", originalClientOrderId, orderQuantity, 0));
    }

    @Override
    public void onReplaceOrder(final long timeNanos, final long requestId, final long originalClientOrderId,
        final int portfolioId, final int instrumentId, final byte side, final long orderQuantity,
        final long limitPrice) {
        handed.add(new Handed(requestId, "REPLACE", originalClientOrderId, orderQuantity, limitPrice));
    }

    @Override
    public void onStatusRequest(final long timeNanos, final long clientOrderId, final int portfolioId,
        final int instrumentId, final byte side, final long orderQuantity) {
        handed.add(new Handed(clientOrderId, "STATUS", 0, orderQuantity, 0));
    }
}
