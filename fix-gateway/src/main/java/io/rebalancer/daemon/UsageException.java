package io.rebalancer.daemon;

/** A bad command line; the message says what was wrong in words a person can act on. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }
}
