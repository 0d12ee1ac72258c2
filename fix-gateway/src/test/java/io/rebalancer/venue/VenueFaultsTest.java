package io.rebalancer.venue;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastQty;
import quickfix.field.OrdStatus;
import quickfix.field.PossDupFlag;
import quickfix.field.RefTagID;
import quickfix.field.Side;

import java.util.ArrayList;
import java.util.List;

import static io.rebalancer.venue.VenueCancelReplaceTest.assertExecution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configurable faults and the fault-injection methods, seen by a real FIX 4.4 initiator. */
class VenueFaultsTest {
    private static final int ORDERS = 20;
    @AutoClose
    private VenueFixture fixture;

    @Test
    @Timeout(60)
    void shouldRejectTheSameOrdersAtRandomForTheSameSeed() throws Exception {
        final VenueBehaviour behaviour = VenueBehaviour.builder().rejectProbability(0.5).seed(42).build();
        final List<Character> first = execTypesOfRestingOrders(behaviour);
        final List<Character> second = execTypesOfRestingOrders(behaviour);
        assertEquals(first, second, "seed 42");
        assertTrue(first.contains(ExecType.REJECTED) && first.contains(ExecType.NEW), first::toString);
        assertEquals(first.stream().filter(t -> t == ExecType.REJECTED).count(),
            fixture.venue.counters().get(VenueCounters.RANDOM_REJECTS));
    }

    @Test
    @Timeout(30)
    void shouldFillAWholeOrderWithoutAnyAckInAcklessMode() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().ackless(true).partialFills(true).build());
        client.newOrder("1", Side.BUY, "SPY", 10, VenueFixture.SPY_ASK);
        final Message fill = client.next();
        assertExecution(fill, ExecType.TRADE, OrdStatus.FILLED, "1");
        assertEquals("10", fill.getString(LastQty.FIELD));
        assertEquals(0, fixture.venue.counters().get(VenueCounters.ACKS));
        assertEquals(1, fixture.venue.counters().get(VenueCounters.ACKLESS_ORDERS));
    }

    @Test
    @Timeout(30)
    void shouldResendEveryReportWithTheSameExecIdMarkedAsPossibleDuplicate() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().duplicateProbability(1).build());
        client.newOrder("1", Side.BUY, "SPY", 10, VenueFixture.SPY_ASK);
        for (final char execType : new char[] {ExecType.NEW, ExecType.TRADE}) {
            final Message original = client.next();
            final Message copy = client.next();
            assertEquals(execType, original.getChar(ExecType.FIELD));
            assertEquals(original.getString(ExecID.FIELD), copy.getString(ExecID.FIELD));
            assertFalse(original.getHeader().isSetField(PossDupFlag.FIELD));
            assertTrue(copy.getHeader().getBoolean(PossDupFlag.FIELD));
        }
        assertEquals(2, fixture.venue.counters().get(VenueCounters.DUPLICATES));
    }

    @Test
    @Timeout(30)
    void shouldResendAReportPlainlyWhenNotMarkingDuplicates() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().duplicateProbability(1)
            .duplicatesPossDup(false).build());
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        final Message original = client.next();
        final Message copy = client.next();
        assertEquals(original.getString(ExecID.FIELD), copy.getString(ExecID.FIELD));
        assertFalse(copy.getHeader().isSetField(PossDupFlag.FIELD));
    }

    @Test
    @Timeout(30)
    void shouldSendTheFillBeforeTheAckWhenOutOfOrder() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().fillBeforeAck(true).build());
        client.newOrder("1", Side.BUY, "SPY", 10, VenueFixture.SPY_ASK);
        assertExecution(client.next(), ExecType.TRADE, OrdStatus.FILLED, "1");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        assertEquals(1, fixture.venue.counters().get(VenueCounters.OUT_OF_ORDER));
    }

    @Test
    @Timeout(30)
    void shouldDropTheSessionAfterEverySecondOrderAndLetTheClientLogOnAgain() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.builder().disconnectEveryOrders(2).build());
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        client.newOrder("2", Side.BUY, "SPY", 10, "99");
        VenueTestClient.await(() -> fixture.venue.counters().get(VenueCounters.DISCONNECTS) == 1);
        VenueTestClient.await(() -> client.logons.get() == 2 && client.isLoggedOn());
        assertEquals(2, fixture.venue.counters().get(VenueCounters.LOGONS));
    }

    @Test
    @Timeout(30)
    void shouldDisconnectOnRequest() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        assertEquals(1, fixture.venue.disconnect());
        VenueTestClient.await(() -> client.logons.get() == 2 && client.isLoggedOn());
        assertEquals(1, fixture.venue.logout());
        VenueTestClient.await(() -> !client.logoutsReceived.isEmpty());
    }

    @Test
    @Timeout(30)
    void shouldHaveGarbledFramesDroppedWithoutLosingTheNextReport() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        assertEquals(1, fixture.venue.injectBadChecksum("1"));
        assertEquals(1, fixture.venue.injectBadBodyLength("1"));
        client.newOrder("1", Side.BUY, "SPY", 10, "99");
        assertExecution(client.next(), ExecType.NEW, OrdStatus.NEW, "1");
        assertEquals(2, fixture.venue.counters().get(VenueCounters.GARBLED_INJECTED));
        assertTrue(client.isLoggedOn());
    }

    @Test
    @Timeout(30)
    void shouldHaveInvalidReportsRefusedByTheClientsSession() throws Exception {
        final VenueTestClient client = start(VenueBehaviour.DEFAULT);
        assertEquals(1, fixture.venue.injectReportWithout("1", AvgPx.FIELD));
        assertEquals(AvgPx.FIELD, client.rejectsSent.take().getInt(RefTagID.FIELD));
        assertEquals(1, fixture.venue.injectNonNumericLastPx("1"));
        client.rejectsSent.take();
        assertEquals(1, fixture.venue.injectUnknownClOrdId("999"));
        assertEquals("999", client.next().getString(ClOrdID.FIELD));
        assertTrue(client.received.isEmpty(), "the invalid reports never reached the application");
        assertEquals(3, fixture.venue.counters().get(VenueCounters.INVALID_INJECTED));
    }

    /** One run: ORDERS resting orders, and what each was answered with (New or Rejected). */
    private List<Character> execTypesOfRestingOrders(final VenueBehaviour behaviour) throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        final VenueTestClient client = start(behaviour);
        final List<Character> types = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            client.newOrder(Integer.toString(i), Side.BUY, "SPY", 10, "99");
        }
        for (int i = 0; i < ORDERS; i++) {
            final Message report = client.next();
            assertEquals(Integer.toString(i), report.getString(ClOrdID.FIELD));
            types.add(report.getChar(ExecType.FIELD));
        }
        return types;
    }

    private VenueTestClient start(final VenueBehaviour behaviour) throws InterruptedException {
        fixture = new VenueFixture(behaviour);
        return fixture.logOn();
    }
}
