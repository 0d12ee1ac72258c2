package io.rebalancer.venue;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.SendingTime;

import java.util.Random;

/**
 * Sends the agent's reports, and as a configured fault sends some a second time with the same ExecID: marked
 * PossDupFlag=Y with the first copy's SendingTime as OrigSendingTime (QuickFIX/J refuses a PossDup without it;
 * see {@link PossDupMarker}), or plainly, as a venue with a bug would. Agent thread only: it draws from the
 * agent's seeded generator.
 */
final class ReportSender {
    private final VenueBehaviour behaviour;
    private final VenueCounters counters;
    private final Random random;
    private final PossDupMarker marker;

    ReportSender(final VenueBehaviour behaviour, final VenueCounters counters, final Random random,
        final PossDupMarker marker) {
        this.behaviour = behaviour;
        this.counters = counters;
        this.random = random;
        this.marker = marker;
    }

    /** Sends when the session exists (QuickFIX/J queues it while logged out); may send a duplicate after it. */
    void send(final SessionID sessionId, final Message report) {
        final Session session = Session.lookupSession(sessionId);
        if (session == null) {
            return;
        }
        session.send(report);
        if (behaviour.duplicateProbability() > 0 && random.nextDouble() < behaviour.duplicateProbability()) {
            if (behaviour.duplicatesPossDup()) {
                marker.markNext(origSendingTime(report));
            }
            session.send((Message)report.clone());
            counters.increment(VenueCounters.DUPLICATES);
        }
    }

    /** The SendingTime QuickFIX/J gave a sent message, as text. */
    private static String origSendingTime(final Message sent) {
        try {
            return sent.getHeader().getString(SendingTime.FIELD);
        } catch (final FieldNotFound never) {
            throw new IllegalStateException("a sent message has no SendingTime", never);
        }
    }
}
