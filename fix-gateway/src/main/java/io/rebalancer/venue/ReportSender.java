package io.rebalancer.venue;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.OrigSendingTime;
import quickfix.field.PossDupFlag;
import quickfix.field.SendingTime;

import java.util.Random;

/**
 * Sends the agent's reports, and as a configured fault sends some a second time with the same ExecID: marked
 * PossDupFlag=Y with the first copy's SendingTime as OrigSendingTime (QuickFIX/J refuses a PossDup without it),
 * or plainly, as a venue with a bug would. Agent thread only: it draws from the agent's seeded generator.
 */
final class ReportSender {
    private final VenueBehaviour behaviour;
    private final VenueCounters counters;
    private final Random random;

    ReportSender(final VenueBehaviour behaviour, final VenueCounters counters, final Random random) {
        this.behaviour = behaviour;
        this.counters = counters;
        this.random = random;
    }

    /** Sends when the session exists (QuickFIX/J queues it while logged out); may send a duplicate after it. */
    void send(final SessionID sessionId, final Message report) {
        final Session session = Session.lookupSession(sessionId);
        if (session == null) {
            return;
        }
        session.send(report);
        if (behaviour.duplicateProbability() > 0 && random.nextDouble() < behaviour.duplicateProbability()) {
            session.send(duplicate(report, behaviour.duplicatesPossDup()));
            counters.increment(VenueCounters.DUPLICATES);
        }
    }

    /** A copy of a report that was sent, with the same ExecID and body; marked as a possible duplicate if asked. */
    static Message duplicate(final Message sent, final boolean possDup) {
        final Message copy = (Message)sent.clone();
        if (possDup) {
            copy.getHeader().setBoolean(PossDupFlag.FIELD, true);
            try {
                copy.getHeader().setString(OrigSendingTime.FIELD, sent.getHeader().getString(SendingTime.FIELD));
            } catch (final FieldNotFound notSentYet) {
                copy.getHeader().setField(new OrigSendingTime());
            }
        }
        return copy;
    }
}
