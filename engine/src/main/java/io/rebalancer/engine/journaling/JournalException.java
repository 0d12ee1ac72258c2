package io.rebalancer.engine.journaling;

/**
 * The journal cannot be used as it is: its folder is missing, full or not writable, it is damaged before its end,
 * it was written with another configuration, or replaying it does not reach the decisions it records. The message
 * says what and what to do; the daemon prints it and does not start.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalException(final String message) {
        super(message);
    }

    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
