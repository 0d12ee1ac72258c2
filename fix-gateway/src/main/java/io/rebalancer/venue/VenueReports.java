package io.rebalancer.venue;

import io.rebalancer.fix.FixDecimal;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the simulator's ExecutionReports and OrderCancelRejects in the dialect of the session they go to, as
 * plain {@link Message}s so one code path serves FIX 4.2 and 4.4 (no per-version message classes). FIX 4.2 has
 * no ExecType F: a fill is ExecType 1 (partial) or 2 (filled), and every report carries ExecTransType 0; LastQty
 * (32) is 4.2's LastShares, the same tag. ExecIDs are decimal and unique across the venue's life, drawn from one
 * counter shared with the fault injector, so a duplicate is always deliberate.
 * <p>
 * An answer to an order status request is ExecType I in 4.4; 4.2 has no ExecType I, so there it is ExecTransType 3
 * (Status) with ExecType equal to the OrdStatus (the two share their codes in 4.2). Either way it carries OrdStatus,
 * CumQty, LeavesQty, AvgPx, the OrderID and an ExecID of its own, and never LastQty: it repeats no fill.
 */
final class VenueReports {
    static final String FIX42 = "FIX.4.2";
    /** OrderID of an OrderCancelReject for an order the venue does not know. */
    static final String NO_ORDER_ID = "NONE";

    private final AtomicLong execIds;

    VenueReports(final AtomicLong execIds) {
        this.execIds = execIds;
    }

    static boolean isFix42(final SessionID session) {
        return FIX42.equals(session.getBeginString());
    }

    /** An ExecutionReport of the order's current state: ClOrdID is its current id. */
    Message execution(final RestingOrder order, final char execType, final char ordStatus) {
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, MsgType.EXECUTION_REPORT);
        report.setString(OrderID.FIELD, order.orderId);
        report.setString(ExecID.FIELD, Long.toString(execIds.getAndIncrement()));
        if (isFix42(order.session)) {
            report.setChar(ExecTransType.FIELD, ExecTransType.NEW);
        }
        report.setString(ClOrdID.FIELD, order.clOrdId);
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(Symbol.FIELD, order.order.symbol());
        report.setChar(Side.FIELD, order.order.side());
        if (order.quantity > 0) {
            report.setString(OrderQty.FIELD, Long.toString(order.quantity));
        }
        if (order.priceText != null) {
            report.setString(Price.FIELD, order.priceText);
        }
        final boolean closed = ordStatus == OrdStatus.REJECTED || ordStatus == OrdStatus.CANCELED
            || ordStatus == OrdStatus.EXPIRED;
        report.setString(LeavesQty.FIELD, Long.toString(closed ? 0 : order.leaves));
        report.setString(CumQty.FIELD, Long.toString(order.cumQuantity));
        report.setString(AvgPx.FIELD, FixDecimal.formatPrice(
            order.cumQuantity == 0 ? 0 : order.notional / order.cumQuantity));
        report.setField(new TransactTime());
        return report;
    }

    /**
     * The answer to an order status request: the order as it is now, under the ClOrdID the request named (its
     * current one or an older one), echoing the request's OrdStatusReqID (4.4).
     *
     * @param ordStatus      what to report: the order's status, or Pending New while its ack is still due
     * @param ordStatusReqId null when the request had none
     */
    Message status(final RestingOrder order, final char ordStatus, final String clOrdId,
        final String ordStatusReqId) {
        final Message report = execution(order, statusExecType(order.session, ordStatus), ordStatus);
        report.setString(ClOrdID.FIELD, clOrdId);
        return asStatus(report, order.session, ordStatusReqId);
    }

    /**
     * The answer to a status request for a ClOrdID the venue does not know: OrdStatus 8 Rejected with OrdRejReason
     * 5 (unknown order), OrderID NONE, nothing filled or open, the request's Side and Symbol.
     */
    Message unknownStatus(final VenueRequest.Status request) {
        final RestingOrder none = new RestingOrder(request.session(), NO_ORDER_ID,
            new VenueOrder(request.clOrdId(), request.side(), request.symbol(), 0, 0, null), -1, false);
        final Message report = execution(none, statusExecType(request.session(), OrdStatus.REJECTED),
            OrdStatus.REJECTED);
        report.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_ORDER);
        report.setString(Text.FIELD, "unknown order " + request.clOrdId());
        return asStatus(report, request.session(), request.ordStatusReqId());
    }

    /**
     * A NewOrderSingle refused because its ClOrdID was already used: ExecType and OrdStatus 8 with OrdRejReason 6
     * (duplicate order), OrderID NONE; the order the ClOrdID first named is untouched.
     */
    Message duplicateReject(final SessionID session, final VenueOrder order) {
        final RestingOrder duplicate = new RestingOrder(session, NO_ORDER_ID, order, -1, false);
        final Message report = execution(duplicate, ExecType.REJECTED, OrdStatus.REJECTED);
        report.setInt(OrdRejReason.FIELD, OrdRejReason.DUPLICATE_ORDER);
        report.setString(Text.FIELD, "duplicate ClOrdID " + order.clOrdId());
        return report;
    }

    private static char statusExecType(final SessionID session, final char ordStatus) {
        return isFix42(session) ? ordStatus : ExecType.ORDER_STATUS;
    }

    private static Message asStatus(final Message report, final SessionID session, final String ordStatusReqId) {
        if (isFix42(session)) {
            report.setChar(ExecTransType.FIELD, ExecTransType.STATUS);
        } else if (ordStatusReqId != null) {
            report.setString(OrdStatusReqID.FIELD, ordStatusReqId);
        }
        return report;
    }

    /** A fill of {@code quantity} at {@code price}, already applied to the order: ExecType F, or 1/2 in 4.2. */
    Message trade(final RestingOrder order, final long quantity, final long price) {
        final boolean filled = order.leaves == 0;
        final char execType = !isFix42(order.session) ? ExecType.TRADE
            : filled ? ExecType.FILL : ExecType.PARTIAL_FILL;
        final Message trade = execution(order, execType, filled ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
        trade.setString(LastQty.FIELD, Long.toString(quantity));
        trade.setString(LastPx.FIELD, FixDecimal.formatPrice(price));
        return trade;
    }

    /** A report answering a cancel or replace request: ClOrdID is the request's, OrigClOrdID the order's id. */
    Message answer(final RestingOrder order, final char execType, final char ordStatus, final String requestId,
        final String origClOrdId) {
        final Message report = execution(order, execType, ordStatus);
        report.setString(ClOrdID.FIELD, requestId);
        report.setString(OrigClOrdID.FIELD, origClOrdId);
        return report;
    }

    /**
     * An OrderCancelReject (35=9).
     *
     * @param order      the order named, or null when the venue does not know it
     * @param responseTo {@link CxlRejResponseTo#ORDER_CANCEL_REQUEST} or {@code ..._REPLACE_REQUEST}
     * @param reason     {@link CxlRejReason}: 0 too late, 1 unknown order, 2 venue option (a refused replace)
     */
    Message cancelReject(final RestingOrder order, final String requestId, final String origClOrdId,
        final char responseTo, final int reason, final String text) {
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REJECT);
        reject.setString(OrderID.FIELD, order == null ? NO_ORDER_ID : order.orderId);
        reject.setString(ClOrdID.FIELD, requestId);
        reject.setString(OrigClOrdID.FIELD, origClOrdId);
        reject.setChar(OrdStatus.FIELD, order == null ? OrdStatus.REJECTED : order.status);
        reject.setChar(CxlRejResponseTo.FIELD, responseTo);
        reject.setInt(CxlRejReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        return reject;
    }
}
