package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.field.ExecType;
import quickfix.field.OrdStatus;
import quickfix.field.Side;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The arrival hook (what the benchmarks measure tick-to-venue latency to) hears the ClOrdID of every NewOrderSingle,
 * a duplicate included, before the venue answers it, and nothing of cancels; the venue trades as it would without
 * it.
 */
class VenueOrderArrivalTest {
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(30)
    void shouldTellTheClOrdIdOfEachNewOrderSingleBeforeTheVenueAnswersIt() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.DEFAULT);
        final Queue<String> arrivals = new ConcurrentLinkedQueue<>();
        fixture.venue.onOrderArrival(arrivals::add);
        final VenueTestClient client = fixture.logOn();

        client.newOrder("7", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "7");
        assertEquals(List.of("7"), List.copyOf(arrivals), "heard before the ack was sent");
        client.cancel("8", "7", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "8");
        client.newOrder("7", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.REJECTED, OrdStatus.REJECTED, "7");

        assertEquals(List.of("7", "7"), List.copyOf(arrivals));
        assertEquals(1, fixture.venue.receivedOrders().size(), "the duplicate was refused as usual");
    }
}
