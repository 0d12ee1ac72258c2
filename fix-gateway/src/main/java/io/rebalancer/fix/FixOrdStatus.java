package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.VenueOrderStatus;

/**
 * The OrdStatus (39) of the venue's answer to an order status request (ExecType I in 4.4, ExecTransType 3 in 4.2)
 * to the engine's {@link VenueOrderStatus}. One table for FIX 4.2 and 4.4:
 * <pre>
 * OrdStatus 39                                           | OrdRejReason 103 | engine
 * -------------------------------------------------------+------------------+----------------------------
 * '0' New, '1' Partially filled, 'A' Pending new,        | any              | WORKING
 * '6' Pending cancel, 'E' Pending replace, '5' Replaced  |                  |
 * (4.2), '7' Stopped, '9' Suspended, 'D' Accepted for    |                  |
 * bidding                                                |                  |
 * '2' Filled                                             | any              | FILLED
 * '4' Canceled                                           | any              | CANCELED
 * '8' Rejected                                           | 5 unknown order  | UNKNOWN
 *                                                        | other, absent    | REJECTED
 * 'C' Expired, '3' Done for day, 'B' Calculated          | any              | EXPIRED
 * anything else                                          |                  | {@link #NO_ANSWER}
 * </pre>
 * A pending cancel or replace still works: it may fill until the venue confirms. Done for day and Calculated
 * (completed for the day) fill no more today, as an expiry; CumQty says what did fill.
 */
final class FixOrdStatus {
    /**
     * Not a {@link VenueOrderStatus} code: the request got no usable answer. The gateway publishes an
     * {@code ORDER_STATUS} with this status when it could not send the request (session down, QuickFIX/J refused),
     * when the venue refused the request (a session Reject or BusinessMessageReject of the 35=H), and when the
     * answer's OrdStatus is one it cannot read. It says nothing about the order: ask again later.
     */
    static final int NO_ANSWER = 0;
    /** OrdRejReason (103) 5: the venue does not know the order. */
    static final int UNKNOWN_ORDER = 5;

    private FixOrdStatus() {
    }

    /**
     * @param ordStatus    tag 39, or 0 when absent
     * @param rejectReason tag 103, or -1 when absent
     * @return one of {@link VenueOrderStatus}'s codes, or {@link #NO_ANSWER}
     */
    static int toEngine(final char ordStatus, final int rejectReason) {
        switch (ordStatus) {
            case '0':
            case '1':
            case 'A':
            case '6':
            case 'E':
            case '5':
            case '7':
            case '9':
            case 'D':
                return VenueOrderStatus.WORKING;
            case '2':
                return VenueOrderStatus.FILLED;
            case '4':
                return VenueOrderStatus.CANCELED;
            case '8':
                return rejectReason == UNKNOWN_ORDER ? VenueOrderStatus.UNKNOWN : VenueOrderStatus.REJECTED;
            case 'C':
            case '3':
            case 'B':
                return VenueOrderStatus.EXPIRED;
            default:
                return NO_ANSWER;
        }
    }
}
