package io.rebalancer.daemon;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * A real engine ring with no consumer, so the test thread can read back what a producer published: with no
 * gating sequence nothing ever waits. Records each execution report as a Java record.
 */
final class VenueHarness {
    /** One execution report as the engine would receive it. */
    record Execution(long time, long clientOrderId, long executionId, int execType, long quantity, long price,
                     long leaves) {
    }

    /** One answer to a status request ({@code ExecType.ORDER_STATUS}) as the engine would receive it. */
    record Status(long time, long clientOrderId, long executionId, int status, long cumulative, long average,
                  long leaves) {
    }

    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 4096);
    private final InboundPublisher publisher = new InboundPublisher(ring);
    private long read = -1;

    InboundPublisher publisher() {
        return publisher;
    }

    /** Executions published since the last call, oldest first. */
    List<Execution> drain() {
        final List<Execution> out = new ArrayList<>();
        for (long sequence = read + 1; sequence <= ring.getCursor(); sequence++) {
            final InboundEvent e = ring.get(sequence);
            if (e.type() == InboundEvent.EXECUTION) {
                out.add(new Execution(e.timeNanos(), e.clientOrderId(), e.executionId(), e.execType(),
                    e.lastQuantity(), e.lastPrice(), e.leavesQuantity()));
            }
        }
        read = ring.getCursor();
        return out;
    }

    /** The answers to status requests published since the last drain, oldest first; drains everything. */
    List<Status> drainStatuses() {
        final List<Status> out = new ArrayList<>();
        for (long sequence = read + 1; sequence <= ring.getCursor(); sequence++) {
            final InboundEvent e = ring.get(sequence);
            if (e.type() == InboundEvent.EXECUTION && e.execType() == ExecType.ORDER_STATUS) {
                out.add(new Status(e.timeNanos(), e.clientOrderId(), e.executionId(), e.orderStatus(),
                    e.cumulativeQuantity(), e.averagePrice(), e.leavesQuantity()));
            }
        }
        read = ring.getCursor();
        return out;
    }
}
