package io.rebalancer.fix;

import io.rebalancer.venue.TestSessions;
import quickfix.SessionID;
import quickfix.SessionSettings;

/** The gateway's and the venue's sessions for tests, as {@link TestSessions} builds them: FIX 4.4 unless told. */
final class FixTestSettings {
    static final SessionID GATEWAY = new SessionID("FIX.4.4", "REBALANCER", "VENUE");
    static final SessionID VENUE = new SessionID("FIX.4.4", "VENUE", "REBALANCER");
    static final SessionID GATEWAY_42 = new SessionID("FIX.4.2", "REBALANCER", "VENUE");
    static final SessionID VENUE_42 = new SessionID("FIX.4.2", "VENUE", "REBALANCER");

    private FixTestSettings() {
    }

    static SessionSettings initiator(final int port) {
        return initiator(GATEWAY, port);
    }

    static SessionSettings acceptor(final int port) {
        return acceptor(VENUE, port);
    }

    static SessionSettings initiator(final SessionID gateway, final int port) {
        return TestSessions.initiator(gateway, port);
    }

    static SessionSettings acceptor(final SessionID venue, final int port) {
        return TestSessions.acceptor(port, venue);
    }

    /** The other side's session id: sender and target swapped. */
    static SessionID counterparty(final SessionID session) {
        return new SessionID(session.getBeginString(), session.getTargetCompID(), session.getSenderCompID());
    }
}
