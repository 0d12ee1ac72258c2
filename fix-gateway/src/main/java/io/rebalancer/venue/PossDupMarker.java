package io.rebalancer.venue;

import quickfix.Message;
import quickfix.field.OrigSendingTime;
import quickfix.field.PossDupFlag;

/**
 * Marks the next message a thread sends as a possible duplicate. {@code Session.send} strips PossDupFlag and
 * OrigSendingTime from what it is given, so the flag is set in the application's {@code toApp} callback, which
 * QuickFIX/J calls on the sending thread after the header is initialised and before the message is encoded.
 */
final class PossDupMarker {
    private final ThreadLocal<String> pending = new ThreadLocal<>();

    /** The next message sent on this thread gets PossDupFlag=Y and this OrigSendingTime (UTC timestamp text). */
    void markNext(final String origSendingTime) {
        pending.set(origSendingTime);
    }

    /** From {@code toApp}: applies and clears a pending mark of this thread. */
    void apply(final Message message) {
        final String origSendingTime = pending.get();
        if (origSendingTime != null) {
            pending.remove();
            message.getHeader().setBoolean(PossDupFlag.FIELD, true);
            message.getHeader().setString(OrigSendingTime.FIELD, origSendingTime);
        }
    }
}
