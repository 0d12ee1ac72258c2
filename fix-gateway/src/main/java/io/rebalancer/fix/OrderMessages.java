package io.rebalancer.fix;

import io.rebalancer.engine.core.OrderHandOff;
import org.agrona.DirectBuffer;
import quickfix.FixVersions;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.OrdStatusReqID;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Builds the FIX message for one hand-off record, in the logged-on session's dialect: a NewOrderSingle (35=D),
 * OrderCancelRequest (35=F), OrderCancelReplaceRequest (35=G) or OrderStatusRequest (35=H) of
 * {@code quickfix.fix44} or {@code quickfix.fix42}. The fields are the same in both versions and set once here by
 * tag; only the message class, 4.2's required HandlInst (21=1, automated, no broker intervention) on D and G, and
 * 4.4's OrdStatusReqID on H differ, so there is no per-version copy.
 * <pre>
 *   record    message  fields
 *   NEW_ORDER 35=D     ClOrdID, [HandlInst], Symbol, Side, TransactTime, OrderQty, OrdType=2 limit, Price,
 *                      TimeInForce=0 day
 *   CANCEL    35=F     ClOrdID=request id, OrigClOrdID, Symbol, Side, TransactTime, OrderQty (required in 4.2)
 *   REPLACE   35=G     ClOrdID=request id, OrigClOrdID, [HandlInst], Symbol, Side, TransactTime,
 *                      OrderQty=new total, OrdType=2 limit, Price, TimeInForce=0 day
 *   STATUS    35=H     ClOrdID=the order's current id, [OrdStatusReqID (4.4 only)], Symbol, Side
 * </pre>
 * OrdStatusReqID is the ClOrdID, a dash and the send time in epoch nanoseconds: unique per request, and never a
 * plain decimal, so a venue that echoes it as BusinessRejectRefID is not mistaken for naming a ClOrdID.
 * Every number goes in as exact text: {@code setDouble} would print 0.29 as 0.29 only by luck. Gateway thread only.
 */
final class OrderMessages {
    private final String[] symbols;

    /** @param symbols wire symbol per engine instrument id */
    OrderMessages(final String[] symbols) {
        this.symbols = symbols.clone();
    }

    /**
     * The {@link OrderWire} dialect of a session's BeginString.
     *
     * @throws IllegalArgumentException for a FIX version the gateway does not speak
     */
    static int dialect(final String beginString) {
        if (FixVersions.BEGINSTRING_FIX44.equals(beginString)) {
            return OrderWire.FIX44;
        }
        if (FixVersions.BEGINSTRING_FIX42.equals(beginString)) {
            return OrderWire.FIX42;
        }
        throw new IllegalArgumentException("BeginString=" + beginString + ": the gateway speaks "
            + FixVersions.BEGINSTRING_FIX44 + " or " + FixVersions.BEGINSTRING_FIX42);
    }

    /**
     * @param recordType {@link OrderHandOff#NEW_ORDER}, {@link OrderHandOff#CANCEL}, {@link OrderHandOff#REPLACE}
     *                   or {@link OrderHandOff#STATUS}
     * @param dialect    {@link OrderWire#FIX42} or {@link OrderWire#FIX44}
     * @param nowNanos   epoch nanoseconds for TransactTime (and a status request's OrdStatusReqID)
     */
    Message build(final int recordType, final int dialect, final DirectBuffer buffer, final int index,
        final long nowNanos) {
        final boolean fix42 = dialect == OrderWire.FIX42;
        final Message message = create(recordType, fix42);
        final long id = buffer.getLong(index + OrderHandOff.CLIENT_ORDER_ID_OFFSET);
        message.setString(ClOrdID.FIELD, Long.toString(id));
        if (recordType == OrderHandOff.STATUS) {
            if (!fix42) {
                message.setString(OrdStatusReqID.FIELD, id + "-" + nowNanos);
            }
            message.setString(Symbol.FIELD, symbols[buffer.getInt(index + OrderHandOff.INSTRUMENT_OFFSET)]);
            message.setChar(Side.FIELD, (char)buffer.getByte(index + OrderHandOff.SIDE_OFFSET));
            return message;
        }
        if (recordType != OrderHandOff.NEW_ORDER) {
            message.setString(OrigClOrdID.FIELD,
                Long.toString(buffer.getLong(index + OrderHandOff.ORIGINAL_CLIENT_ORDER_ID_OFFSET)));
        }
        if (fix42 && recordType != OrderHandOff.CANCEL) {
            message.setChar(HandlInst.FIELD, HandlInst.AUTOMATED_EXECUTION_ORDER_PRIVATE_NO_BROKER_INTERVENTION);
        }
        message.setString(Symbol.FIELD, symbols[buffer.getInt(index + OrderHandOff.INSTRUMENT_OFFSET)]);
        message.setChar(Side.FIELD, (char)buffer.getByte(index + OrderHandOff.SIDE_OFFSET));
        message.setField(new TransactTime(LocalDateTime.ofEpochSecond(Math.floorDiv(nowNanos, 1_000_000_000L),
            (int)Math.floorMod(nowNanos, 1_000_000_000L), ZoneOffset.UTC)));
        message.setString(OrderQty.FIELD, Long.toString(buffer.getLong(index + OrderHandOff.QUANTITY_OFFSET)));
        if (recordType != OrderHandOff.CANCEL) {
            message.setChar(OrdType.FIELD, OrdType.LIMIT);
            message.setString(Price.FIELD,
                FixDecimal.formatPrice(buffer.getLong(index + OrderHandOff.LIMIT_PRICE_OFFSET)));
            message.setChar(TimeInForce.FIELD, TimeInForce.DAY);
        }
        return message;
    }

    private static Message create(final int recordType, final boolean fix42) {
        switch (recordType) {
            case OrderHandOff.NEW_ORDER:
                return fix42 ? new quickfix.fix42.NewOrderSingle() : new quickfix.fix44.NewOrderSingle();
            case OrderHandOff.CANCEL:
                return fix42 ? new quickfix.fix42.OrderCancelRequest() : new quickfix.fix44.OrderCancelRequest();
            case OrderHandOff.REPLACE:
                return fix42 ? new quickfix.fix42.OrderCancelReplaceRequest()
                    : new quickfix.fix44.OrderCancelReplaceRequest();
            case OrderHandOff.STATUS:
                return fix42 ? new quickfix.fix42.OrderStatusRequest() : new quickfix.fix44.OrderStatusRequest();
            default:
                throw new IllegalArgumentException("not an order record: " + recordType);
        }
    }
}
