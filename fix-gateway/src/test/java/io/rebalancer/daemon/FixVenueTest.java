package io.rebalancer.daemon;

import com.lmax.disruptor.RingBuffer;
import io.rebalancer.engine.domain.Instrument;
import io.rebalancer.engine.domain.InstrumentUniverse;
import io.rebalancer.engine.pipeline.InboundEvent;
import io.rebalancer.engine.pipeline.InboundPublisher;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon's FIX venue on its own: in-process pairs that never collide, and a logon that times out clearly. */
@Timeout(30)
class FixVenueTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final InstrumentUniverse UNIVERSE = new InstrumentUniverse(
        List.of(new Instrument(0, "SPY", 10_000, 1, 100_000_000_000L)));

    private static InboundPublisher ring() {
        return new InboundPublisher(RingBuffer.createMultiProducer(InboundEvent::new, 16));
    }

    @Test
    void shouldRunTwoInProcessPairsSideBySideOnTheirOwnPorts() {
        try (FixVenue first = new FixVenue(CONFIG, null, UNIVERSE, 16, new LatestQuotes(1));
            FixVenue second = new FixVenue(CONFIG, null, UNIVERSE, 16, new LatestQuotes(1))) {
            assertTrue(first.startAndAwaitLogon(ring(), FixVenue.LOGON_TIMEOUT_NANOS, () -> false));
            assertTrue(second.startAndAwaitLogon(ring(), FixVenue.LOGON_TIMEOUT_NANOS, () -> false));
            assertTrue(first.summary(true).contains("logged on"), first.summary(true));
            assertEquals("FIX logged on (1 logon)", first.connection(), "the status line's words");
            assertFalse(first.summary(true).equals(second.summary(true)), "each pair has its own port");
        }
    }

    @Test
    void shouldGiveUpClearlyWhenNoAcceptorAnswers(@TempDir final Path dir) throws IOException {
        final int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        final Path settings = dir.resolve("nobody.cfg");
        Files.writeString(settings, Files.readString(CONFIG.resolve("fix").resolve("initiator.cfg"))
            .replace("SocketConnectPort=9878", "SocketConnectPort=" + port)
            .replace("FileStorePath=fixstore/initiator", "FileStorePath=" + dir.resolve("store").toUri().getPath()));
        try (FixVenue venue = new FixVenue(CONFIG, settings, UNIVERSE, 16, new LatestQuotes(1))) {
            assertFalse(venue.startAndAwaitLogon(ring(), TimeUnit.MILLISECONDS.toNanos(300), () -> false));
            assertEquals("FIX session DOWN (0 logons)", venue.connection());
            final String line = venue.summary(false);
            assertTrue(line.contains("did not log on within 300 ms") && line.contains(settings.toString()), line);
        }
    }
}
