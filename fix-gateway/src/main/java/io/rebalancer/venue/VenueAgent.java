package io.rebalancer.venue;

import io.rebalancer.engine.domain.Fixed;
import io.rebalancer.fix.FixDecimal;
import io.rebalancer.marketdata.synthetic.LatestQuotes;
import org.agrona.concurrent.Agent;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TransactTime;
import quickfix.fix44.ExecutionReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's matching loop, on its own thread: acknowledges each new order (ExecType 0 New), then fills
 * it at the touch while it is marketable against its limit (a buy at the ask, a sell at the bid), so a fill is
 * never worse than the limit. An order that is not marketable rests and is retried on every duty cycle, so it
 * fills when the quotes move. With partial fills on, an order of two units or more fills in two halves on two
 * cycles. Each Trade report (ExecType F) carries LastQty, LastPx, CumQty, LeavesQty, AvgPx (notional over
 * CumQty, rounded down to a micro) and a unique decimal ExecID. An order with an unknown symbol or an
 * unreadable quantity or price is rejected (ExecType 8). Allocation is fine here: this is a test venue.
 */
final class VenueAgent implements Agent {
    private final Queue<RestingOrder> inbox;
    private final LatestQuotes quotes;
    private final long[] lots;
    private final boolean partialFills;
    private final List<RestingOrder> book = new ArrayList<>();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private long taken;
    private long nextExecId = 1;

    VenueAgent(final Queue<RestingOrder> inbox, final LatestQuotes quotes, final long[] lots,
        final boolean partialFills) {
        this.lots = lots;
        this.inbox = inbox;
        this.quotes = quotes;
        this.partialFills = partialFills;
    }

    @Override
    public String roleName() {
        return "venue-simulator";
    }

    @Override
    public int doWork() {
        int work = 0;
        RestingOrder order;
        while ((order = inbox.poll()) != null) {
            work++;
            taken++;
            accept(order);
        }
        for (int i = book.size() - 1; i >= 0; i--) {
            if (tryFill(book.get(i))) {
                work++;
                if (book.get(i).leaves == 0) {
                    book.remove(i);
                }
            }
        }
        if (work > 0) {
            processed.lazySet(taken);
        }
        return work;
    }

    /**
     * Orders taken from the inbox and given a first chance to fill (a whole duty cycle ran since they arrived);
     * any thread. A driver of the quotes may wait for this, so an order meets the market of its own moment.
     */
    long ordersProcessed() {
        return processed.get();
    }

    /** Trade reports sent so far; any thread. */
    long fills() {
        return fills.get();
    }

    private void accept(final RestingOrder order) {
        final VenueOrder o = order.order;
        if (order.instrument < 0 || order.instrument >= quotes.instruments() || o.quantity() <= 0
            || o.limitPrice() <= 0 || o.limitPrice() == Fixed.INVALID) {
            send(order, report(order, ExecType.REJECTED, OrdStatus.REJECTED));
            return;
        }
        send(order, report(order, ExecType.NEW, OrdStatus.NEW));
        book.add(order);
    }

    private boolean tryFill(final RestingOrder order) {
        final long touch = order.isBuy() ? quotes.ask(order.instrument) : quotes.bid(order.instrument);
        final long limit = order.order.limitPrice();
        if (!FillRules.marketable(touch, order.isBuy(), limit)) {
            return false;
        }
        long quantity = order.leaves;
        if (partialFills && !order.split) {
            quantity = FillRules.firstPartial(quantity, lots[order.instrument]);
        }
        order.split = true;
        order.leaves -= quantity;
        order.cumQuantity += quantity;
        order.notional = Fixed.add(order.notional, Fixed.multiply(quantity, touch));
        final Message trade = report(order, ExecType.TRADE,
            order.leaves == 0 ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED);
        trade.setString(LastQty.FIELD, Long.toString(quantity));
        trade.setString(LastPx.FIELD, FixDecimal.formatPrice(touch));
        send(order, trade);
        fills.incrementAndGet();
        return true;
    }

    private Message report(final RestingOrder order, final char execType, final char ordStatus) {
        final VenueOrder o = order.order;
        final ExecutionReport report = new ExecutionReport();
        report.setString(OrderID.FIELD, order.orderId);
        report.setString(ExecID.FIELD, Long.toString(nextExecId++));
        report.setString(ClOrdID.FIELD, o.clOrdId());
        report.setChar(ExecType.FIELD, execType);
        report.setChar(OrdStatus.FIELD, ordStatus);
        report.setString(Symbol.FIELD, o.symbol());
        report.setChar(Side.FIELD, o.side());
        if (o.quantity() > 0) {
            report.setString(OrderQty.FIELD, Long.toString(o.quantity()));
        }
        if (o.priceText() != null) {
            report.setString(Price.FIELD, o.priceText());
        }
        final boolean done = execType == ExecType.REJECTED;
        report.setString(LeavesQty.FIELD, Long.toString(done ? 0 : order.leaves));
        report.setString(CumQty.FIELD, Long.toString(order.cumQuantity));
        report.setString(AvgPx.FIELD, FixDecimal.formatPrice(
            order.cumQuantity == 0 ? 0 : order.notional / order.cumQuantity));
        report.set(new TransactTime());
        return report;
    }

    private static void send(final RestingOrder order, final Message report) {
        final Session session = Session.lookupSession(order.session);
        if (session != null) {
            session.send(report);
        }
    }
}
