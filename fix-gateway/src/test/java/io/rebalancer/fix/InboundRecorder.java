package io.rebalancer.fix;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * A real engine inbound ring with no consumer, read back as records: what the gateway published, in order. Any
 * thread may read it: it stops at the first slot claimed but not yet published.
 */
final class InboundRecorder {
    record Execution(long clientOrderId, long executionId, int execType, long quantity, long price, long leaves) {
    }

    /** An answer to an order status request ({@code ExecType.ORDER_STATUS}). */
    record Status(long clientOrderId, int status, long cumulative, long average, long leaves) {
    }

    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
    final InboundPublisher publisher = new InboundPublisher(ring);

    /** The {@code ORDER_STATUS} reports published, in order, without their execution ids. */
    List<Status> statuses() {
        final List<Status> out = new ArrayList<>();
        final long cursor = ring.getCursor();
        for (long sequence = 0; sequence <= cursor && ring.isAvailable(sequence); sequence++) {
            final InboundEvent e = ring.get(sequence);
            if (e.execType() == ExecType.ORDER_STATUS) {
                out.add(new Status(e.clientOrderId(), e.orderStatus(), e.cumulativeQuantity(), e.averagePrice(),
                    e.leavesQuantity()));
            }
        }
        return out;
    }

    /** The source sequence (FIX MsgSeqNum) of every execution published, in order. */
    List<Long> sourceSequences() {
        final List<Long> out = new ArrayList<>();
        final long cursor = ring.getCursor();
        for (long sequence = 0; sequence <= cursor && ring.isAvailable(sequence); sequence++) {
            out.add(ring.get(sequence).sourceSequence());
        }
        return out;
    }

    List<Execution> executions() {
        final List<Execution> out = new ArrayList<>();
        final long cursor = ring.getCursor();
        for (long sequence = 0; sequence <= cursor && ring.isAvailable(sequence); sequence++) {
            final InboundEvent e = ring.get(sequence);
            out.add(new Execution(e.clientOrderId(), e.executionId(), e.execType(), e.lastQuantity(), e.lastPrice(),
                e.leavesQuantity()));
        }
        return out;
    }
}
