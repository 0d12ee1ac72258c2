package io.rebalancer.daemon;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.pipeline.Command;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.TickSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarketClockTest {
    private static final long DAY = 86_400_000_000_000L;
    /** Steps that do nothing: a live feed's. */
    private static final MarketClock.Steps NO_STEPS = MarketClock.LIVE;

    /** A ring nobody consumes (no gating sequence: publishing never waits), read back by sequence. */
    private final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
    private final List<Long> ticks = new ArrayList<>();
    private final TickSink next = new TickSink() {
        @Override
        public void onTick(final long time, final int id, final long bid, final long ask, final long last,
            final long size, final long sequence) {
            ticks.add(time);
        }

        @Override
        public void onUnknownSymbol(final long time, final CharSequence symbol) {
            ticks.add(-time);
        }
    };

    private List<Long> statusTimes() {
        final List<Long> times = new ArrayList<>();
        for (long s = 0; s <= ring.getCursor(); s++) {
            final InboundEvent event = ring.get(s);
            assertEquals(InboundEvent.COMMAND, event.type());
            assertEquals(Command.REPORT_STATUS, event.command());
            times.add(event.timeNanos());
        }
        return times;
    }

    @Test
    void shouldAskForAStatusAtEachBoundaryAndOnceEveryInstrumentCouldBePriced() {
        final MarketClock clock = new MarketClock(next, new InboundPublisher(ring), Long.MIN_VALUE, DAY, 2,
            Long.MAX_VALUE, NO_STEPS);
        clock.onTick(DAY + 5, 0, 1, 2, 0, 0, 0);
        clock.onTick(DAY + 6, 1, 1, 2, 0, 0, 0);
        clock.onTick(2 * DAY + 1, 0, 1, 2, 0, 0, 0);
        clock.onUnknownSymbol(5 * DAY, "ZZZ");
        assertEquals(List.of(DAY + 6, 2 * DAY, 3 * DAY), statusTimes(),
            "the opening status, then one per crossed boundary (a long gap asks once, not once a day)");
        assertEquals(List.of(DAY + 5, DAY + 6, 2 * DAY + 1, -5 * DAY), ticks);
        assertEquals(DAY + 5, clock.firstTime());
        assertEquals(5 * DAY, clock.lastTime());
        assertEquals(4, clock.delivered());
    }

    @Test
    void shouldSkipWhatTheRecoveredBookHasSeen() {
        final MarketClock clock = new MarketClock(next, new InboundPublisher(ring), DAY, DAY, 1, Long.MAX_VALUE,
            NO_STEPS);
        clock.onTick(DAY - 1, 0, 1, 2, 0, 0, 0);
        clock.onTick(DAY, 0, 1, 2, 0, 0, 0);
        clock.onUnknownSymbol(DAY, "ZZZ");
        clock.onTick(DAY + 1, 0, 1, 2, 0, 0, 0);
        assertEquals(List.of(DAY + 1), ticks);
        assertEquals(3, clock.skipped());
        assertEquals(DAY + 1, clock.now());
    }

    @Test
    void shouldEndEachMomentAndEachStretchBeforeTheTickThatMovesOn() {
        final List<String> steps = new ArrayList<>();
        final MarketClock clock = new MarketClock(next, new InboundPublisher(ring), Long.MIN_VALUE, 100 * DAY, 99,
            10, new MarketClock.Steps() {
                @Override
                public void momentEnded() {
                    steps.add("moment after " + ticks.size());
                }

                @Override
                public void leadExceeded() {
                    steps.add("stretch after " + ticks.size());
                }
            });
        clock.onTick(100, 0, 1, 2, 0, 0, 0);
        clock.onTick(100, 1, 1, 2, 0, 0, 0);
        clock.onTick(105, 0, 1, 2, 0, 0, 0);
        clock.onTick(111, 1, 1, 2, 0, 0, 0);
        clock.onTick(121, 0, 1, 2, 0, 0, 0);
        clock.onTick(DAY, 0, 1, 2, 0, 0, 0);
        assertEquals(List.of("moment after 2", "moment after 3", "stretch after 3", "moment after 4",
            "moment after 5", "stretch after 5"), steps, "111 is 11 past 100: a stretch; 121 only 10 past 111");
    }
}
