package io.rebalancer.benchmarks;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.RiskLimits;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.domain.TradingState;
import io.rebalancer.engine.risk.RiskGate;
import io.rebalancer.engine.risk.RiskVerdict;
import io.rebalancer.engine.time.ZoneOffsetTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The pre-trade risk gate, per order:
 * <ul>
 *     <li>{@code engineCheck}: {@code RiskGate.check} with primitive arguments, returning an enum verdict;</li>
 *     <li>{@code naiveCheck}: {@link NaiveRiskGate}: limits in a map by symbol, boxed, the trading day through
 *     {@code java.time}, a new verdict object per order.</li>
 * </ul>
 * Both see the same stream of {@value #ORDERS} orders, round and round, one every millisecond of event time (so the
 * rate window holds about 1,000 orders and never fills, and the trading day, in New York, rolls over now and then):
 * 100 instruments of which 3 are restricted, quantities up to 1,000 (2% above that), prices 20 to 200, limits within
 * 4% of the reference (2% outside the 5% collar), so about 90% are accepted and the rest fail on restriction,
 * quantity, notional or collar.
 * {@code EngineBenchmarksCheckTest} checks that the naive gate gives the engine's verdict for every order, the rate
 * limit and daily notional included. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
public class RiskGateBenchmark extends JmhDefaults {
    static final int ORDERS = 1024;
    static final int INSTRUMENTS = 100;
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final long MILLISECOND = 1_000_000L;

    private Orders orders;
    private RiskGate gate;
    private NaiveRiskGate naive;
    private long time = EngineFixtures.T0;
    private int next;

    /** The same orders, for the engine as primitive columns and for the naive gate as objects. */
    record Orders(int[] instrument, byte[] side, long[] quantity, long[] limit, long[] reference,
                  NaiveRiskGate.Order[] naive) {
        int size() {
            return instrument.length;
        }
    }

    /** The benchmark's limits: see the class comment. */
    static RiskLimits limits(final int maxOrdersPerSecond, final long maxNotionalPerDay) {
        final boolean[] restricted = new boolean[INSTRUMENTS];
        restricted[7] = true;
        restricted[42] = true;
        restricted[77] = true;
        return new RiskLimits(1_000, 150_000 * Fixed.SCALE, 50_000, maxOrdersPerSecond, maxNotionalPerDay,
            restricted, TradingState.ACTIVE);
    }

    /** {@code count} random orders: see the class comment. */
    static Orders orders(final int count, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] symbols = EngineFixtures.symbols(INSTRUMENTS);
        final Orders out = new Orders(new int[count], new byte[count], new long[count], new long[count],
            new long[count], new NaiveRiskGate.Order[count]);
        for (int i = 0; i < count; i++) {
            final int id = random.nextInt(INSTRUMENTS);
            final byte side = random.nextBoolean() ? Side.BUY : Side.SELL;
            final long quantity = random.nextInt(50) == 0 ? 1_001 + random.nextInt(500) : 1 + random.nextInt(1_000);
            final long reference = (20 + random.nextInt(180)) * Fixed.SCALE + random.nextInt(100) * EngineFixtures.CENT;
            // Limits land on a cent within 4% of the reference, or (one in 50) 6% to 8% away: never on the 5% edge.
            final int awayPpm = random.nextInt(50) == 0 ? 60_000 + random.nextInt(20_000) : random.nextInt(40_000);
            final long away = reference / EngineFixtures.CENT * awayPpm / 1_000_000 * EngineFixtures.CENT;
            final long limit = side == Side.BUY ? reference + away : reference - away;
            out.instrument[i] = id;
            out.side[i] = side;
            out.quantity[i] = quantity;
            out.limit[i] = limit;
            out.reference[i] = reference;
            out.naive[i] = new NaiveRiskGate.Order(symbols[id], side == Side.BUY ? "BUY" : "SELL", quantity,
                Fixed.toDouble(limit), Fixed.toDouble(reference));
        }
        return out;
    }

    static RiskGate engineGate(final RiskLimits limits) {
        return new RiskGate(limits, INSTRUMENTS, ZoneOffsetTable.of(ZONE));
    }

    static NaiveRiskGate naiveGate(final RiskLimits limits) {
        return new NaiveRiskGate(limits, EngineFixtures.symbols(INSTRUMENTS), ZONE);
    }

    @Setup(Level.Trial)
    public void setUp() {
        orders = orders(ORDERS, 4);
        final RiskLimits limits = limits(2_000, Long.MAX_VALUE / 4);
        gate = engineGate(limits);
        naive = naiveGate(limits);
    }

    @Benchmark
    public RiskVerdict engineCheck() {
        final int i = next;
        next = (i + 1) & (ORDERS - 1);
        time += MILLISECOND;
        return gate.check(time, orders.instrument[i], orders.side[i], orders.quantity[i], orders.limit[i],
            orders.reference[i]);
    }

    @Benchmark
    public Object naiveCheck() {
        final int i = next;
        next = (i + 1) & (ORDERS - 1);
        time += MILLISECOND;
        return naive.check(orders.naive[i], time);
    }
}
