package io.rebalancer.benchmarks.harness;

import quickfix.FieldNotFound;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.NewOrderSingle;

/**
 * The two messages of the QuickFIX/J floor, built the plain QuickFIX/J way (a new message per event). The order
 * carries the fields our gateway puts on a NewOrderSingle (ClOrdID, Symbol, Side, TransactTime, OrderQty, a limit
 * Price, TimeInForce day), numbers as exact text as the gateway writes them, so the floor encodes, sends, decodes
 * and validates a message of the same shape. The ClOrdID is the order's number: the receiving side looks its
 * intended send time up from it. The answer is a plain acknowledgement (ExecType and OrdStatus new).
 */
final class QuickFixFloorMessages {
    static final String SYMBOL = "FLOOR";
    private static final String QUANTITY = "100";
    private static final String LIMIT_PRICE = "101.25";

    private QuickFixFloorMessages() {
    }

    static NewOrderSingle newOrder(final long clientOrderId) {
        final NewOrderSingle order = new NewOrderSingle(new ClOrdID(Long.toString(clientOrderId)),
            new Side(Side.BUY), new TransactTime(), new OrdType(OrdType.LIMIT));
        order.setString(Symbol.FIELD, SYMBOL);
        order.setString(OrderQty.FIELD, QUANTITY);
        order.setString(Price.FIELD, LIMIT_PRICE);
        order.setChar(TimeInForce.FIELD, TimeInForce.DAY);
        return order;
    }

    static ExecutionReport acknowledgement(final NewOrderSingle order) throws FieldNotFound {
        final String clientOrderId = order.getString(ClOrdID.FIELD);
        final String quantity = order.getString(OrderQty.FIELD);
        final ExecutionReport report = new ExecutionReport(new OrderID(clientOrderId), new ExecID(clientOrderId),
            new ExecType(ExecType.NEW), new OrdStatus(OrdStatus.NEW), new Side(order.getChar(Side.FIELD)),
            new LeavesQty(0), new CumQty(0), new AvgPx(0));
        report.setString(LeavesQty.FIELD, quantity);
        report.setString(ClOrdID.FIELD, clientOrderId);
        report.setString(Symbol.FIELD, order.getString(Symbol.FIELD));
        report.setString(OrderQty.FIELD, quantity);
        return report;
    }
}
