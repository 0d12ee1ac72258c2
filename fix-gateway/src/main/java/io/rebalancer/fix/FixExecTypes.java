package io.rebalancer.fix;

import io.rebalancer.engine.pipeline.ExecType;

/**
 * An ExecutionReport (35=8) of FIX 4.2 or 4.4 to the engine's {@link ExecType}, decided on ExecTransType (20,
 * 4.2 only), ExecType (150), OrdStatus (39) and whether LastQty (32; LastShares in 4.2, the same tag) is positive.
 * One table for both versions, because 4.4 only renamed and narrowed 4.2's codes:
 * <pre>
 * ExecTransType 20 | ExecType 150                        | OrdStatus 39 | LastQty 32 | engine
 * -----------------+-------------------------------------+--------------+------------+--------------------------
 * '1' '2'          | any                                 | any          | any        | ignored, counted as a
 *                  |                                     |              |            | correction (see below)
 * '3' Status (4.2) | any                                 | any          | any        | ORDER_STATUS
 * absent or '0'    | 'I' Order status (4.4)              | any          | any        | ORDER_STATUS
 *                  | 'F' Trade (4.4)                     | any          | any        | TRADE
 *                  | '1' Partial fill, '2' Fill (4.2)    | any          | any        | TRADE
 *                  | '0' New                             | any          | any        | NEW
 *                  | '4' Canceled                        | any          | any        | CANCELED
 *                  | 'C' Expired, '3' Done for day       | any          | any        | EXPIRED
 *                  | '8' Rejected                        | any          | any        | REJECTED
 *                  | '5' Replaced                        | any          | any        | REPLACED
 *                  | 'A' Pending new, '6' Pending cancel,| any          | &gt; 0     | TRADE
 *                  | 'E' Pending replace, '7' Stopped,   | '0' New      | absent, 0  | NEW
 *                  | '9' Suspended                       | other        | absent, 0  | ignored
 *                  | 'D' Restated, 'B' Calculated,       | '0' New      | any        | NEW
 *                  | 'G' Trade correct,                  | other        | any        | ignored
 *                  | 'H' Trade cancel, any other code    |              |            |
 * </pre>
 * Why:
 * <ul>
 *   <li>A report books at most one fill, of LastQty at LastPx: a 4.2 '2' Fill is one fill of its LastShares, never
 *   CumQty, and never a fill plus a close. A venue that sends just one full fill and nothing else is booked fully
 *   by it: its LeavesQty of 0 closes the order in the engine.</li>
 *   <li>A TRADE whose LastQty or LastPx cannot be read exactly is still published (with the invalid value), so the
 *   engine refuses and counts it; a fill is never dropped silently here.</li>
 *   <li>A pending, stopped or suspended report that carries a positive LastQty is the only report of that fill, so
 *   it books. A restatement, calculation or trade correction/bust only repeats or revises an earlier report: its
 *   LastQty is an old fill, booking it would count it twice. The same holds for 4.2's ExecTransType cancel and
 *   correct reports. Those are ignored and counted, for a person to reconcile.</li>
 *   <li>An order status report (4.4 ExecType I; 4.2 has no ExecType I, its status reports are ExecTransType 3 with
 *   the order's state as ExecType) is never a fill either, whatever LastQty it repeats: it is the venue's view of
 *   the order, ORDER_STATUS, with OrdStatus read by {@link FixOrdStatus}. A 4.2 ExecType I, from a venue whose
 *   dictionary allows it, is one too.</li>
 *   <li>Any report with OrdStatus New that is not otherwise a booking event is the venue's acknowledgement in its
 *   own words: NEW, which books nothing and only acknowledges the order.</li>
 * </ul>
 */
final class FixExecTypes {
    /** Returned for a report the engine does not book. */
    static final int IGNORED = 0;
    /** Returned for a 4.2 report that cancels or corrects an earlier one; not booked either. */
    static final int CORRECTION = -1;
    /** ExecTransType (20) New, or what an absent ExecTransType (FIX 4.4) means. */
    static final char TRANSACTION_NEW = '0';
    /** ExecTransType (20) Status (FIX 4.2): the answer to an order status request, or an unsolicited one. */
    static final char TRANSACTION_STATUS = '3';

    private FixExecTypes() {
    }

    /**
     * @param execTransType tag 20, or {@link #TRANSACTION_NEW} when absent
     * @param execType      tag 150
     * @param ordStatus     tag 39
     * @param carriesFill   whether LastQty (32) is present and positive
     * @return one of {@link ExecType}'s codes, {@link #IGNORED} or {@link #CORRECTION}
     */
    static int toEngine(final char execTransType, final char execType, final char ordStatus,
        final boolean carriesFill) {
        if (execTransType == TRANSACTION_STATUS) {
            return ExecType.ORDER_STATUS;
        }
        if (execTransType != TRANSACTION_NEW) {
            return CORRECTION;
        }
        switch (execType) {
            case 'I':
                return ExecType.ORDER_STATUS;
            case 'F':
            case '1':
            case '2':
                return ExecType.TRADE;
            case '0':
                return ExecType.NEW;
            case '4':
                return ExecType.CANCELED;
            case 'C':
            case '3':
                return ExecType.EXPIRED;
            case '8':
                return ExecType.REJECTED;
            case '5':
                return ExecType.REPLACED;
            case 'A':
            case '6':
            case 'E':
            case '7':
            case '9':
                return carriesFill ? ExecType.TRADE : acknowledgement(ordStatus);
            default:
                return acknowledgement(ordStatus);
        }
    }

    private static int acknowledgement(final char ordStatus) {
        return ordStatus == '0' ? ExecType.NEW : IGNORED;
    }
}
