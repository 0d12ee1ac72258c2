package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderSink;
import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.domain.Side;
import io.rebalancer.engine.pipeline.ExecType;
import io.rebalancer.venue.TestSessions;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.EncryptMethod;
import quickfix.field.HeartBtInt;
import quickfix.field.MsgSeqNum;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;
import quickfix.fix44.Logon;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against a raw QuickFIX/J acceptor ({@link ScriptedVenue}) over loopback, in FIX 4.4 and 4.2: new
 * orders, cancels and cancel/replaces out, and what comes back as the engine would see it on its inbound ring
 * (records written straight into the gateway's order sink, since the engine does not emit cancels yet). Also a
 * logon with credentials, a session over TLS, and a venue restart the gateway reconnects through.
 */
class FixGatewayLifecycleSystemTest {
    private static final long PRICE = Fixed.parse("100.29");
    private static final InstrumentUniverse UNIVERSE = new InstrumentUniverse(List.of(
        new Instrument(0, "SPY", 10_000, 1, 100_000_000_000L)));

    private final int port = TestSessions.freePort();
    private final InboundRecorder inbound = new InboundRecorder();
    private ScriptedVenue venue;
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

    @ParameterizedTest
    @ValueSource(strings = {"FIX.4.4", "FIX.4.2"})
    @Timeout(30)
    void shouldSendOrdersCancelsAndReplacesAndMapEveryAnswer(final String beginString) throws InterruptedException {
        final SessionID id = new SessionID(beginString, "REBALANCER", "VENUE");
        venue = new ScriptedVenue(FixTestSettings.acceptor(FixTestSettings.counterparty(id), port), null);
        startGateway(FixTestSettings.initiator(id, port));
        await(gateway::isConnected);

        final OrderSink sink = gateway.orderSink();
        sink.onNewOrder(0, 1, 0, 0, Side.BUY, 500, PRICE);
        sink.onReplaceOrder(0, 2, 1, 0, 0, Side.BUY, 600, PRICE);
        sink.onCancelOrder(0, 3, 2, 0, 0, Side.BUY, 600);
        sink.onCancelOrder(0, 4, 99, 0, 0, Side.BUY, 10);
        sink.onNewOrder(0, 5, 0, 0, Side.SELL, 40, PRICE);
        await(() -> inbound.executions().size() == 6);

        assertEquals(List.of(
            new InboundRecorder.Execution(1, 1, ExecType.NEW, 0, 0, 500),
            new InboundRecorder.Execution(2, 2, ExecType.REPLACED, 0, 0, 600),
            new InboundRecorder.Execution(3, 3, ExecType.CANCELED, 0, 0, 0),
            new InboundRecorder.Execution(4, -4, ExecType.CANCEL_REJECTED, 0, 0, 0),
            new InboundRecorder.Execution(5, 4, ExecType.NEW, 0, 0, 40),
            new InboundRecorder.Execution(5, 5, ExecType.TRADE, 40, PRICE, 0)), inbound.executions());
        assertEquals(List.of("D", "G", "F", "F", "D"), venue.received);
        final GatewayCounters c = gateway.counters();
        assertEquals(2, c.get(GatewayCounters.ORDERS_SENT));
        assertEquals(2, c.get(GatewayCounters.CANCELS_SENT));
        assertEquals(1, c.get(GatewayCounters.REPLACES_SENT));
        assertEquals(1, c.get(GatewayCounters.CANCEL_REJECTS));
        assertEquals(0, c.get(GatewayCounters.SESSION_REJECTS));
    }

    @Test
    @Timeout(30)
    void shouldLogOnWithTheRightPassword() throws InterruptedException {
        venue = new ScriptedVenue(FixTestSettings.acceptor(port), "s3cret");
        final SessionSettings settings = FixTestSettings.initiator(port);
        settings.setString(FixTestSettings.GATEWAY, GatewaySettings.USERNAME, "rebalancer");
        settings.setString(FixTestSettings.GATEWAY, GatewaySettings.PASSWORD, "s3cret");
        startGateway(settings);
        await(gateway::isConnected);
        assertEquals(0, gateway.counters().get(GatewayCounters.LOGON_FAILURES));
    }

    @Test
    @Timeout(30)
    void shouldCountAndReportALogonRefusedForAWrongPasswordAndRejectOrdersBack() throws InterruptedException {
        venue = new ScriptedVenue(FixTestSettings.acceptor(port), "s3cret");
        final SessionSettings settings = FixTestSettings.initiator(port);
        settings.setString(FixTestSettings.GATEWAY, GatewaySettings.PASSWORD, "wrong");
        startGateway(settings);
        await(() -> gateway.counters().get(GatewayCounters.LOGON_FAILURES) >= 1);
        assertFalse(gateway.isConnected());
        assertTrue(gateway.lastLogonFailure().contains("bad credentials"), gateway::lastLogonFailure);
        gateway.orderSink().onNewOrder(0, 1, 0, 0, Side.BUY, 10, PRICE);
        await(() -> inbound.executions().size() == 1);
        assertEquals(new InboundRecorder.Execution(1, -1, ExecType.REJECTED, 0, 0, 0), inbound.executions().get(0));
        assertEquals(0, gateway.counters().get(GatewayCounters.LOGONS));
    }

    @Test
    @Timeout(60)
    void shouldTradeOverTls(@TempDir final Path dir) throws InterruptedException, IOException {
        final Path keyStore = SelfSignedKeyStore.create(dir);
        final SessionSettings acceptor = FixTestSettings.acceptor(port);
        final SessionSettings initiator = FixTestSettings.initiator(port);
        SelfSignedKeyStore.useTls(acceptor, FixTestSettings.VENUE, keyStore);
        SelfSignedKeyStore.useTls(initiator, FixTestSettings.GATEWAY, keyStore);
        venue = new ScriptedVenue(acceptor, null);
        assertFalse(answersPlainFix(), "the venue only speaks TLS: a plain-text Logon gets no FIX answer");
        startGateway(initiator);
        await(gateway::isConnected);
        gateway.orderSink().onNewOrder(0, 1, 0, 0, Side.BUY, 10, PRICE);
        await(() -> inbound.executions().size() == 2);
        assertEquals(new InboundRecorder.Execution(1, 2, ExecType.TRADE, 10, PRICE, 0), inbound.executions().get(1));
    }

    /** Sends a plain-text Logon to the venue's port and reads whatever comes back until it closes. */
    private boolean answersPlainFix() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            final Logon logon = new Logon(new EncryptMethod(EncryptMethod.NONE_OTHER), new HeartBtInt(30));
            logon.getHeader().setString(SenderCompID.FIELD, "REBALANCER");
            logon.getHeader().setString(TargetCompID.FIELD, "VENUE");
            logon.getHeader().setInt(MsgSeqNum.FIELD, 1);
            logon.getHeader().setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC));
            socket.getOutputStream().write(logon.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final byte[] answer = socket.getInputStream().readNBytes(2);
            return answer.length == 2 && answer[0] == '8' && answer[1] == '=';
        } catch (final SocketTimeoutException | SocketException ex) {
            return false;
        }
    }

    @Test
    @Timeout(60)
    void shouldRejectOrdersBackWhileTheVenueIsDownAndTradeAgainAfterItsRestart(@TempDir final Path dir)
        throws InterruptedException {
        final SessionSettings acceptor = FixTestSettings.acceptor(port);
        acceptor.setString(FixTestSettings.VENUE, "FileStorePath", dir.resolve("venue").toString());
        venue = new ScriptedVenue(acceptor, ScriptedVenue.fileStores(acceptor), null);
        startGateway(FixTestSettings.initiator(port));
        await(gateway::isConnected);
        gateway.orderSink().onNewOrder(0, 1, 0, 0, Side.BUY, 10, PRICE);
        await(() -> inbound.executions().size() == 2);

        venue.close();
        await(() -> !gateway.isConnected());
        assertEquals(1, gateway.counters().get(GatewayCounters.LOGOUTS));
        gateway.orderSink().onNewOrder(0, 2, 0, 0, Side.BUY, 10, PRICE);
        gateway.orderSink().onCancelOrder(0, 3, 1, 0, 0, Side.BUY, 10);
        await(() -> inbound.executions().size() == 4);
        assertEquals(List.of(new InboundRecorder.Execution(2, -2, ExecType.REJECTED, 0, 0, 0),
            new InboundRecorder.Execution(3, -3, ExecType.CANCEL_REJECTED, 0, 0, 0)),
            inbound.executions().subList(2, 4));

        venue = new ScriptedVenue(acceptor, ScriptedVenue.fileStores(acceptor), null);
        await(() -> gateway.counters().get(GatewayCounters.LOGONS) == 2 && gateway.isConnected());
        gateway.orderSink().onNewOrder(0, 4, 0, 0, Side.BUY, 10, PRICE);
        await(() -> inbound.executions().size() == 6);
        assertEquals(new InboundRecorder.Execution(4, 2, ExecType.TRADE, 10, PRICE, 0), inbound.executions().get(5));
        assertEquals(2, gateway.counters().get(GatewayCounters.ORDERS_SENT));
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
