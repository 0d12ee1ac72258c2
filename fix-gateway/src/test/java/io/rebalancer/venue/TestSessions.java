package io.rebalancer.venue;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * QuickFIX/J settings built in code for the tests of every package: loopback sessions on a free port, validating
 * with the dialect's data dictionary, initiators that reconnect every second. Public only so that the gateway's and
 * the daemon's tests use the same settings as the venue's.
 */
public final class TestSessions {
    private TestSessions() {
    }

    /** A port nobody listens on right now; the acceptor binds it a moment later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** One initiator session to 127.0.0.1 on the port, reconnecting every second, keeping nothing to resend. */
    public static SessionSettings initiator(final SessionID session, final int port) {
        final SessionSettings settings = new SessionSettings();
        common(settings, session);
        settings.setString(session, "ConnectionType", "initiator");
        settings.setString(session, "SocketConnectHost", "127.0.0.1");
        settings.setLong(session, "SocketConnectPort", port);
        settings.setLong(session, "ReconnectInterval", 1);
        settings.setString(session, "PersistMessages", "N");
        return settings;
    }

    /** Acceptor sessions on 127.0.0.1 on the port, one per id. */
    public static SessionSettings acceptor(final int port, final SessionID... sessions) {
        final SessionSettings settings = new SessionSettings();
        for (final SessionID session : sessions) {
            common(settings, session);
            settings.setString(session, "ConnectionType", "acceptor");
            settings.setString(session, "SocketAcceptAddress", "127.0.0.1");
            settings.setLong(session, "SocketAcceptPort", port);
        }
        return settings;
    }

    private static void common(final SessionSettings settings, final SessionID session) {
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
    }
}
