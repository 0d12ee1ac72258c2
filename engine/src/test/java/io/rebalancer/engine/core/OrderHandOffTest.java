package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderHandOffTest {
    /** The engine never has more than its order capacity working, so the ring must hold that many undrained. */
    @ParameterizedTest
    @ValueSource(ints = {1, 64, 4096, 10_000})
    void shouldHoldTheEngineWholeOrderCapacityWithoutLosingOne(final int capacity) {
        final OrderHandOff handOff = new OrderHandOff(capacity);
        for (int i = 0; i < capacity; i++) {
            handOff.onNewOrder(i, i + 1, 0, 0, Side.BUY, 100, 290_000);
        }
        assertEquals(0, handOff.lost());
        assertEquals(capacity, handOff.handedOver());
        final long[] read = new long[1];
        handOff.ring().read((type, buffer, index, length) -> {
            assertEquals(++read[0], buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET));
            assertEquals(290_000, buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET));
            assertEquals(Side.BUY, buffer.getByte(index + OrderHandOff.SIDE_OFFSET));
        }, Integer.MAX_VALUE);
        assertEquals(capacity, read[0]);
    }

    /**
     * A drainer parked for a long time is woken by the order itself, not by its park running out. The park here is
     * a minute, so the generous join bound below cannot be met by the park expiring: it checks the wake, not a
     * speed.
     */
    @Test
    void shouldWakeTheNamedDrainerWhenAnOrderIsHandedOver() throws InterruptedException {
        final OrderHandOff handOff = new OrderHandOff(16);
        final CountDownLatch parking = new CountDownLatch(1);
        final AtomicInteger drained = new AtomicInteger();
        final Thread drainer = new Thread(() -> {
            parking.countDown();
            while (drained.get() == 0) {
                LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
                drained.addAndGet(handOff.ring().read((type, buffer, index, length) -> { }, 16));
            }
        }, "drainer");
        drainer.setDaemon(true);
        handOff.wakeOnHandOff(drainer);
        drainer.start();
        assertTrue(parking.await(10, TimeUnit.SECONDS));

        handOff.onNewOrder(1, 1, 0, 0, Side.SELL, 100, 290_000);

        drainer.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(drainer.isAlive(), "the drainer was not woken by the hand-off");
        assertEquals(1, drained.get());
    }
}
