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
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order status requests from the gateway to the venue simulator and back, over real QuickFIX/J sessions on
 * loopback in FIX 4.4 and 4.2, read as the engine would see them on its inbound ring; and what the engine hears
 * when a request cannot be asked (session down) or the venue refuses it.
 */
class FixGatewayStatusSystemTest {
    private static final int SPY = 0;
    private static final InstrumentUniverse UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(SPY, "SPY", 10_000, 1, 100_000_000_000L),
        new Instrument(1, "TLT", 10_000, 1, 100_000_000_000L)));
    private static final long BID = Fixed.parse("100");
    private static final long ASK = Fixed.parse("100.02");

    private final int port = TestSessions.freePort();
    private final InboundRecorder inbound = new InboundRecorder();
    private final LatestQuotes quotes = new LatestQuotes(2);
    private VenueSimulator venue;
    private ScriptedVenue scripted;
    private FixGateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.close();
        }
        if (scripted != null) {
            scripted.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4", "FIX.4.2"})
    @Timeout(60)
    void shouldAskTheStatusOfWorkingPartlyFilledFilledCanceledAndUnknownOrders(final String beginString)
        throws InterruptedException {
        final SessionID id = new SessionID(beginString, "REBALANCER", "VENUE");
        quotes.update(SPY, BID, ASK, 0);
        quotes.update(1, Fixed.parse("50"), Fixed.parse("50.02"), 0);
        venue = new VenueSimulator(FixTestSettings.acceptor(FixTestSettings.counterparty(id), port),
            new MemoryStoreFactory(), quotes, UNIVERSE, VenueBehaviour.builder().partialFills(true)
            .partialGapNanos(TimeUnit.MINUTES.toNanos(10)).build());
        venue.start();
        startGateway(FixTestSettings.initiator(id, port));
        await(gateway::isConnected);

        final OrderSink sink = gateway.orderSink();
        sink.onNewOrder(0, 1, 0, SPY, Side.BUY, 10, Fixed.parse("99"));
        sink.onNewOrder(0, 2, 0, SPY, Side.SELL, 10, BID);
        sink.onNewOrder(0, 3, 0, SPY, Side.BUY, 1, ASK);
        sink.onNewOrder(0, 4, 0, SPY, Side.BUY, 10, Fixed.parse("99"));
        sink.onCancelOrder(0, 5, 4, 0, SPY, Side.BUY, 10);
        await(() -> inbound.executions().size() == 7);
        for (final long order : new long[] {1, 2, 3, 4, 99}) {
            sink.onStatusRequest(0, order, 0, SPY, Side.BUY, 10);
        }
        await(() -> inbound.statuses().size() == 5);

        assertEquals(List.of(
            new InboundRecorder.Status(1, VenueOrderStatus.WORKING, 0, 0, 10),
            new InboundRecorder.Status(2, VenueOrderStatus.WORKING, 5, BID, 5),
            new InboundRecorder.Status(3, VenueOrderStatus.FILLED, 1, ASK, 0),
            new InboundRecorder.Status(4, VenueOrderStatus.CANCELED, 0, 0, 0),
            new InboundRecorder.Status(99, VenueOrderStatus.UNKNOWN, 0, 0, 0)), inbound.statuses());
        final Set<Long> executionIds = new HashSet<>();
        for (final InboundRecorder.Execution e : inbound.executions()) {
            assertTrue(executionIds.add(e.executionId()), "every report its own ExecID");
        }
        final List<Long> sequences = inbound.sourceSequences();
        assertEquals(12, sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            assertTrue(sequences.get(i) >= 2 && (i == 0 || sequences.get(i) > sequences.get(i - 1)),
                () -> "each report carries its own MsgSeqNum, after the venue's Logon: " + sequences);
        }
        final GatewayCounters c = gateway.counters();
        assertEquals(5, c.get(GatewayCounters.STATUS_REQUESTS_SENT));
        assertEquals(5, c.get(GatewayCounters.STATUS_ANSWERS));
        assertEquals(0, c.get(GatewayCounters.MALFORMED_EXECUTIONS) + c.get(GatewayCounters.SESSION_REJECTS));
        assertEquals(2, venue.executedFills().size(), "asking changes nothing");
    }

    @Test
    @Timeout(30)
    void shouldAnswerAStatusRequestWithNoAnswerWhileTheSessionIsDown() throws InterruptedException {
        startGateway(FixTestSettings.initiator(port));
        gateway.orderSink().onStatusRequest(0, 7, 0, SPY, Side.BUY, 10);
        await(() -> inbound.statuses().size() == 1);
        assertEquals(List.of(new InboundRecorder.Status(7, FixOrdStatus.NO_ANSWER, 0, 0, 0)), inbound.statuses());
        assertEquals(List.of(new InboundRecorder.Execution(7, 0, ExecType.ORDER_STATUS, 0, 0, 0)),
            inbound.executions());
        assertEquals(List.of(0L), inbound.sourceSequences(), "made by the gateway, from no venue message");
        assertEquals(1, gateway.counters().get(GatewayCounters.STATUS_REQUESTS_NOT_SENT));
    }

    @Test
    @Timeout(30)
    void shouldAnswerAStatusRequestTheVenueRefusesWithNoAnswer() throws InterruptedException {
        scripted = new ScriptedVenue(FixTestSettings.acceptor(port), null);
        startGateway(FixTestSettings.initiator(port));
        await(gateway::isConnected);
        gateway.orderSink().onNewOrder(0, 1, 0, SPY, Side.BUY, 10, ASK);
        gateway.orderSink().onStatusRequest(0, 1, 0, SPY, Side.BUY, 10);
        await(() -> inbound.executions().size() == 3);
        assertEquals(List.of(new InboundRecorder.Status(1, FixOrdStatus.NO_ANSWER, 0, 0, 0)), inbound.statuses());
        assertEquals(List.of(2L, 3L, 4L), inbound.sourceSequences(),
            "the ack, the fill and the BusinessMessageReject, each with its MsgSeqNum");
        assertEquals(1, gateway.counters().get(GatewayCounters.STATUS_REQUESTS_REJECTED));
        assertEquals(1, gateway.counters().get(GatewayCounters.BUSINESS_REJECTS));
        assertEquals(List.of("D", "H"), scripted.received);
    }

    private void startGateway(final SessionSettings settings) {
        gateway = new FixGateway(settings, new MemoryStoreFactory(), UNIVERSE, 64, new SystemEpochNanoClock());
        gateway.start(inbound.publisher);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(5);
        }
    }
}
