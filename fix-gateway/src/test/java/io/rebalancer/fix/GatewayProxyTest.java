package io.rebalancer.fix;

import io.rebalancer.engine.domain.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayProxyTest {
    /** The engine never has more than its order capacity working, so the ring must hold that many undrained. */
    @ParameterizedTest
    @ValueSource(ints = {1, 64, 4096, 10_000})
    void shouldHoldTheEngineWholeOrderCapacityWithoutLosingOne(final int capacity) {
        final GatewayCounters counters = new GatewayCounters();
        final GatewayProxy proxy = new GatewayProxy(capacity, counters);
        for (int i = 0; i < capacity; i++) {
            proxy.onNewOrder(i, i + 1, 0, 0, Side.BUY, 100, 290_000);
        }
        assertEquals(0, counters.get(GatewayCounters.ORDERS_LOST));
        final long[] read = new long[1];
        proxy.ring().read((type, buffer, index, length) -> {
            assertEquals(++read[0], buffer.getLong(index + GatewayProxy.CLIENT_ORDER_ID_OFFSET));
            assertEquals(290_000, buffer.getLong(index + GatewayProxy.LIMIT_PRICE_OFFSET));
        }, Integer.MAX_VALUE);
        assertEquals(capacity, read[0]);
    }
}
