package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.Side;

import java.util.List;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No ClOrdID is taken twice: a NewOrderSingle reusing one (an order's or a request's, whatever became of it) is
 * refused as a duplicate; a PossDup resend of one the venue has is ignored; a PossDup with a new ClOrdID is a new
 * order. Fills stay exactly what executed.
 */
class VenueDuplicateClOrdIdTest {
    @AutoClose
    private VenueFixture fixture;

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4", "FIX.4.2"})
    @Timeout(30)
    void shouldRefuseANewOrderReusingAClOrdIdAndLeaveTheFirstOrderAsItWas(final String version) throws Exception {
        fixture = new VenueFixture(VenueBehaviour.DEFAULT, version);
        final VenueTestClient client = fixture.logOn(version);
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.newOrder("2", Side.BUY, "SPY", 3, VenueFixture.SPY_ASK);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "2");
        assertEquals(OrdStatus.FILLED, client.next().getChar(OrdStatus.FIELD));
        client.cancel("3", "1", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "3");

        client.newOrder("1", Side.SELL, "SPY", 5, VenueFixture.SPY_BID);
        client.newOrder("2", Side.BUY, "SPY", 3, VenueFixture.SPY_ASK);
        client.newOrder("3", Side.BUY, "SPY", 3, VenueFixture.SPY_ASK);
        for (final String clOrdId : List.of("1", "2", "3")) {
            final Message refused = client.next();
            assertExecution(refused, ExecType.REJECTED, OrdStatus.REJECTED, clOrdId);
            assertEquals(OrdRejReason.DUPLICATE_ORDER, refused.getInt(OrdRejReason.FIELD));
            assertEquals(VenueReports.NO_ORDER_ID, refused.getString(OrderID.FIELD));
            assertEquals("0", refused.getString(CumQty.FIELD));
            assertEquals("0", refused.getString(LeavesQty.FIELD));
        }
        client.statusRequest("1", Side.BUY, "SPY", null);
        assertEquals(OrdStatus.CANCELED, client.next().getChar(OrdStatus.FIELD), "order 1 as it was");
        assertEquals(List.of(new VenueFill("2", "SPY", Side.BUY, 3, 100_020_000L)), fixture.venue.executedFills());
        assertEquals(3, fixture.venue.counters().get(VenueCounters.DUPLICATE_ORDERS));
        assertEquals(2, fixture.venue.counters().get(VenueCounters.ORDERS_RECEIVED));
        assertEquals(List.of("1", "2"), clOrdIds(fixture.venue.receivedOrders()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4", "FIX.4.2"})
    @Timeout(30)
    void shouldIgnoreAPossDupResendOfAKnownClOrdIdAndTakeOneWithANewClOrdId(final String version) throws Exception {
        fixture = new VenueFixture(VenueBehaviour.DEFAULT, version);
        final VenueTestClient client = fixture.logOn(version);
        client.newOrder("1", Side.BUY, "SPY", 4, VenueFixture.SPY_ASK);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        assertEquals(OrdStatus.FILLED, client.next().getChar(OrdStatus.FIELD));

        client.sendPossDup(VenueTestClient.order("1", Side.BUY, "SPY", 4, VenueFixture.SPY_ASK));
        client.sendPossDup(VenueTestClient.order("2", Side.BUY, "SPY", 4, VenueFixture.SPY_ASK));
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "2");
        assertEquals(OrdStatus.FILLED, client.next().getChar(OrdStatus.FIELD));
        client.statusRequest("1", Side.BUY, "SPY", null);
        final Message status = client.next();
        assertEquals("1", status.getString(ClOrdID.FIELD), "no answer ever came for the resend of 1");
        assertEquals("4", status.getString(CumQty.FIELD), "order 1 filled once");
        assertTrue(client.received.isEmpty());

        assertEquals(List.of(new VenueFill("1", "SPY", Side.BUY, 4, 100_020_000L),
            new VenueFill("2", "SPY", Side.BUY, 4, 100_020_000L)), fixture.venue.executedFills());
        assertEquals(1, fixture.venue.counters().get(VenueCounters.POSS_DUPS_IGNORED));
        assertEquals(0, fixture.venue.counters().get(VenueCounters.DUPLICATE_ORDERS));
        assertEquals(List.of("1", "2"), clOrdIds(fixture.venue.receivedOrders()), "no ClOrdID accepted twice");
    }

    private static List<String> clOrdIds(final List<VenueOrder> orders) {
        return orders.stream().map(VenueOrder::clOrdId).toList();
    }
}
