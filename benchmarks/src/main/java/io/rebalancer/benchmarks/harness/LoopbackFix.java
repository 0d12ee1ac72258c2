package io.rebalancer.benchmarks.harness;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The FIX 4.4 session pair of the tick-to-venue scenario, built in code with the keys of the shipped
 * {@code config/fix/initiator.cfg} and {@code venue.cfg}: validation with the data dictionary on both sides,
 * {@code PersistMessages=N} on the gateway's, no message rate limit, and, as the daemon's in-process venue does,
 * 127.0.0.1 on a port free at the time and sequence numbers in memory, so nothing is left behind. QuickFIX/J logs
 * through SLF4J (warn and above, on stderr), never the screen log. Public for the JMH benchmarks' session
 * ({@code io.rebalancer.fix.LoopbackGateway}), which is the same pair.
 */
public final class LoopbackFix {
    public static final SessionID GATEWAY = new SessionID("FIX.4.4", "REBALANCER", "VENUE");
    public static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "REBALANCER");

    private LoopbackFix() {
    }

    /** A port nobody listens on right now; the venue binds it a moment later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException ex) {
            throw new UncheckedIOException("no free loopback port for the FIX session", ex);
        }
    }

    /** The gateway's initiator session to the venue on {@code port}. */
    public static SessionSettings initiator(final int port) {
        final SessionSettings settings = new SessionSettings();
        common(settings, GATEWAY);
        settings.setString(GATEWAY, "ConnectionType", "initiator");
        settings.setString(GATEWAY, "SocketConnectHost", "127.0.0.1");
        settings.setLong(GATEWAY, "SocketConnectPort", port);
        settings.setLong(GATEWAY, "ReconnectInterval", 1);
        settings.setString(GATEWAY, "PersistMessages", "N");
        settings.setLong(GATEWAY, "MaxMessagesPerSecond", 0);
        return settings;
    }

    /** The venue simulator's acceptor session on {@code port}. */
    public static SessionSettings acceptor(final int port) {
        final SessionSettings settings = new SessionSettings();
        common(settings, VENUE);
        settings.setString(VENUE, "ConnectionType", "acceptor");
        settings.setString(VENUE, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(VENUE, "SocketAcceptPort", port);
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
        settings.setString(session, "DataDictionary", "FIX44.xml");
        settings.setString(session, "ValidateIncomingMessage", "Y");
        settings.setString(session, "RejectInvalidMessage", "Y");
        settings.setString(session, "RejectGarbledMessage", "Y");
    }
}
