package io.rebalancer.benchmarks;

import io.rebalancer.fix.LoopbackGateway;
import io.rebalancer.fix.OrderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import quickfix.Session;
import quickfix.field.ClOrdID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Building and sending one NewOrderSingle over a real QuickFIX/J 4.4 session on loopback (the gateway's initiator
 * here, a venue's acceptor on a free port in a JVM of its own, logged on in the set-up; see {@link LoopbackGateway}),
 * per order. The venue runs in its own JVM so that B/op is the sender's alone: JMH counts the allocation of every
 * thread of the benchmark's JVM, and a venue decoding each order there would add its own garbage to ours.
 * <p>
 * Ours, {@code gatewayNewOrder}: the engine's primitive order into the gateway's hand-off ring, then one duty cycle
 * of the gateway agent, which builds the message from the record (exact decimal text, ids as text, TransactTime
 * from its clock) and calls {@code Session.send} through its session wire: all the gateway thread does per order.
 * Beside it, {@code rawNewOrderSingle}: the QuickFIX/J way, {@code new NewOrderSingle(ClOrdID, Side, TransactTime,
 * OrdType)}, then Symbol, OrderQty and Price from {@code double}s and TimeInForce set as typed fields, and
 * {@code Session.send} on the same session. Both send the same orders (the check test compares what the venue
 * receives), so the difference is what building from primitives costs beside building the usual way; most of either
 * is QuickFIX/J's own send (sequence number, header, encoding, the store, the log, the socket writer's queue).
 * <p>
 * The initiator's store is a parameter, each what the gateway uses: {@code memory} (the daemon with its in-process
 * venue; {@code PersistMessages=N} keeps no message) and {@code file} (the shipped {@code initiator.cfg}: a file
 * store in a temporary folder that writes the sequence numbers on every send, again keeping no message).
 * <p>
 * {@code Session.send} only queues the encoded bytes for QuickFIX/J's socket writer thread (whose work and garbage
 * count here); the venue decodes them in its own process, so this 2-vCPU box runs several busy threads for one
 * sender. When the venue falls behind, the
 * queue grows within an iteration; each iteration's tear-down waits until the venue has taken in everything sent
 * (untimed) and prints how far behind it was, so no iteration starts with the last one's backlog.
 * <p>
 * The same two without the session, {@code gatewayBuildEncode} and {@code rawBuildEncode}: the message built and
 * encoded as FIX text ({@code toString}, which computes BodyLength and CheckSum as sending does, without the header's
 * session fields), so the part that is our code is measured without the session's noise. Run with {@code -prof gc}.
 */
@Warmup(iterations = 5, time = 1)
public class NewOrderSingleBenchmark extends JmhDefaults {
    static final String[] SYMBOLS = {"SPY", "TLT", "GLD", "QQQ", "IWM", "EFA", "EEM", "VNQ"};
    /** Limit prices per instrument, micros and the same as a double: 100.29, 101.58, ... */
    static final long[] PRICE_MICROS = new long[SYMBOLS.length];
    static final double[] PRICES = new double[SYMBOLS.length];
    private static final long DRAIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    static {
        for (int id = 0; id < SYMBOLS.length; id++) {
            PRICE_MICROS[id] = 100_290_000L + id * 1_290_000L;
            PRICES[id] = PRICE_MICROS[id] / 1e6;
        }
    }

    /** The orders: 8 instruments in turn, buying and selling in turn, 100 to 800 units, ids counting up. */
    @State(Scope.Thread)
    public static class Orders {
        long clientOrderId;
        private int next;

        int nextInstrument() {
            final int id = next;
            next = id + 1 == SYMBOLS.length ? 0 : id + 1;
            return id;
        }
    }

    /** The logged-on loopback session; the venue in a JVM of its own. */
    @State(Scope.Thread)
    public static class Loopback {
        @Param({"memory", "file"})
        public String store;

        LoopbackGateway gateway;
        Session session;
        private Path storeDir;

        @Setup(Level.Trial)
        public void logOn() throws IOException {
            storeDir = "file".equals(store) ? Files.createTempDirectory("nos-bench-store") : null;
            try {
                gateway = LoopbackGateway.start(SYMBOLS, storeDir, false);
            } catch (final RuntimeException ex) {
                TempFiles.delete(storeDir);
                throw ex;
            }
            session = gateway.session();
        }

        /** Lets the venue catch up before the next iteration; says how far behind it was. */
        @TearDown(Level.Iteration)
        public void drain() {
            final int backlog = gateway.backlog();
            final long start = System.nanoTime();
            if (!gateway.awaitDrained(DRAIN_TIMEOUT_NANOS)) {
                throw new IllegalStateException("the venue did not take in " + gateway.backlog() + " messages in 60 s");
            }
            System.out.printf("(venue backlog at the iteration's end: %d messages, drained in %d ms)%n", backlog,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }

        @TearDown(Level.Trial)
        public void logOut() {
            gateway.close();
            TempFiles.delete(storeDir);
        }
    }

    /** The gateway's message building alone. */
    @State(Scope.Thread)
    public static class Builder {
        final OrderBuilder builder = new OrderBuilder(SYMBOLS);
    }

    static byte side(final long clientOrderId) {
        return (clientOrderId & 1) == 0 ? (byte)'1' : (byte)'2';
    }

    static long quantity(final int id) {
        return 100L * (id + 1);
    }

    /** Ours: the engine's order through the hand-off ring and the gateway agent to Session.send. */
    @Benchmark
    public int gatewayNewOrder(final Orders orders, final Loopback loopback) {
        final int id = orders.nextInstrument();
        final long order = ++orders.clientOrderId;
        return loopback.gateway.sendOrder(order, order, id, side(order), quantity(id), PRICE_MICROS[id]);
    }

    /** The QuickFIX/J way: typed fields, doubles for quantity and price, Session.send. */
    @Benchmark
    public boolean rawNewOrderSingle(final Orders orders, final Loopback loopback) {
        final int id = orders.nextInstrument();
        final long order = ++orders.clientOrderId;
        return loopback.session.send(rawOrder(order, id));
    }

    /** Ours without the session: the message the gateway agent builds from the record, encoded as FIX text. */
    @Benchmark
    public String gatewayBuildEncode(final Orders orders, final Builder builder) {
        final int id = orders.nextInstrument();
        final long order = ++orders.clientOrderId;
        return builder.builder.newOrder(order, order, id, side(order), quantity(id), PRICE_MICROS[id]).toString();
    }

    /** The QuickFIX/J way without the session: built with typed fields, encoded as FIX text. */
    @Benchmark
    public String rawBuildEncode(final Orders orders) {
        final int id = orders.nextInstrument();
        return rawOrder(++orders.clientOrderId, id).toString();
    }

    static NewOrderSingle rawOrder(final long clientOrderId, final int id) {
        final NewOrderSingle message = new NewOrderSingle(new ClOrdID(Long.toString(clientOrderId)),
            new Side((char)side(clientOrderId)), new TransactTime(), new OrdType(OrdType.LIMIT));
        message.set(new Symbol(SYMBOLS[id]));
        message.set(new OrderQty(quantity(id)));
        message.set(new Price(PRICES[id]));
        message.set(new TimeInForce(TimeInForce.DAY));
        return message;
    }
}
