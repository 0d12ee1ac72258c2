package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.field.BeginString;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastShares;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrigClOrdID;
import quickfix.field.Side;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One acceptor serves FIX 4.4 and FIX 4.2 sessions, each in its own dialect. */
class VenueFix42Test {
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(30)
    void shouldReportFillsInTheFix42DialectWithPartialAndFullFillExecTypes() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.builder().partialFills(true).build(), "FIX.4.4", "FIX.4.2");
        final VenueTestClient client = fixture.logOn("FIX.4.2");
        client.newOrder("1", Side.SELL, "SPY", 10, VenueFixture.SPY_BID);

        final Message ack = client.next();
        assertEquals("FIX.4.2", ack.getHeader().getString(BeginString.FIELD));
        assertExecution(ack, ExecType.NEW, OrdStatus.NEW, "1");
        assertEquals(ExecTransType.NEW, ack.getChar(ExecTransType.FIELD));
        final Message partial = client.next();
        assertExecution(partial, ExecType.PARTIAL_FILL, OrdStatus.PARTIALLY_FILLED, "1");
        assertEquals("5", partial.getString(LastShares.FIELD));
        assertEquals(VenueFixture.SPY_BID, partial.getString(LastPx.FIELD));
        final Message filled = client.next();
        assertExecution(filled, ExecType.FILL, OrdStatus.FILLED, "1");
        assertEquals("5", filled.getString(LastShares.FIELD));
    }

    @Test
    @Timeout(30)
    void shouldCancelReplaceAndRejectInFix42() throws Exception {
        fixture = new VenueFixture(VenueBehaviour.DEFAULT, "FIX.4.2");
        final VenueTestClient client = fixture.logOn("FIX.4.2");
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.replace("2", "1", Side.BUY, "SPY", 12, "99.5");
        final Message replaced = client.next();
        assertExecution(replaced, ExecType.REPLACED, OrdStatus.NEW, "2");
        assertEquals("1", replaced.getString(OrigClOrdID.FIELD));
        client.cancel("3", "2", Side.BUY, "SPY", 12);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "3");
        client.cancel("4", "2", Side.BUY, "SPY", 12);
        final Message reject = client.next();
        assertEquals(MsgType.ORDER_CANCEL_REJECT, VenueFixture.type(reject));
        assertEquals(CxlRejReason.TOO_LATE_TO_CANCEL, reject.getInt(CxlRejReason.FIELD));
    }
}
