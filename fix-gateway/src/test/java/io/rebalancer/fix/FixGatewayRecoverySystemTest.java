package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.engine.pipeline.VenueOrderStatus;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueBehaviour;
import io.rebalancer.venue.VenueCounters;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway across a restart with a persistent (file) store in a temporary directory, against the venue
 * simulator over FIX 4.4 on loopback: what QuickFIX/J resends, and what it asks the venue to resend.
 */
class FixGatewayRecoverySystemTest {
    private static final int SPY = 0;
    private static final InstrumentUniverse UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L)));
    private static final long ASK = Fixed.parse("100.02");
    private static final long BELOW = Fixed.parse("99");

    private final int port = TestSessions.freePort();
    private final LatestQuotes quotes = new LatestQuotes(1);
    private VenueSimulator venue;
    private FixGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
    }

    /**
     * The gateway sends an order, a replace, a status request and a cancel with {@code PersistMessages=Y}, so
     * QuickFIX/J keeps them, and stops. The venue then expects the gateway's MsgSeqNum 2 again, as a venue that
     * lost them would, and asks for them on the next logon: the restarted gateway refuses to resend every one, and
     * QuickFIX/J gap-fills over them. The venue sees no second order and no PossDup at all.
     */
    @Test
    @Timeout(60)
    void shouldNeverResendOrdersCancelsReplacesOrStatusRequestsAfterARestart(@TempDir final Path dir)
        throws InterruptedException, IOException {
        startVenue();
        final SessionSettings settings = fileStored(dir);
        settings.setString(FixTestSettings.GATEWAY, "PersistMessages", "Y");
        final InboundRecorder before = new InboundRecorder();
        startGateway(settings, before, 0);
        final OrderSink sink = gateway.orderSink();
        sink.onNewOrder(0, 1, 0, SPY, Side.BUY, 10, BELOW);
        sink.onReplaceOrder(0, 2, 1, 0, SPY, Side.BUY, 12, BELOW);
        sink.onStatusRequest(0, 2, 0, SPY, Side.BUY, 12);
        sink.onCancelOrder(0, 3, 2, 0, SPY, Side.BUY, 12);
        await(() -> before.executions().size() == 4);
        assertEquals(List.of(ExecType.NEW, ExecType.REPLACED, ExecType.ORDER_STATUS, ExecType.CANCELED),
            before.executions().stream().map(InboundRecorder.Execution::execType).toList());
        gateway.close();
        await(() -> venue.loggedOnSessions() == 0);
        Session.lookupSession(FixTestSettings.VENUE).setNextTargetMsgSeqNum(2);

        final InboundRecorder after = new InboundRecorder();
        startGateway(settings, after, 0);
        gateway.orderSink().onNewOrder(0, 10, 0, SPY, Side.BUY, 5, BELOW);
        await(() -> after.executions().stream().anyMatch(e -> e.clientOrderId() == 10));

        assertEquals(List.of(new InboundRecorder.Execution(10, after.executions().get(0).executionId(), ExecType.NEW,
            0, 0, 5)), after.executions(), "the new order, nothing else");
        assertEquals(4, gateway.counters().get(GatewayCounters.RESENDS_REFUSED), "D, G, H and F, refused");
        final VenueCounters v = venue.counters();
        assertEquals(2, v.get(VenueCounters.ORDERS_RECEIVED));
        assertEquals(0, v.get(VenueCounters.POSS_DUPS_IGNORED) + v.get(VenueCounters.DUPLICATE_ORDERS),
            "no message came twice");
        assertEquals(1, v.get(VenueCounters.REPLACES));
        assertEquals(1, v.get(VenueCounters.CANCELS));
        assertEquals(1, v.get(VenueCounters.STATUS_REQUESTS));
        assertEquals(Session.lookupSession(FixTestSettings.GATEWAY).getExpectedSenderNum(),
            Session.lookupSession(FixTestSettings.VENUE).getExpectedTargetNum(), "the gap is filled");
    }

    /**
     * The gateway trades, stops, and starts again from the same file store told to expect the venue's MsgSeqNum 2
     * next: the venue resends its ack and fill (PossDup), which the gateway publishes again with their original
     * MsgSeqNums and ExecIDs, so the engine recognises them. A status request sent as soon as the session is up is
     * answered after them: QuickFIX/J hands the application the resent messages first, in sequence, and holds back
     * anything newer until the gap is closed.
     */
    @Test
    @Timeout(60)
    void shouldHaveTheVenueResendItsReportsFromTheNextIncomingSequenceSet(@TempDir final Path dir)
        throws InterruptedException {
        startVenue();
        final SessionSettings settings = fileStored(dir);
        final InboundRecorder before = new InboundRecorder();
        startGateway(settings, before, 0);
        gateway.orderSink().onNewOrder(0, 1, 0, SPY, Side.BUY, 10, ASK);
        await(() -> before.executions().size() == 2);
        assertEquals(List.of(2L, 3L), before.sourceSequences());
        gateway.close();
        await(() -> venue.loggedOnSessions() == 0);

        final InboundRecorder after = new InboundRecorder();
        startGateway(settings, after, 2);
        gateway.orderSink().onStatusRequest(0, 1, 0, SPY, Side.BUY, 10);
        await(() -> after.executions().size() == 3);

        assertEquals(before.executions(), after.executions().subList(0, 2), "the same reports, the same ExecIDs");
        assertEquals(List.of(new InboundRecorder.Status(1, VenueOrderStatus.FILLED, 10, ASK, 0)), after.statuses());
        final List<Long> sequences = after.sourceSequences();
        assertEquals(List.of(2L, 3L), sequences.subList(0, 2));
        assertTrue(sequences.get(2) > 5, () -> "the answer after the Logout and Logon the venue gap-filled: "
            + sequences);
        assertThrows(IllegalStateException.class, () -> gateway.nextIncomingSequence(3), "only before start");
    }

    private void startVenue() {
        quotes.update(SPY, Fixed.parse("100"), ASK, 0);
        venue = new VenueSimulator(FixTestSettings.acceptor(port), new MemoryStoreFactory(), quotes, UNIVERSE,
            VenueBehaviour.DEFAULT);
        venue.start();
    }

    private SessionSettings fileStored(final Path dir) {
        final SessionSettings settings = FixTestSettings.initiator(port);
        settings.setString(FixTestSettings.GATEWAY, FileStoreFactory.SETTING_FILE_STORE_PATH,
            dir.resolve("store").toString());
        return settings;
    }

    private void startGateway(final SessionSettings settings, final InboundRecorder inbound, final int next)
        throws InterruptedException {
        gateway = new FixGateway(settings, new FileStoreFactory(settings), UNIVERSE, 64, new SystemEpochNanoClock())
            .nextIncomingSequence(next);
        gateway.start(inbound.publisher);
        await(gateway::isConnected);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }
}
