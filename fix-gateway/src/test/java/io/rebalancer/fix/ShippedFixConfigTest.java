package io.rebalancer.fix;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueSimulator;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session files in config/fix are valid QuickFIX/J settings, and the two sides log on to each other. */
class ShippedFixConfigTest {
    private static final Path INITIATOR = Path.of("..", "config", "fix", "initiator.cfg");
    private static final Path INITIATOR_42 = Path.of("..", "config", "fix", "initiator-fix42.cfg");
    private static final Path VENUE = Path.of("..", "config", "fix", "venue.cfg");

    @Test
    void shouldShipTheDocumentedInitiatorSettings() throws ConfigError, FieldConvertError {
        final SessionSettings settings = FixGateway.settings(INITIATOR);
        assertEquals("127.0.0.1", settings.getString(FixTestSettings.GATEWAY, "SocketConnectHost"));
        assertEquals(9878, settings.getLong(FixTestSettings.GATEWAY, "SocketConnectPort"));
        assertEquals(30, settings.getLong(FixTestSettings.GATEWAY, "HeartBtInt"));
        assertEquals("1;2;5;10", settings.getString(FixTestSettings.GATEWAY, "ReconnectInterval"));
        assertArrayEquals(new int[] {1, 2, 5, 10}, SessionSettings.parseSettingReconnectInterval(
            settings.getString(FixTestSettings.GATEWAY, "ReconnectInterval")));
        assertEquals(0, GatewaySettings.read(settings).maxMessagesPerSecond);
        assertNull(GatewaySettings.read(settings).password);
        assertEquals("FIX44.xml", settings.getString(FixTestSettings.GATEWAY, "DataDictionary"));
        assertEquals("N", settings.getString(FixTestSettings.GATEWAY, "PersistMessages"));
        assertTrue(settings.getString(FixTestSettings.GATEWAY, "FileStorePath").startsWith("fixstore/"));
        for (final String key : List.of("UseDataDictionary", "ValidateIncomingMessage", "RejectGarbledMessage")) {
            assertEquals("Y", settings.getString(FixTestSettings.GATEWAY, key), key);
        }
    }

    @Test
    void shouldShipAFix42ExampleWithItsDictionary() throws ConfigError, FieldConvertError {
        final SessionSettings settings = FixGateway.settings(INITIATOR_42);
        assertEquals("FIX42.xml", settings.getString(FixTestSettings.GATEWAY_42, "DataDictionary"));
        assertEquals(FixTestSettings.GATEWAY_42, GatewaySettings.read(settings).session);
        for (final String key : List.of("UseDataDictionary", "ValidateIncomingMessage", "RejectGarbledMessage")) {
            assertEquals("Y", settings.getString(FixTestSettings.GATEWAY_42, key), key);
        }
    }

    @Test
    void shouldRefuseARateLimitThatIsNotAWholeNumber() {
        final SessionSettings settings = FixTestSettings.initiator(1);
        settings.setString(FixTestSettings.GATEWAY, GatewaySettings.MAX_MESSAGES_PER_SECOND, "fast");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> GatewaySettings.read(settings));
        assertTrue(error.getMessage().contains("MaxMessagesPerSecond"), error::getMessage);
        settings.setString(FixTestSettings.GATEWAY, GatewaySettings.MAX_MESSAGES_PER_SECOND, "-1");
        assertThrows(IllegalArgumentException.class, () -> GatewaySettings.read(settings));
    }

    @Test
    void shouldNameTheFileWhenSettingsCannotBeRead(@TempDir final Path dir) {
        final Path missing = dir.resolve("nope.cfg");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> FixGateway.settings(missing));
        assertTrue(error.getMessage().contains(missing.toString()), error::getMessage);
    }

    @Test
    @Timeout(30)
    void shouldLogOnWithTheShippedFilesAndFileStores(@TempDir final Path dir) throws InterruptedException {
        final int port = TestSessions.freePort();
        final SessionSettings venueSettings = FixGateway.settings(VENUE);
        venueSettings.setLong(FixTestSettings.VENUE, "SocketAcceptPort", port);
        venueSettings.setString(FixTestSettings.VENUE, "FileStorePath", dir.resolve("venue").toString());
        final SessionSettings gatewaySettings = FixGateway.settings(INITIATOR);
        gatewaySettings.setLong(FixTestSettings.GATEWAY, "SocketConnectPort", port);
        gatewaySettings.setString(FixTestSettings.GATEWAY, "FileStorePath", dir.resolve("gateway").toString());
        final InstrumentUniverse universe = new InstrumentUniverse(
            List.of(new Instrument(0, "SPY", 10_000, 1, 100_000_000_000L)));
        try (VenueSimulator venue = new VenueSimulator(venueSettings, FixGateway.stores(venueSettings),
            new LatestQuotes(1), universe, false);
            FixGateway gateway = new FixGateway(gatewaySettings, FixGateway.stores(gatewaySettings), universe, 16,
                new SystemEpochNanoClock())) {
            venue.start();
            gateway.start(new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new, 16)));
            while (!gateway.isConnected()) {
                Thread.sleep(5);
            }
            assertEquals(1, gateway.counters().get(GatewayCounters.LOGONS));
        }
        assertTrue(Files.isDirectory(dir.resolve("gateway")), "sequence numbers kept in a file store");
    }
}
