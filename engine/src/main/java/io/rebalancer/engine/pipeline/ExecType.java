package io.rebalancer.engine.pipeline;

/**
 * What an execution report says happened to a child order, reduced from FIX's ExecType/OrdStatus to the
 * few facts the engine books. The gateway maps each venue's dialect onto these.
 */
public final class ExecType {
    /** The venue accepted the order; nothing filled yet. */
    public static final int NEW = 1;
    /** Some quantity traded: lastQuantity at lastPrice. */
    public static final int TRADE = 2;
    /** The remainder was cancelled; no more fills will come. */
    public static final int CANCELED = 3;
    /** The venue refused the order; no fills will come. */
    public static final int REJECTED = 4;
    /** The remainder expired (time in force); no more fills will come. */
    public static final int EXPIRED = 5;

    private ExecType() {
    }

    public static String name(final int execType) {
        switch (execType) {
            case NEW:
                return "NEW";
            case TRADE:
                return "TRADE";
            case CANCELED:
                return "CANCELED";
            case REJECTED:
                return "REJECTED";
            case EXPIRED:
                return "EXPIRED";
            default:
                return "UNKNOWN(" + execType + ")";
        }
    }
}
