package io.rebalancer.venue;

import quickfix.Message;
import quickfix.Responder;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.AvgPx;
import quickfix.field.BeginString;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TargetCompID;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Puts bad input on the venue's sessions for tests of the other side, from any thread. Well-framed but wrong
 * reports (a missing required field, a non-numeric LastPx, an unknown ClOrdID) go through {@link Session#send},
 * which does not validate outbound messages. Broken framing (a wrong CheckSum or BodyLength) cannot be made by
 * QuickFIX/J's encoder, so those are written raw to the session's {@link Responder} with the next sequence
 * number, which is then consumed in the store as if the message had been sent: a receiver that rejects garbled
 * messages counts it, one that silently drops it sees a gap and recovers it with a ResendRequest (answered with a
 * gap fill, as the frame was never stored). Call these while the venue is otherwise quiet: the raw write does
 * not take the session's sequence lock, so a report sent at the same moment could share the number.
 */
final class FaultInjector {
    private static final char SOH = '\u0001';
    /** A symbol no test universe has, for the injected reports. */
    static final String SYMBOL = "INJECTED";

    private final Supplier<Iterable<SessionID>> sessions;
    private final AtomicLong execIds;
    private final VenueCounters counters;

    FaultInjector(final Supplier<Iterable<SessionID>> sessions, final AtomicLong execIds,
        final VenueCounters counters) {
        this.sessions = sessions;
        this.execIds = execIds;
        this.counters = counters;
    }

    /** Drops the connection of every logged-on session without a Logout; returns how many. */
    int disconnect() {
        int dropped = 0;
        for (final SessionID id : sessions.get()) {
            if (disconnect(id)) {
                dropped++;
            }
        }
        return dropped;
    }

    /** Drops one session's connection if it is logged on. */
    boolean disconnect(final SessionID id) {
        final Session session = Session.lookupSession(id);
        if (session == null || !session.isLoggedOn()) {
            return false;
        }
        try {
            session.disconnect("venue simulator: fault injection", false);
        } catch (final IOException ex) {
            return false;
        }
        counters.increment(VenueCounters.DISCONNECTS);
        return true;
    }

    /** Sends a Logout to every logged-on session (a clean end of the session); returns how many. */
    int logout() {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            final Session session = Session.lookupSession(id);
            if (session != null && session.isLoggedOn()) {
                session.logout("venue simulator: logout on request");
                counters.increment(VenueCounters.DISCONNECTS);
                count++;
            }
        }
        return count;
    }

    /** A full-fill report for {@code clOrdId} without the field {@code tag} (e.g. 6 AvgPx, 17 ExecID). */
    int reportWithout(final String clOrdId, final int tag) {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            final Message report = fill(id, clOrdId);
            report.removeField(tag);
            count += sendInvalid(id, report);
        }
        return count;
    }

    /** A full-fill report for {@code clOrdId} whose LastPx is not a number. */
    int nonNumericLastPx(final String clOrdId) {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            final Message report = fill(id, clOrdId);
            report.setString(LastPx.FIELD, "12.3x");
            count += sendInvalid(id, report);
        }
        return count;
    }

    /** A valid full-fill report for a ClOrdID that was never sent to the venue. */
    int unknownClOrdId(final String clOrdId) {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            count += sendInvalid(id, fill(id, clOrdId));
        }
        return count;
    }

    /** A well-formed fill report whose CheckSum (10) is off by one. */
    int badChecksum(final String clOrdId) {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            final String raw = raw(id, clOrdId);
            if (raw == null) {
                continue;
            }
            final int at = raw.lastIndexOf(SOH + "10=") + 4;
            final int sum = Integer.parseInt(raw.substring(at, at + 3));
            count += writeRaw(id, raw.substring(0, at) + String.format(Locale.ROOT, "%03d", (sum + 1) % 256) + SOH);
        }
        return count;
    }

    /** A fill report whose BodyLength (9) is three short, so the frame ends where no CheckSum is. */
    int badBodyLength(final String clOrdId) {
        int count = 0;
        for (final SessionID id : sessions.get()) {
            final String raw = raw(id, clOrdId);
            if (raw == null) {
                continue;
            }
            final int start = raw.indexOf(SOH + "9=") + 3;
            final int end = raw.indexOf(SOH, start);
            final int length = Integer.parseInt(raw.substring(start, end));
            count += writeRaw(id, raw.substring(0, start) + (length - 3) + raw.substring(end));
        }
        return count;
    }

    private int sendInvalid(final SessionID id, final Message report) {
        final Session session = Session.lookupSession(id);
        if (session == null || !session.isLoggedOn()) {
            return 0;
        }
        session.send(report);
        counters.increment(VenueCounters.INVALID_INJECTED);
        return 1;
    }

    /** A fill report encoded with a complete header and the session's next sequence number, or null if offline. */
    private String raw(final SessionID id, final String clOrdId) {
        final Session session = Session.lookupSession(id);
        if (session == null || !session.isLoggedOn()) {
            return null;
        }
        final Message report = fill(id, clOrdId);
        final Message.Header header = report.getHeader();
        header.setString(BeginString.FIELD, id.getBeginString());
        header.setString(SenderCompID.FIELD, id.getSenderCompID());
        header.setString(TargetCompID.FIELD, id.getTargetCompID());
        header.setInt(MsgSeqNum.FIELD, session.getExpectedSenderNum());
        header.setField(new SendingTime());
        return report.toString();
    }

    private int writeRaw(final SessionID id, final String frame) {
        final Session session = Session.lookupSession(id);
        final Responder responder = session == null ? null : session.getResponder();
        if (responder == null || !responder.send(frame)) {
            return 0;
        }
        try {
            session.getStore().incrNextSenderMsgSeqNum();
        } catch (final IOException ex) {
            throw new UncheckedIOException("venue simulator: sequence store", ex);
        }
        counters.increment(VenueCounters.GARBLED_INJECTED);
        return 1;
    }

    /** A complete fill of one unit at 1 for {@code clOrdId}, in the session's dialect. */
    private Message fill(final SessionID id, final String clOrdId) {
        final boolean fix42 = VenueReports.isFix42(id);
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        report.setString(OrderID.FIELD, "INJECTED");
        report.setString(ExecID.FIELD, Long.toString(execIds.getAndIncrement()));
        if (fix42) {
            report.setChar(ExecTransType.FIELD, ExecTransType.NEW);
        }
        report.setString(ClOrdID.FIELD, clOrdId);
        report.setChar(ExecType.FIELD, fix42 ? ExecType.FILL : ExecType.TRADE);
        report.setChar(OrdStatus.FIELD, OrdStatus.FILLED);
        report.setString(Symbol.FIELD, SYMBOL);
        report.setChar(Side.FIELD, Side.BUY);
        report.setString(OrderQty.FIELD, "1");
        report.setString(LastQty.FIELD, "1");
        report.setString(LastPx.FIELD, "1");
        report.setString(LeavesQty.FIELD, "0");
        report.setString(CumQty.FIELD, "1");
        report.setString(AvgPx.FIELD, "1");
        return report;
    }
}
