package io.rebalancer.engine.pipeline;

/**
 * An order's status as the venue reports it in answer to an order status request ({@link ExecType#ORDER_STATUS}),
 * reduced from FIX OrdStatus to what reconciliation needs.
 */
public final class VenueOrderStatus {
    /**
     * No answer: the request could not be sent (the session was down) or the venue refused it. The order stays as
     * the engine holds it; the gateway's own answer, so the engine does not wait out its timeout.
     */
    public static final int NO_ANSWER = 0;
    /** Accepted (or pending) and not finished: it may still fill. */
    public static final int WORKING = 1;
    public static final int FILLED = 2;
    public static final int CANCELED = 3;
    public static final int REJECTED = 4;
    public static final int EXPIRED = 5;
    /** The venue has never seen the order (FIX OrdStatus 8 with OrdRejReason 5, unknown order). */
    public static final int UNKNOWN = 6;

    private VenueOrderStatus() {
    }

    public static boolean isValid(final int status) {
        return status >= NO_ANSWER && status <= UNKNOWN;
    }

    public static String name(final int status) {
        switch (status) {
            case NO_ANSWER:
                return "NO_ANSWER";
            case WORKING:
                return "WORKING";
            case FILLED:
                return "FILLED";
            case CANCELED:
                return "CANCELED";
            case REJECTED:
                return "REJECTED";
            case EXPIRED:
                return "EXPIRED";
            case UNKNOWN:
                return "UNKNOWN";
            default:
                return "INVALID(" + status + ")";
        }
    }
}
