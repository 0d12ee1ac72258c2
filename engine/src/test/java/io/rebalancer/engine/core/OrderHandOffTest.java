package io.rebalancer.engine.core;

import io.rebalancer.engine.domain.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
