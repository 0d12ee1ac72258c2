package io.rebalancer.fix;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Wraps QuickFIX/J's message log so a Logon's Password (554) never reaches a log, whatever the log level: the
 * value is replaced by {@code ***} in every incoming and outgoing message line. QuickFIX/J has no setting for this.
 */
final class PasswordMaskingLogFactory implements LogFactory {
    private static final String PASSWORD = "\u0001554=";
    private static final String MASKED = PASSWORD + "***";

    private final LogFactory delegate;

    PasswordMaskingLogFactory(final LogFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Log create(final SessionID sessionID) {
        return new MaskingLog(delegate.create(sessionID));
    }

    /** The message with the value of each 554 field replaced; the same string when it has none. */
    static String mask(final String message) {
        int at = message.indexOf(PASSWORD);
        if (at < 0) {
            return message;
        }
        final StringBuilder out = new StringBuilder(message.length());
        int from = 0;
        while (at >= 0) {
            out.append(message, from, at).append(MASKED);
            final int end = message.indexOf('\u0001', at + PASSWORD.length());
            from = end < 0 ? message.length() : end;
            at = message.indexOf(PASSWORD, from);
        }
        return out.append(message, from, message.length()).toString();
    }

    private static final class MaskingLog implements Log {
        private final Log log;

        MaskingLog(final Log log) {
            this.log = log;
        }

        @Override
        public void clear() {
            log.clear();
        }

        @Override
        public void onIncoming(final String message) {
            log.onIncoming(mask(message));
        }

        @Override
        public void onOutgoing(final String message) {
            log.onOutgoing(mask(message));
        }

        @Override
        public void onEvent(final String text) {
            log.onEvent(mask(text));
        }

        @Override
        public void onErrorEvent(final String text) {
            log.onErrorEvent(mask(text));
        }
    }
}
