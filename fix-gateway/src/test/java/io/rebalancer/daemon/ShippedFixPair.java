package io.rebalancer.daemon;

import io.rebalancer.engine.domain.EngineConfig;
import io.rebalancer.fix.FixGateway;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import io.rebalancer.venue.TestSessions;
import io.rebalancer.venue.VenueSimulator;
import quickfix.MemoryStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped acceptor settings ({@code config/fix/venue.cfg}) moved to a free port, and a copy of the shipped
 * initiator settings in a test directory ({@code broker.cfg}) that connects to it and keeps its store under
 * {@code store}: the daemon's {@code --fix-settings} for a broker's acceptor run by the test.
 *
 * @param acceptor  the acceptor's settings, for a {@link VenueSimulator} in the test's JVM
 * @param initiator the daemon's settings file
 */
record ShippedFixPair(SessionSettings acceptor, Path initiator) {
    private static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "REBALANCER");

    static ShippedFixPair onFreePort(final Path config, final Path dir) throws IOException {
        final int port = TestSessions.freePort();
        final SessionSettings acceptor = FixGateway.settings(config.resolve("fix").resolve("venue.cfg"));
        acceptor.setLong(VENUE, "SocketAcceptPort", port);
        final Path initiator = dir.resolve("broker.cfg");
        Files.writeString(initiator, Files.readString(config.resolve("fix").resolve("initiator.cfg"))
            .replace("SocketConnectPort=9878", "SocketConnectPort=" + port)
            .replace("FileStorePath=fixstore/initiator", "FileStorePath=" + dir.resolve("store").toUri().getPath()));
        return new ShippedFixPair(acceptor, initiator);
    }

    /**
     * A venue simulator on the acceptor, not started, with partial fills. It sees none of the daemon's quotes, so
     * it acknowledges every order and fills none.
     */
    VenueSimulator venue(final EngineConfig engine) {
        return new VenueSimulator(acceptor, new MemoryStoreFactory(), new LatestQuotes(engine.universe().size()),
            engine.universe(), true);
    }
}
