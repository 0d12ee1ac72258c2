package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;

import java.util.concurrent.TimeUnit;

import static io.rebalancer.venue.VenueFixture.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** OrderCancelRequest and OrderCancelReplaceRequest against the simulator, over a real FIX 4.4 session. */
class VenueCancelReplaceTest {
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(30)
    void shouldCancelARestingOrderAnsweringWithTheRequestIdAndTheOrdersId() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        client.newOrder("1", Side.BUY, "SPY", 10, "99.5");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.cancel("2", "1", Side.BUY, "SPY", 10);

        final Message canceled = client.next();
        assertExecution(canceled, ExecType.CANCELED, OrdStatus.CANCELED, "2");
        assertEquals("1", canceled.getString(OrigClOrdID.FIELD));
        assertEquals("0", canceled.getString(CumQty.FIELD));
        assertEquals("0", canceled.getString(LeavesQty.FIELD));
        assertEquals("0", canceled.getString(AvgPx.FIELD));
        assertEquals(1, fixture.venue.counters().get(VenueCounters.CANCELS));
    }

    @Test
    @Timeout(30)
    void shouldReplaceQuantityAndPriceAndThenFillUnderTheNewId() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        client.newOrder("1", Side.BUY, "SPY", 10, "99.5");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.replace("2", "1", Side.BUY, "SPY", 20, VenueFixture.SPY_ASK);

        final Message replaced = client.next();
        assertExecution(replaced, ExecType.REPLACED, OrdStatus.NEW, "2");
        assertEquals("1", replaced.getString(OrigClOrdID.FIELD));
        assertEquals("20", replaced.getString(OrderQty.FIELD));
        assertEquals(VenueFixture.SPY_ASK, replaced.getString(Price.FIELD));
        assertEquals("20", replaced.getString(LeavesQty.FIELD));
        final Message fill = client.next();
        assertExecution(fill, ExecType.TRADE, OrdStatus.FILLED, "2");
        assertEquals("20", fill.getString(LastQty.FIELD));
        assertEquals(VenueFixture.SPY_ASK, fill.getString(LastPx.FIELD));
        assertEquals(1, fixture.venue.counters().get(VenueCounters.REPLACES));
    }

    @Test
    @Timeout(30)
    void shouldRefuseAReplaceThatDoesNotExceedTheFilledQuantityAndAcceptOneThatDoes() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().partialFills(true)
            .partialGapNanos(TimeUnit.MINUTES.toNanos(10)).build());
        client.newOrder("1", Side.SELL, "SPY", 10, VenueFixture.SPY_BID);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        final Message partial = client.next();
        assertExecution(partial, ExecType.TRADE, OrdStatus.PARTIALLY_FILLED, "1");
        assertEquals("5", partial.getString(LeavesQty.FIELD));

        client.replace("2", "1", Side.SELL, "SPY", 5, VenueFixture.SPY_BID);
        final Message refused = client.next();
        assertCancelReject(refused, "2", "1", CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST,
            CxlRejReason.BROKER_EXCHANGE_OPTION, OrdStatus.PARTIALLY_FILLED);
        client.replace("3", "1", Side.SELL, "SPY", 8, VenueFixture.SPY_BID);
        final Message replaced = client.next();
        assertExecution(replaced, ExecType.REPLACED, OrdStatus.PARTIALLY_FILLED, "3");
        assertEquals("3", replaced.getString(LeavesQty.FIELD));
        assertEquals("5", replaced.getString(CumQty.FIELD));
        assertEquals(1, fixture.venue.counters().get(VenueCounters.CANCEL_REJECTS));
    }

    @Test
    @Timeout(30)
    void shouldRejectTheCancelOfAnUnknownOrder() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        client.cancel("2", "nobody", Side.BUY, "SPY", 10);
        final Message reject = client.next();
        assertCancelReject(reject, "2", "nobody", CxlRejResponseTo.ORDER_CANCEL_REQUEST, CxlRejReason.UNKNOWN_ORDER,
            OrdStatus.REJECTED);
        assertEquals(VenueReports.NO_ORDER_ID, reject.getString(OrderID.FIELD));
    }

    @Test
    @Timeout(30)
    void shouldRejectACancelOrReplaceOfAFinishedOrderAsTooLate() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        client.newOrder("1", Side.BUY, "SPY", 10, VenueFixture.SPY_ASK);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        assertExecution(client.next(), ExecType.TRADE, OrdStatus.FILLED, "1");
        client.cancel("2", "1", Side.BUY, "SPY", 10);
        assertCancelReject(client.next(), "2", "1", CxlRejResponseTo.ORDER_CANCEL_REQUEST,
            CxlRejReason.TOO_LATE_TO_CANCEL, OrdStatus.FILLED);

        client.newOrder("3", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "3");
        client.cancel("4", "3", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "4");
        client.replace("5", "3", Side.BUY, "SPY", 10, "99");
        assertCancelReject(client.next(), "5", "3", CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST,
            CxlRejReason.TOO_LATE_TO_CANCEL, OrdStatus.CANCELED);
        assertEquals(2, fixture.venue.counters().get(VenueCounters.CANCEL_REJECTS));
    }

    @Test
    @Timeout(30)
    void shouldAcknowledgeADelayedOrderBeforeAnsweringItsCancel() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().ackDelayNanos(TimeUnit.MINUTES.toNanos(10))
            .build());
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        client.cancel("2", "1", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "2");
        assertFalse(client.received.iterator().hasNext());
    }

    private VenueTestClient start(final VenueBehaviour behaviour) throws InterruptedException {
        fixture = new VenueFixture(behaviour);
        return fixture.logOn();
    }

    static void assertExecution(final Message report, final char execType, final char ordStatus,
        final String clOrdId) throws FieldNotFound {
        assertEquals(MsgType.EXECUTION_REPORT, type(report), report::toString);
        assertEquals(execType, report.getChar(ExecType.FIELD), report::toString);
        assertEquals(ordStatus, report.getChar(OrdStatus.FIELD), report::toString);
        assertEquals(clOrdId, report.getString(ClOrdID.FIELD), report::toString);
    }

    private static void assertCancelReject(final Message reject, final String clOrdId, final String origClOrdId,
        final char responseTo, final int reason, final char ordStatus) throws FieldNotFound {
        assertEquals(MsgType.ORDER_CANCEL_REJECT, type(reject), reject::toString);
        assertEquals(clOrdId, reject.getString(ClOrdID.FIELD));
        assertEquals(origClOrdId, reject.getString(OrigClOrdID.FIELD));
        assertEquals(responseTo, reject.getChar(CxlRejResponseTo.FIELD));
        assertEquals(reason, reject.getInt(CxlRejReason.FIELD));
        assertEquals(ordStatus, reject.getChar(OrdStatus.FIELD));
    }
}
