package io.rebalancer.benchmarks;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.edge.EdgeSettings;
import io.rebalancer.marketdata.edge.MarketDataEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One good tick through the market-data edge (every check of the gate, then the conflator's publish into the
 * ring), beside the same tick published straight into the ring ({@code rawTryTick}): the difference is what judging
 * a tick at the edge costs. The ring has no consumer and no gating sequence, so publishing never waits and the
 * conflator never holds: the measured path is the steady state of an engine that keeps up. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
public class MarketDataEdgeBenchmark extends JmhDefaults {
    private static final int INSTRUMENTS = 16;
    private static final int RING = 1 << 16;
    private static final long CENT = EngineFixtures.CENT;

    /** 16 instruments in turn, each a cent up on one visit and back down on the next. */
    private final PriceWalk walk = new PriceWalk(INSTRUMENTS, 100 * Fixed.SCALE);
    private final long[] sequences = new long[INSTRUMENTS];
    private InboundPublisher publisher;
    private MarketDataEdge edge;
    private long time = EngineFixtures.T0;

    @Setup
    public void setUp() {
        publisher = new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new, RING));
        edge = new MarketDataEdge(INSTRUMENTS, EdgeSettings.defaults(RING), publisher, null);
    }

    /** The next instrument's tick, a millisecond on, its mid a cent from its last: always good, never a jump. */
    private int step() {
        final int id = walk.step();
        time += 1_000_000;
        sequences[id]++;
        return id;
    }

    @Benchmark
    public long edgeTick() {
        final int id = step();
        final long mid = walk.mid(id);
        edge.onTick(time, id, mid - CENT, mid + CENT, 0, 0, sequences[id]);
        return edge.published();
    }

    @Benchmark
    public boolean rawTryTick() {
        final int id = step();
        final long mid = walk.mid(id);
        return publisher.tryTick(time, id, mid - CENT, mid + CENT, 0, RING / 4);
    }
}
