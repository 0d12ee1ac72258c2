package io.rebalancer.marketdata.edge;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ring of 8 slots whose only consumer is the test's own gating sequence, moved by hand: ticks may fill 6 of them,
 * the last 2 are kept for everything else.
 */
class TickConflatorTest {
    private static final int HEADROOM = 2;

    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 8);
    private final Sequence consumed = new Sequence(-1);
    private final InboundPublisher publisher = new InboundPublisher(ring);
    private final TickConflator conflator = new TickConflator(3, publisher, HEADROOM);

    TickConflatorTest() {
        ring.addGatingSequences(consumed);
    }

    private void tick(final long time, final int instrument) {
        conflator.onTick(time, instrument, time * 10, time * 10 + 1, 0, 0, 0);
    }

    private InboundEvent slot(final long sequence) {
        return ring.get(sequence);
    }

    @Test
    void shouldPublishStraightThroughWhileThereIsRoom() {
        for (int i = 0; i < 6; i++) {
            tick(i + 1, i % 3);
        }
        assertEquals(6, conflator.published());
        assertEquals(0, conflator.waiting());
        assertEquals(5, ring.getCursor());
    }

    @Test
    void shouldKeepTheLatestTickPerInstrumentWhileTheRingIsFull() {
        for (int i = 0; i < 6; i++) {
            tick(i + 1, 2);
        }
        tick(7, 0);
        tick(8, 1);
        tick(9, 0);
        tick(10, 0);
        assertEquals(2, conflator.waiting(), "one slot per instrument, however many ticks");
        assertEquals(2, conflator.conflated());
        assertEquals(6, conflator.published());

        consumed.set(1);
        assertEquals(2, conflator.drain());
        assertEquals(0, slot(6).instrumentId(), "the instrument that waited first goes first");
        assertEquals(10, slot(6).timeNanos(), "with its latest tick");
        assertEquals(100, slot(6).bid());
        assertEquals(1, slot(7).instrumentId());
        assertEquals(8, slot(7).timeNanos());
        assertEquals(0, conflator.waiting());
        assertEquals(2, conflator.mostWaiting());
    }

    @Test
    void shouldQueueBehindWaitingTicksEvenWhenRoomAppears() {
        for (int i = 0; i < 6; i++) {
            tick(i + 1, 2);
        }
        tick(7, 0);
        consumed.set(0);
        tick(8, 1);
        assertEquals(0, slot(6).instrumentId(), "the waiting tick went first");
        assertEquals(1, conflator.waiting());
    }

    @Test
    void shouldLeaveTheHeadroomToExecutionsAndCommands() {
        for (int i = 0; i < 10; i++) {
            tick(i + 1, i % 3);
        }
        assertEquals(6, ring.getCursor() + 1, "ticks stopped at the headroom");
        publisher.execution(11, 1, 1, 1, 100, 100, 0);
        publisher.command(12, 3, -1, 0);
        assertEquals(7, ring.getCursor(), "both found a slot without waiting for the consumer");
        assertEquals(InboundEvent.EXECUTION, slot(6).type());
        assertEquals(InboundEvent.COMMAND, slot(7).type());
    }

    @Test
    void shouldHoldEveryTickUntilDrainedThenPublishThemTogether() {
        conflator.hold(true);
        tick(1, 0);
        tick(1, 1);
        tick(1, 0);
        assertEquals(-1, ring.getCursor(), "nothing published while held");
        assertEquals(2, conflator.waiting());
        assertEquals(1, conflator.conflated(), "the same instrument again in one moment: the latest wins");
        assertEquals(2, conflator.drain());
        assertEquals(1, ring.getCursor(), "both in one claim");
        assertEquals(0, slot(0).instrumentId());
        assertEquals(1, slot(1).instrumentId());
    }

    @Test
    void shouldDrainAHeldMomentAsFarAsTheRoomGoes() {
        final TickConflator wide = new TickConflator(10, publisher, HEADROOM);
        wide.hold(true);
        for (int id = 0; id < 9; id++) {
            wide.onTick(1, id, 10, 11, 0, 0, 0);
        }
        assertEquals(6, wide.drain(), "up to the headroom");
        assertEquals(3, wide.waiting());
        consumed.set(2);
        assertEquals(3, wide.drain());
        assertEquals(8, slot(8).instrumentId());
        assertEquals(9, wide.published());
    }

    @Test
    void shouldKeepAHeldMomentWholeUntilItFits() {
        final TickConflator wide = new TickConflator(10, publisher, HEADROOM);
        for (int i = 0; i < 4; i++) {
            wide.onTick(1, 9, 10, 11, 0, 0, 0);
        }
        wide.hold(true);
        for (int id = 0; id < 4; id++) {
            wide.onTick(2, id, 10, 11, 0, 0, 0);
        }
        assertEquals(0, wide.drain(), "room for 2 of the moment's 4: none goes in");
        consumed.set(1);
        assertEquals(4, wide.drain(), "room for all 4: all go in, in one claim");
        assertEquals(7, ring.getCursor());
    }
}
