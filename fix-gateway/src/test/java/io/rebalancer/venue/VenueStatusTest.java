package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrderID;
import quickfix.field.Side;
import quickfix.field.Symbol;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static io.rebalancer.venue.VenueFixture.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OrderStatusRequests (35=H) against the simulator over real FIX 4.4 and 4.2 sessions: the order as it is now,
 * found by any ClOrdID it had, answered under the ClOrdID asked about; an unknown ClOrdID as OrdStatus 8 with
 * OrdRejReason 5. A status request changes nothing.
 */
class VenueStatusTest {
    @AutoClose
    private VenueFixture fixture;
    private String beginString;

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4", "FIX.4.2"})
    @Timeout(30)
    void shouldAnswerWithTheStateOfWorkingPartlyFilledFilledCanceledReplacedAndUnknownOrders(final String version)
        throws Exception {
        beginString = version;
        fixture = new VenueFixture(VenueBehaviour.builder().partialFills(true)
            .partialGapNanos(TimeUnit.MINUTES.toNanos(10)).build(), version);
        final VenueTestClient client = fixture.logOn(version);
        final boolean fix42 = "FIX.4.2".equals(version);
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.newOrder("2", Side.SELL, "SPY", 10, VenueFixture.SPY_BID);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "2");
        assertEquals(OrdStatus.PARTIALLY_FILLED, client.next().getChar(OrdStatus.FIELD));
        client.newOrder("3", Side.BUY, "SPY", 1, VenueFixture.SPY_ASK);
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "3");
        assertEquals(OrdStatus.FILLED, client.next().getChar(OrdStatus.FIELD));
        client.newOrder("4", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "4");
        client.cancel("5", "4", Side.BUY, "SPY", 10);
        assertExecution(client.next(), ExecType.CANCELED, OrdStatus.CANCELED, "5");
        client.newOrder("6", Side.BUY, "TLT", 10, "49");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "6");
        client.replace("7", "6", Side.BUY, "TLT", 12, "49.5");
        assertExecution(client.next(), ExecType.REPLACED, OrdStatus.NEW, "7");
        final long acks = fixture.venue.counters().get(VenueCounters.ACKS);
        final long fills = fixture.venue.counters().get(VenueCounters.FILLS);

        final List<String> asked = List.of("1", "2", "3", "4", "5", "7", "6", "99");
        for (final String clOrdId : asked) {
            client.statusRequest(clOrdId, Side.BUY, "SPY", fix42 ? null : "Q" + clOrdId);
        }
        final Set<String> execIds = new HashSet<>();
        final Set<String> orderIds = new HashSet<>();
        for (final String clOrdId : asked) {
            final Message answer = client.next();
            assertStatusAnswer(answer, clOrdId);
            assertTrue(execIds.add(answer.getString(ExecID.FIELD)), "ExecIDs are unique");
            orderIds.add(answer.getString(OrderID.FIELD));
            assertFalse(answer.isSetField(LastQty.FIELD), "a status answer repeats no fill");
            if (!fix42) {
                assertEquals("Q" + clOrdId, answer.getString(OrdStatusReqID.FIELD));
            }
            switch (clOrdId) {
                case "1" -> assertState(answer, OrdStatus.NEW, 0, 10, "0");
                case "2" -> assertState(answer, OrdStatus.PARTIALLY_FILLED, 5, 5, VenueFixture.SPY_BID);
                case "3" -> assertState(answer, OrdStatus.FILLED, 1, 0, VenueFixture.SPY_ASK);
                case "4", "5" -> assertState(answer, OrdStatus.CANCELED, 0, 0, "0");
                case "6", "7" -> assertState(answer, OrdStatus.NEW, 0, 12, "0");
                default -> {
                    assertState(answer, OrdStatus.REJECTED, 0, 0, "0");
                    assertEquals(OrdRejReason.UNKNOWN_ORDER, answer.getInt(OrdRejReason.FIELD));
                    assertEquals(VenueReports.NO_ORDER_ID, answer.getString(OrderID.FIELD));
                    assertEquals("SPY", answer.getString(Symbol.FIELD), "the request's Symbol, echoed");
                }
            }
        }
        assertEquals(Set.of("V1", "V2", "V3", "V4", "V5", VenueReports.NO_ORDER_ID), orderIds,
            "the order's own OrderID under any of its ClOrdIDs");
        assertEquals(asked.size(), fixture.venue.counters().get(VenueCounters.STATUS_REQUESTS));
        assertEquals(acks, fixture.venue.counters().get(VenueCounters.ACKS), "a status request sends no ack");
        assertEquals(fills, fixture.venue.counters().get(VenueCounters.FILLS), "nor fills anything");
        assertEquals(2, fixture.venue.executedFills().size());
        assertTrue(client.received.isEmpty());
    }

    @Test
    @Timeout(30)
    void shouldAnswerPendingNewForAnOrderWhoseAckIsStillDue() throws Exception {
        beginString = "FIX.4.4";
        fixture = new VenueFixture(VenueBehaviour.builder().ackDelayNanos(TimeUnit.MINUTES.toNanos(10)).build());
        final VenueTestClient client = fixture.logOn();
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        client.statusRequest("1", Side.BUY, "SPY", null);
        final Message answer = client.next();
        assertStatusAnswer(answer, "1");
        assertState(answer, OrdStatus.PENDING_NEW, 0, 10, "0");
        assertFalse(answer.isSetField(OrdStatusReqID.FIELD), "none asked, none echoed");
        assertEquals(0, fixture.venue.counters().get(VenueCounters.ACKS));
    }

    /** ExecType I in 4.4; ExecTransType 3 with ExecType equal to OrdStatus in 4.2. */
    private void assertStatusAnswer(final Message answer, final String clOrdId) throws FieldNotFound {
        assertEquals(MsgType.EXECUTION_REPORT, type(answer), answer::toString);
        assertEquals(clOrdId, answer.getString(ClOrdID.FIELD), answer::toString);
        if ("FIX.4.2".equals(beginString)) {
            assertEquals(ExecTransType.STATUS, answer.getChar(ExecTransType.FIELD), answer::toString);
            assertEquals(answer.getChar(OrdStatus.FIELD), answer.getChar(ExecType.FIELD), answer::toString);
        } else {
            assertEquals(ExecType.ORDER_STATUS, answer.getChar(ExecType.FIELD), answer::toString);
            assertFalse(answer.isSetField(ExecTransType.FIELD));
        }
        assertNotEquals("", answer.getString(OrderID.FIELD));
    }

    private static void assertState(final Message answer, final char ordStatus, final long cumulative,
        final long leaves, final String averagePrice) throws FieldNotFound {
        assertEquals(ordStatus, answer.getChar(OrdStatus.FIELD), answer::toString);
        assertEquals(Long.toString(cumulative), answer.getString(CumQty.FIELD), answer::toString);
        assertEquals(Long.toString(leaves), answer.getString(LeavesQty.FIELD), answer::toString);
        assertEquals(averagePrice, answer.getString(AvgPx.FIELD), answer::toString);
    }
}
