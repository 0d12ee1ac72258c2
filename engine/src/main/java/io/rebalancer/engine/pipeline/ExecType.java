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
    /**
     * The venue accepted a cancel/replace request: the order now works on the terms the engine asked for. The
     * report's client order id is the request's id.
     */
    public static final int REPLACED = 6;
    /**
     * The venue refused a cancel or cancel/replace request (FIX OrderCancelReject): the order keeps working on its
     * old terms, or has already finished and its last reports are on their way. Client order id: the request's.
     */
    public static final int CANCEL_REJECTED = 7;
    /**
     * The venue's answer to an order status request (FIX ExecType I): what it knows of the order, in
     * {@code orderStatus} ({@link VenueOrderStatus}), cumulative quantity, average price and leaves. Not a fill: any
     * quantity it shows that the engine never booked was missed and is reconciled. Client order id: the order's
     * current id, as the request named it.
     */
    public static final int ORDER_STATUS = 8;

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
            case REPLACED:
                return "REPLACED";
            case CANCEL_REJECTED:
                return "CANCEL_REJECTED";
            case ORDER_STATUS:
                return "ORDER_STATUS";
            default:
                return "UNKNOWN(" + execType + ")";
        }
    }
}
