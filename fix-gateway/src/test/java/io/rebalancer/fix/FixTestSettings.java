package io.rebalancer.fix;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** QuickFIX/J settings built in code for tests: a free loopback port, in-memory stores, quick reconnects. */
final class FixTestSettings {
    static final SessionID GATEWAY = new SessionID("FIX.4.4", "REBALANCER", "VENUE");
    static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "REBALANCER");
    static final SessionID GATEWAY_42 = new SessionID("FIX.4.2", "REBALANCER", "VENUE");
    static final SessionID VENUE_42 = new SessionID("FIX.4.2", "VENUE", "REBALANCER");

    private FixTestSettings() {
    }

    /** A port nobody listens on right now; the venue binds it a moment later. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static SessionSettings initiator(final int port) {
        return initiator(GATEWAY, port);
    }

    static SessionSettings acceptor(final int port) {
        return acceptor(VENUE, port);
    }

    static SessionSettings initiator(final SessionID gateway, final int port) {
        final SessionSettings settings = common(gateway);
        settings.setString(gateway, "ConnectionType", "initiator");
        settings.setString(gateway, "SocketConnectHost", "127.0.0.1");
        settings.setLong(gateway, "SocketConnectPort", port);
        settings.setLong(gateway, "ReconnectInterval", 1);
        settings.setString(gateway, "PersistMessages", "N");
        return settings;
    }

    static SessionSettings acceptor(final SessionID venue, final int port) {
        final SessionSettings settings = common(venue);
        settings.setString(venue, "ConnectionType", "acceptor");
        settings.setString(venue, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(venue, "SocketAcceptPort", port);
        return settings;
    }

    /** The other side's session id: sender and target swapped. */
    static SessionID counterparty(final SessionID session) {
        return new SessionID(session.getBeginString(), session.getTargetCompID(), session.getSenderCompID());
    }

    private static SessionSettings common(final SessionID session) {
        final SessionSettings settings = new SessionSettings();
        settings.setString(session, "BeginString", session.getBeginString());
        settings.setString(session, "SenderCompID", session.getSenderCompID());
        settings.setString(session, "TargetCompID", session.getTargetCompID());
        settings.setString(session, "StartTime", "00:00:00");
        settings.setString(session, "EndTime", "00:00:00");
        settings.setLong(session, "HeartBtInt", 30);
        settings.setString(session, "UseDataDictionary", "Y");
        settings.setString(session, "DataDictionary", session.getBeginString().replace(".", "") + ".xml");
        settings.setString(session, "ValidateIncomingMessage", "Y");
        settings.setString(session, "RejectInvalidMessage", "Y");
        settings.setString(session, "RejectGarbledMessage", "Y");
        return settings;
    }
}
