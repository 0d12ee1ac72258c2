package io.rebalancer.marketdata.recorded;

/**
 * A recording cannot be opened: its folder is missing, is not a recording, holds one already (when recording), or
 * was written in another format version. The message names the folder and the fix, fit to print as it is.
 */
public final class RecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RecordingException(final String message) {
        super(message);
    }

    RecordingException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
